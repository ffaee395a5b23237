// A bad review's case (差评件): opened by the review itself, called back by the responsible office,
// resolved one of three ways, and — where something was fixed — the fix rated by the reviewer.
//
//   AWAITING_CALLBACK ─recordCallback→ CALLED_BACK ─resolve→ FIXED_IMMEDIATELY → AWAITING_REVIEW
//                                                          ├→ FIX_BY_DEADLINE  → RECTIFYING ─completeRectification→ AWAITING_REVIEW
//                                                          └→ EXPLAINED        → CLOSED
//   AWAITING_REVIEW ─rateFix→ CLOSED;   any open state ─appeal upheld→ WITHDRAWN
import type { CalendarDate, Result, WorkingDayCalendar } from '@edugraph/rules';
import { fail, isCalendarDate, ok } from '@edugraph/rules';
import type { ReviewLevel } from './levels.ts';
import { isBadLevel } from './levels.ts';
import type { ReviewPolicy } from './policy.ts';

export type CaseStatus = 'AWAITING_CALLBACK' | 'CALLED_BACK' | 'RECTIFYING' | 'AWAITING_REVIEW' | 'CLOSED' | 'WITHDRAWN';
export type Resolution = 'FIXED_IMMEDIATELY' | 'FIX_BY_DEADLINE' | 'EXPLAINED';
export type CaseClock = 'DUE_SOON' | 'OVERDUE';

export interface Rectification {
  readonly measures: string;
  readonly owner: string;
  readonly dueOn: CalendarDate;
  readonly evidence: string | null;
  readonly completedOn: CalendarDate | null;
}

export interface BadReviewCase {
  readonly status: CaseStatus;
  readonly office: string;
  readonly openedOn: CalendarDate;
  readonly callbackDueOn: CalendarDate;
  readonly callback: { readonly contactedAt: string; readonly summary: string; readonly by: string } | null;
  readonly resolution: Resolution | null;
  readonly explanation: string | null;
  readonly rectification: Rectification | null;
  /** The day the fix was done (at once, or the rectification completed); null until then. */
  readonly fixedOn: CalendarDate | null;
  readonly reviewLevel: ReviewLevel | null;
  /** The last clock state announced, so each state is announced once. */
  readonly announced: CaseClock | null;
}

export type CaseError = 'INVALID_STATE' | 'BAD_USER_INPUT';

export interface CaseContext {
  readonly today: CalendarDate;
  readonly calendar: WorkingDayCalendar;
  readonly policy: ReviewPolicy;
}

function refuse(code: CaseError, message: string): Result<never, CaseError> {
  return fail(code, message);
}

/** Counted as stored: trimmed, in characters (code points). */
function textProblem(field: string, text: string, max: number): Result<never, CaseError> | null {
  const length = [...text.trim()].length;
  if (length === 0) return refuse('BAD_USER_INPUT', `${field} must not be empty`);
  if (length > max) return refuse('BAD_USER_INPUT', `${field} must be at most ${max} characters (got ${length})`);
  return null;
}

/** An explicit offset (Z or ±hh:mm) is required: a bare time would be read in the server's own zone. */
const ZONED_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function stateProblem(c: BadReviewCase): Result<never, CaseError> | null {
  return c.status === 'WITHDRAWN' ? refuse('INVALID_STATE', 'The review was removed by an upheld appeal; its case is withdrawn') : null;
}

/** A bad review opens its case on its own, with the callback due in the policy's working days. */
export function openCase(level: ReviewLevel, office: string, ctx: CaseContext): Result<BadReviewCase, CaseError> {
  if (!isBadLevel(level)) return refuse('INVALID_STATE', 'Only a bad review (不满意, 非常不满意) opens a case');
  return ok({
    status: 'AWAITING_CALLBACK',
    office,
    openedOn: ctx.today,
    callbackDueOn: ctx.calendar.addWorkingDays(ctx.today, ctx.policy.callbackWorkingDays),
    callback: null,
    resolution: null,
    explanation: null,
    rectification: null,
    fixedOn: null,
    reviewLevel: null,
    announced: null,
  });
}

