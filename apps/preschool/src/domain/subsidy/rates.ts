// The per-child subsidy for inclusive private kindergartens is set by the city finance bureau per
// school year: data with its basis, which another city (or next year's budget) replaces.
import { fen } from '@edugraph/rules';
import type { Fen } from '@edugraph/rules';
import { fail, ok } from '../shared/index.ts';
import type { Result } from '../shared/index.ts';
import type { SchoolYear } from '../kindergarten/index.ts';
import type { SubsidyEntry } from './ledger.ts';

export interface SubsidyRate {
  readonly schoolYear: SchoolYear;
  /** Per enrolled child per school year. */
  readonly perChildFen: Fen;
  readonly basis: string;
}

const BASIS =
  'City finance bureau subsidy for recognised 普惠性民办幼儿园: ¥200 per enrolled child per year (EduGraph DOMAIN.md §2); ' +
  'the national frame is 财教〔2011〕405号 and its successors (学前教育发展资金), which leave the amount to local budgets.';

export const DEFAULT_SUBSIDY_RATES: readonly SubsidyRate[] = [
  { schoolYear: 2025, perChildFen: fen(20_000), basis: BASIS },
  { schoolYear: 2026, perChildFen: fen(20_000), basis: BASIS },
  { schoolYear: 2027, perChildFen: fen(20_000), basis: `${BASIS} 2027 carries 2026 over until the budget is published.` },
];

/** Exactly the year's row: a rate is set per year, never inherited silently. */
export function subsidyRate(rates: readonly SubsidyRate[], schoolYear: SchoolYear): SubsidyRate | undefined {
  return rates.find((r) => r.schoolYear === schoolYear);
}

export type RateRefusal = 'RATE_LOCKED' | 'INVALID_RATE';

/**
 * Sets (or replaces) a year's rate. Once any money of that year has left the treasury the rate is
 * locked: changing it would silently make every disbursed kindergarten's ledger wrong.
 */
export function changeRate(rates: readonly SubsidyRate[], ledger: readonly SubsidyEntry[], rate: SubsidyRate): Result<readonly SubsidyRate[], RateRefusal> {
  if (!Number.isSafeInteger(rate.perChildFen) || rate.perChildFen < 0 || rate.basis.trim() === '') {
    return fail('INVALID_RATE', 'a rate is a whole number of fen, 0 or more, with its basis');
  }
  const current = subsidyRate(rates, rate.schoolYear);
  const disbursed = ledger.some((e) => e.schoolYear === rate.schoolYear && e.kind === 'DISBURSED');
  // Rewording the basis of a locked year is allowed; changing its amount is not.
  if (disbursed && current?.perChildFen !== rate.perChildFen) {
    return fail('RATE_LOCKED', `subsidies for ${rate.schoolYear} have been disbursed; its rate can no longer change`, { schoolYear: rate.schoolYear });
  }
  return ok([...rates.filter((r) => r.schoolYear !== rate.schoolYear), rate].sort((a, b) => a.schoolYear - b.schoolYear));
}
