// Recognition as inclusive (普惠性认定) is a decision for one school year: the kindergarten is
// INCLUSIVE_PRIVATE that year only, and the subsidy ledger accepts it only for that year.
import { formatYuan, fen } from '@edugraph/rules';
import type { Fen } from '@edugraph/rules';
import { event, fail, step } from '../shared/index.ts';
import type { Step } from '../shared/index.ts';
import { inclusivePolicy } from './inclusive-policy.ts';
import type { InclusivePolicy } from './inclusive-policy.ts';
import { isSchoolYear } from './kindergarten.ts';
import type { Kindergarten, SchoolYear } from './kindergarten.ts';

export type RecognitionRefusal =
  | 'INVALID_SCHOOL_YEAR'
  | 'NOT_PRIVATE'
  | 'FOR_PROFIT_NOT_ELIGIBLE'
  | 'FEE_ABOVE_CAP'
  | 'INVALID_FEE'
  | 'POLICY_NOT_SET'
  | 'ALREADY_RECOGNISED';

export interface RecognitionRequest {
  readonly schoolYear: SchoolYear;
  /** The monthly fee the kindergarten will charge that year. */
  readonly monthlyFeeFen: Fen;
  readonly decidedOn: string;
}

export const RECOGNITION_EVENTS = { recognised: 'preschool.kindergarten.recognised-inclusive' } as const;

export function recogniseInclusive(k: Kindergarten, request: RecognitionRequest, policies: readonly InclusivePolicy[]): Step<Kindergarten, RecognitionRefusal> {
  const { schoolYear, monthlyFeeFen } = request;
  if (!isSchoolYear(schoolYear)) return fail('INVALID_SCHOOL_YEAR', `school year ${schoolYear} is not a year such as 2026`);
  // Public kindergartens are inclusive already; an unlicensed one must be licensed first.
  if (k.kind !== 'PRIVATE') return fail('NOT_PRIVATE', `only a licensed private kindergarten can be recognised inclusive; ${k.name} is ${k.kind}`);
  const policy = inclusivePolicy(policies, schoolYear, k.area);
  if (!policy) return fail('POLICY_NOT_SET', `no inclusive policy is set for ${k.area} in ${schoolYear}`);
  if (policy.nonProfitOnly && !k.nonProfit) {
    return fail('FOR_PROFIT_NOT_ELIGIBLE', `${k.name} is registered for-profit; only non-profit kindergartens can be recognised (${policy.basis})`);
  }
  if (!Number.isSafeInteger(monthlyFeeFen) || monthlyFeeFen < 0) return fail('INVALID_FEE', 'the monthly fee must be a whole number of fen, 0 or more');
  if (monthlyFeeFen > policy.monthlyFeeCapFen) {
    return fail('FEE_ABOVE_CAP', `the fee ${formatYuan(fen(monthlyFeeFen))} a month is above the cap of ${formatYuan(policy.monthlyFeeCapFen)}`, {
      feeFen: monthlyFeeFen,
      capFen: policy.monthlyFeeCapFen,
    });
  }
  if (k.inclusiveYears.includes(schoolYear)) return fail('ALREADY_RECOGNISED', `${k.name} is already recognised for ${schoolYear}`);
  const next = { ...k, inclusiveYears: [...k.inclusiveYears, schoolYear].sort((a, b) => a - b) };
  const payload = { kindergartenId: k.id, schoolYear, monthlyFeeFen, capFen: policy.monthlyFeeCapFen, decidedOn: request.decidedOn };
  return step(next, event(RECOGNITION_EVENTS.recognised, payload));
}
