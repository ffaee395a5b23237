// Who may be recognised inclusive (普惠性民办幼儿园) and at what fee is city policy: data with its
// legal basis and the school year it takes effect, which another city replaces wholesale.
import { fen } from '@edugraph/rules';
import type { Fen } from '@edugraph/rules';
import type { Area, SchoolYear } from './kindergarten.ts';

export interface InclusivePolicy {
  /** First school year the row applies to; it holds until a later row for the same area. */
  readonly effectiveFrom: SchoolYear;
  readonly area: Area;
  /** Highest monthly care-and-education fee (保育教育费) an inclusive kindergarten may charge. */
  readonly monthlyFeeCapFen: Fen;
  /** Only non-profit (非营利性) private kindergartens are eligible. */
  readonly nonProfitOnly: boolean;
  readonly basis: string;
}

const NON_PROFIT_BASIS =
  '学前教育法 (2024, in force 2025-06-01) art. 24-style rule as adopted by the city: inclusive recognition and public support go to ' +
  'non-profit private kindergartens; 中发〔2018〕39号 (关于学前教育深化改革规范发展的若干意见) likewise ties 普惠 support to 非营利性 kindergartens.';
const FEE_BASIS =
  'City price bureau and education bureau fee ceiling for 普惠性民办园 (政府指导价, 最高限价), set per area; ' +
  'the amounts here are the city placeholder until the published notice replaces them.';

export const DEFAULT_INCLUSIVE_POLICIES: readonly InclusivePolicy[] = [
  { effectiveFrom: 2025, area: 'URBAN', monthlyFeeCapFen: fen(120_000), nonProfitOnly: true, basis: `${NON_PROFIT_BASIS} ${FEE_BASIS}` },
  { effectiveFrom: 2025, area: 'RURAL', monthlyFeeCapFen: fen(60_000), nonProfitOnly: true, basis: `${NON_PROFIT_BASIS} ${FEE_BASIS}` },
];

/** The row in force for the year and area: the latest one that has taken effect. */
export function inclusivePolicy(policies: readonly InclusivePolicy[], schoolYear: SchoolYear, area: Area): InclusivePolicy | undefined {
  return policies
    .filter((p) => p.area === area && p.effectiveFrom <= schoolYear)
    .reduce<InclusivePolicy | undefined>((best, p) => (best === undefined || p.effectiveFrom > best.effectiveFrom ? p : best), undefined);
}