export function recordCallback(c: BadReviewCase, input: { contactedAt: string; summary: string; by: string }, ctx: CaseContext): Result<BadReviewCase, CaseError> {
  const withdrawn = stateProblem(c);
  if (withdrawn) return withdrawn;
  if (c.status !== 'AWAITING_CALLBACK') return refuse('INVALID_STATE', `The reviewer was already called back (the case is ${c.status})`);
  const problem = textProblem('summary', input.summary, ctx.policy.maxTextLength);
  if (problem) return problem;
  const contacted = new Date(input.contactedAt);
  if (!ZONED_DATE_TIME.test(input.contactedAt) || Number.isNaN(contacted.getTime())) return refuse('BAD_USER_INPUT', `contactedAt must be a date and time with its offset, such as 2026-11-25T10:30:00+08:00 (got "${input.contactedAt}")`);
  const contactedOn = new Date(contacted.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  if (contactedOn > ctx.today) return refuse('BAD_USER_INPUT', 'contactedAt must not be in the future');
  if (contactedOn < c.openedOn) return refuse('BAD_USER_INPUT', `contactedAt must not be before the review (${c.openedOn})`);
  return ok({ ...c, status: 'CALLED_BACK', callback: { contactedAt: contacted.toISOString(), summary: input.summary.trim(), by: input.by }, announced: null });
}

export interface ResolveInput {
  readonly resolution: Resolution;
  readonly explanation?: string | null;
  readonly rectification?: { readonly measures: string; readonly owner: string; readonly dueOn?: CalendarDate | null } | null;
}

export function resolveCase(c: BadReviewCase, input: ResolveInput, ctx: CaseContext): Result<BadReviewCase, CaseError> {
  const withdrawn = stateProblem(c);
  if (withdrawn) return withdrawn;
  if (c.status !== 'CALLED_BACK') {
    return refuse('INVALID_STATE', c.status === 'AWAITING_CALLBACK' ? 'Call the reviewer back before resolving the case' : `The case is already resolved (${c.status})`);
  }
  const max = ctx.policy.maxTextLength;
  switch (input.resolution) {
    case 'FIXED_IMMEDIATELY':
      return ok({ ...c, status: 'AWAITING_REVIEW', resolution: 'FIXED_IMMEDIATELY', fixedOn: ctx.today, announced: null });
    case 'EXPLAINED': {
      const problem = textProblem('explanation', input.explanation ?? '', max);
      if (problem) return problem;
      return ok({ ...c, status: 'CLOSED', resolution: 'EXPLAINED', explanation: input.explanation!.trim(), announced: null });
    }
    case 'FIX_BY_DEADLINE': {
      const r = input.rectification;
      if (!r) return refuse('BAD_USER_INPUT', 'A fix by deadline needs its rectification: measures, owner and (optionally) the day it is due');
      const problem = textProblem('rectification.measures', r.measures, max) ?? textProblem('rectification.owner', r.owner, 200);
      if (problem) return problem;
      const latest = ctx.calendar.addWorkingDays(ctx.today, ctx.policy.fixWorkingDays);
      const dueOn = r.dueOn ?? latest;
      if (!isCalendarDate(dueOn)) return refuse('BAD_USER_INPUT', `rectification.dueOn must be a date YYYY-MM-DD (got "${dueOn}")`);
      if (dueOn < ctx.today) return refuse('BAD_USER_INPUT', 'rectification.dueOn must not be in the past');
      if (dueOn > latest) return refuse('BAD_USER_INPUT', `rectification.dueOn may be at most ${ctx.policy.fixWorkingDays} working days away (${latest})`);
      return ok({
        ...c,
        status: 'RECTIFYING',
        resolution: 'FIX_BY_DEADLINE',
        rectification: { measures: r.measures.trim(), owner: r.owner.trim(), dueOn, evidence: null, completedOn: null },
        announced: null,
      });
    }
  }
}

export function completeRectification(c: BadReviewCase, evidence: string, ctx: CaseContext): Result<BadReviewCase, CaseError> {
  if (c.status !== 'RECTIFYING' || !c.rectification) return refuse('INVALID_STATE', `Only a case being fixed by deadline can be completed (the case is ${c.status})`);
  const problem = textProblem('evidence', evidence, ctx.policy.maxTextLength);
  if (problem) return problem;
  return ok({ ...c, status: 'AWAITING_REVIEW', fixedOn: ctx.today, rectification: { ...c.rectification, evidence: evidence.trim(), completedOn: ctx.today }, announced: null });
}

/** The reviewer rates the fix; the case closes whatever the level (a bad one stays on record). */
export function rateFix(c: BadReviewCase, level: ReviewLevel): Result<BadReviewCase, CaseError> {
  if (c.status !== 'AWAITING_REVIEW') {
    if (c.status === 'CLOSED') return refuse('INVALID_STATE', c.resolution === 'EXPLAINED' ? 'The case was explained, not fixed: there is no fix to rate' : 'The fix was already rated');
    return refuse('INVALID_STATE', `There is no fix to rate yet (the case is ${c.status})`);
  }
  return ok({ ...c, status: 'CLOSED', reviewLevel: level });
}

/** An upheld appeal withdraws the case: the review no longer counts, the record stays. */
export function withdrawCase(c: BadReviewCase): BadReviewCase {
  return c.status === 'CLOSED' ? c : { ...c, status: 'WITHDRAWN' };
}

/** The day the case's running clock falls due, or null when no clock runs. */
export function dueOnOf(c: BadReviewCase): CalendarDate | null {
  if (c.status === 'AWAITING_CALLBACK') return c.callbackDueOn;
  if (c.status === 'RECTIFYING') return c.rectification?.dueOn ?? null;
  return null;
}

export function clockOf(c: BadReviewCase, ctx: CaseContext): CaseClock | null {
  const due = dueOnOf(c);
  if (due === null) return null;
  if (ctx.today > due) return 'OVERDUE';
  return ctx.calendar.workingDaysBetween(ctx.today, due) <= ctx.policy.dueSoonWorkingDays ? 'DUE_SOON' : null;
}

/** The clock state to announce now, once per state: null when it was announced or none runs. */
export function clockToAnnounce(c: BadReviewCase, ctx: CaseContext): { next: BadReviewCase; announce: CaseClock } | null {
  const clock = clockOf(c, ctx);
  if (clock === null || clock === c.announced) return null;
  return { next: { ...c, announced: clock }, announce: clock };
}

/** Working days from the review to the fix, for the published average; null while not fixed. */
export function daysToFix(c: BadReviewCase, calendar: WorkingDayCalendar): number | null {
  return c.fixedOn === null ? null : calendar.workingDaysBetween(c.openedOn, c.fixedOn);
}
