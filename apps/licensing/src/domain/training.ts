// Policy training sessions for private-school sponsors (民办教育政策培训): announced by the bureau,
// registered for by sponsors, attendance recorded by the bureau. Pure rules, no I/O.
import { characterCount, isCalendarDate } from '@edugraph/rules';
import type { CalendarDate } from '@edugraph/rules';
import { fail, ok } from './matter/result.ts';
import type { Result } from './matter/result.ts';

export const MAX_TRAINING_CAPACITY = 10_000;

export interface TrainingDraft {
  title: string;
  on: string;
  place: string;
  capacity: number;
}

/** What the rules need to know of a session. */
export interface TrainingFacts {
  on: CalendarDate;
  capacity: number;
  registered: number;
}

export type RegistrationRefusal = 'TRAINING_PAST' | 'ALREADY_REGISTERED' | 'TRAINING_FULL';
export type AttendanceRefusal = 'NO_ATTENDEES' | 'TRAINING_NOT_HELD' | 'NOT_REGISTERED';

/**
 * Checks an announcement and lists every problem at once. A session is announced for today or later:
 * announcing one that already happened would invite registrations nobody can honour.
 */
export function checkTraining(draft: TrainingDraft, today: CalendarDate): Result<TrainingDraft, 'INVALID_TRAINING'> {
  const problems: string[] = [];
  const titleLength = characterCount(draft.title.trim());
  if (titleLength < 2 || titleLength > 200) problems.push('title must be 2–200 characters');
  const placeLength = characterCount(draft.place.trim());
  if (placeLength < 2 || placeLength > 200) problems.push('place must be 2–200 characters');
  if (!isCalendarDate(draft.on)) problems.push(`on must be an existing date as YYYY-MM-DD (got "${draft.on}")`);
  else if (draft.on < today) problems.push(`on ${draft.on} is in the past (today is ${today}); announce sessions for today or later`);
  if (!Number.isInteger(draft.capacity) || draft.capacity < 1 || draft.capacity > MAX_TRAINING_CAPACITY) {
    problems.push(`capacity must be a whole number from 1 to ${MAX_TRAINING_CAPACITY} (got ${draft.capacity})`);
  }
  return problems.length > 0 ? fail('INVALID_TRAINING', problems.join('; ')) : ok(draft);
}

/**
 * May this organisation register? Registration stays open through the session day. The use case
 * enforces the seat count again in its update, so two requests for the last seat cannot both win.
 */
export function checkRegistration(training: TrainingFacts, alreadyRegistered: boolean, today: CalendarDate): Result<true, RegistrationRefusal> {
  if (training.on < today) return fail('TRAINING_PAST', `This session took place on ${training.on}; registration is closed.`);
  if (alreadyRegistered) return fail('ALREADY_REGISTERED', 'Your organisation is already registered for this session.');
  if (training.registered >= training.capacity) return trainingFull(training.capacity);
  return ok(true);
}

export function trainingFull(capacity: number): { ok: false; error: { code: 'TRAINING_FULL'; message: string } } {
  return fail('TRAINING_FULL', `This session is full: all ${capacity} places are taken.`);
}

/**
 * The organisations to mark as attended, each once. Attendance is recorded on or after the session
 * day, and only for organisations that registered: an unregistered code is named, not silently added.
 */
export function checkAttendance(
  training: { on: CalendarDate },
  registeredCodes: ReadonlySet<string>,
  creditCodes: readonly string[],
  today: CalendarDate,
): Result<string[], AttendanceRefusal> {
  const codes = [...new Set(creditCodes)];
  if (codes.length === 0) return fail('NO_ATTENDEES', 'creditCodes must name at least one organisation that attended.');
  if (training.on > today) return fail('TRAINING_NOT_HELD', `This session is on ${training.on}; record attendance on or after that day.`);
  const strangers = codes.filter((c) => !registeredCodes.has(c));
  if (strangers.length > 0) {
    return fail('NOT_REGISTERED', `These organisations did not register for this session: ${strangers.join(', ')}.`, { creditCodes: strangers.join(',') });
  }
  return ok(codes);
}
