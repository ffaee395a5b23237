// Training on a standard (业务培训) is recorded against one version of it, with who attended.
// Attendees are staff on an office's roster, so that a mistyped id never counts as someone
// trained. An office's gaps are its rostered staff not trained on the version in force of each of
// its items' standards: training on a superseded version does not count for the one in force,
// training on an upcoming version counts from the day it takes effect.
import { checkText, fail, isCalendarDate, normaliseText, ok } from '@edugraph/rules';
import type { CalendarDate, Result } from '@edugraph/rules';
import type { StaffMember } from './roster.ts';

export const TRAINING_LIMITS = { attendees: 500, trainer: 100 } as const;

export interface Training {
  readonly heldOn: CalendarDate;
  readonly trainer: string;
  /** Staff ids, each once, in the order given. */
  readonly attendees: readonly string[];
}

export type TrainingError = 'BAD_USER_INPUT' | 'INVALID_DATE' | 'TRAINING_IN_FUTURE' | 'TRAINING_BEFORE_PUBLICATION' | 'NOT_ON_ROSTER';

/**
 * Checks a training record on `today`: held on a day that exists, not after today and not before
 * the version was published; a trainer named; one to 500 attendees, each on an office's roster
 * (the refusal lists every one that is not).
 */
export function checkTraining(
  input: { heldOn: string; trainer: string; attendees: readonly string[] },
  standard: { publishedOn: CalendarDate },
  rostered: ReadonlySet<string>,
  today: CalendarDate,
): Result<Training, TrainingError> {
  if (!isCalendarDate(input.heldOn)) return fail('INVALID_DATE', `heldOn must be a date that exists, as YYYY-MM-DD (got ${JSON.stringify(input.heldOn)})`);
  const heldOn = input.heldOn;
  if (heldOn > today) return fail('TRAINING_IN_FUTURE', `heldOn ${heldOn} is after today (${today}); record a training once it has been held`);
  if (heldOn < standard.publishedOn) return fail('TRAINING_BEFORE_PUBLICATION', `heldOn ${heldOn} is before this version was published (${standard.publishedOn})`);
  const trainer = normaliseText(input.trainer);
  const trainerCheck = checkText(trainer, { max: TRAINING_LIMITS.trainer, min: 1 });
  if (!trainerCheck.ok) return fail('BAD_USER_INPUT', `trainer ${trainer === '' ? 'must name who gave the training' : trainerCheck.error.message}`);
  const attendees = [...new Set(input.attendees.map((a) => normaliseText(a, { form: 'NFKC' })))];
  if (attendees.length === 0 || attendees.includes('')) return fail('BAD_USER_INPUT', 'attendees must list at least one staff id, none of them empty');
  if (attendees.length > TRAINING_LIMITS.attendees) return fail('BAD_USER_INPUT', `attendees must list at most ${TRAINING_LIMITS.attendees} staff (got ${attendees.length})`);
  const unknown = attendees.filter((a) => !rostered.has(a));
  if (unknown.length > 0) {
    return fail('NOT_ON_ROSTER', `Not on any office's staff roster: ${unknown.join(', ')}; check the ids, or have POLICY_LAW add them to their office's roster first`, { staffIds: unknown.join(',') });
  }
  return ok({ heldOn, trainer, attendees });
}

export interface TrainingGap {
  readonly staff: StaffMember;
  /** Ids of the standard versions in force the person has not been trained on, in the order given. */
  readonly missing: readonly string[];
}

/**
 * The office's rostered staff with at least one standard in force they were not trained on.
 * `inForce` are the ids of the versions in force today of the office's items' standards;
 * `trainings` every training on one of them.
 */
export function trainingGaps(
  roster: readonly StaffMember[],
  inForce: readonly string[],
  trainings: readonly { standardId: string; attendees: readonly string[] }[],
): TrainingGap[] {
  const trained = new Set(trainings.flatMap((t) => t.attendees.map((a) => `${t.standardId}|${a}`)));
  return roster
    .map((staff) => ({ staff, missing: inForce.filter((id) => !trained.has(`${id}|${staff.id}`)) }))
    .filter((g) => g.missing.length > 0);
}
