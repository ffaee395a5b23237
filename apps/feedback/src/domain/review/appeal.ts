// An office may appeal a review it thinks malicious or mistaken (恶意差评, 误评); staff of a
// different office decide, so nobody judges the review of their own work. Upheld: the rating
// leaves the published figures but stays, marked, in the record.
import { fail, ok } from '@edugraph/rules';
import type { Result } from '@edugraph/rules';

export type AppealStatus = 'PENDING' | 'UPHELD' | 'REJECTED';

export interface Appeal {
  readonly status: AppealStatus;
  readonly office: string;
  readonly grounds: string;
  readonly decidedBy: string | null;
  readonly decidingOffice: string | null;
  readonly reason: string | null;
}

export type AppealError = 'FORBIDDEN' | 'INVALID_STATE' | 'BAD_USER_INPUT';

export function fileAppeal(ratingOffice: string, appellantOffice: string | null, grounds: string, maxLength: number): Result<Appeal, AppealError> {
  if (appellantOffice !== ratingOffice) return fail('FORBIDDEN', `Only the office reviewed (${ratingOffice}) may appeal this review`);
  const text = grounds.trim();
  if (text === '') return fail('BAD_USER_INPUT', 'grounds must say why the review is malicious or mistaken');
  if ([...text].length > maxLength) return fail('BAD_USER_INPUT', `grounds must be at most ${maxLength} characters`);
  return ok({ status: 'PENDING', office: ratingOffice, grounds: text, decidedBy: null, decidingOffice: null, reason: null });
}

export function decideAppeal(appeal: Appeal, decider: { id: string; office: string | null }, upheld: boolean, reason: string, maxLength: number): Result<Appeal, AppealError> {
  if (appeal.status !== 'PENDING') return fail('INVALID_STATE', `The appeal was already decided (${appeal.status})`);
  if (decider.office === null) return fail('FORBIDDEN', 'Only staff of an office may decide an appeal');
  if (decider.office === appeal.office) return fail('FORBIDDEN', `Staff of ${appeal.office}, the office reviewed, may not decide its own appeal`);
  const text = reason.trim();
  if (text === '') return fail('BAD_USER_INPUT', 'reason must say why the appeal is upheld or rejected');
  if ([...text].length > maxLength) return fail('BAD_USER_INPUT', `reason must be at most ${maxLength} characters`);
  return ok({ ...appeal, status: upheld ? 'UPHELD' : 'REJECTED', decidedBy: decider.id, decidingOffice: decider.office, reason: text });
}
