// Per-student public funding (生均公用经费) is set by the finance and education bureaus per year
// and level: data with its basis, which another city replaces.
import { fen } from '@edugraph/rules';
import type { Fen } from '@edugraph/rules';
import type { SchoolLevel } from '../shared/index.ts';

export interface FundingRate {
  readonly year: number;
  readonly level: SchoolLevel;
  /** Per student per year. */
  readonly amountFen: Fen;
  readonly basis: string;
}

const NATIONAL_BENCHMARK =
  '国发〔2015〕67号 (城乡义务教育经费保障机制) set the benchmark 生均公用经费 at ¥650 (primary) and ¥850 (junior) per student per year in eastern provinces ' +
  '(¥600/¥800 central and western); a city may pay more, never less.';

export const DEFAULT_FUNDING_RATES: readonly FundingRate[] = [
  { year: 2026, level: 'PRIMARY', amountFen: fen(65_000), basis: `City 2026 budget at the benchmark. ${NATIONAL_BENCHMARK}` },
  { year: 2026, level: 'JUNIOR', amountFen: fen(85_000), basis: `City 2026 budget at the benchmark. ${NATIONAL_BENCHMARK}` },
  { year: 2027, level: 'PRIMARY', amountFen: fen(65_000), basis: `2027 carries 2026 over until the city publishes its budget. ${NATIONAL_BENCHMARK}` },
  { year: 2027, level: 'JUNIOR', amountFen: fen(85_000), basis: `2027 carries 2026 over until the city publishes its budget. ${NATIONAL_BENCHMARK}` },
];

export function fundingRate(rates: readonly FundingRate[], year: number, level: SchoolLevel): FundingRate | undefined {
  return rates.find((r) => r.year === year && r.level === level);
}
