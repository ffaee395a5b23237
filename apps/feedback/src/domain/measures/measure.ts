// A measure of the plan (督促落实): recorded by the optimisation office with its owner, deadline and
// expected result; the owner reports progress with evidence; the supervision office inspects it.
//
//   OPEN (0–99 %) ─reportProgress 100 %→ COMPLETED ─recordInspection MET→ CLOSED
//        ↑───────── reportProgress below 100 % (with a reason) ─────┘
//   PARTLY_MET / NOT_MET inspections keep the measure where it is: the owner works on and reports again.
//
// Progress never goes backwards without a reason, and reaching 100 % needs evidence. The clock runs
// while the measure is OPEN: DUE_SOON some working days before the deadline, OVERDUE after it, each
// announced once.
import type { CalendarDate, Result, WorkingDayCalendar } from '@edugraph/rules';
import { fail, isCalendarDate, isUuid, ok } from '@edugraph/rules';
import { isOffice } from '../offices.ts';
import type { MeasurePolicy } from './measure-policy.ts';

export type MeasureStatus = 'OPEN' | 'COMPLETED' | 'CLOSED';
export type InspectionResult = 'MET' | 'PARTLY_MET' | 'NOT_MET';
export type MeasureClock = 'DUE_SOON' | 'OVERDUE';
export type OwnerKind = 'OFFICE' | 'INSTITUTION';

export const INSPECTION_RESULTS: readonly InspectionResult[] = ['MET', 'PARTLY_MET', 'NOT_MET'];

export interface MeasureOwner {
  readonly kind: OwnerKind;
  /** The office code, or the school's institution id (lower-case UUID). */
  readonly key: string;
}

export interface ProgressReport {
  readonly percent: number;
  readonly note: string;
  readonly evidence: string | null;
  /** Why progress went backwards; null when it did not. */
  readonly reason: string | null;
  readonly reportedOn: CalendarDate;
  readonly by: string;
}

export interface Inspection {
  readonly result: InspectionResult;
  readonly findings: string;
  readonly inspectedOn: CalendarDate;
  readonly by: string;
}

export interface Measure {
  readonly title: string;
  /** Where the plan states it, e.g. "二（一）2" ; null for a measure of the office's own. */
  readonly planRef: string | null;
  readonly owner: MeasureOwner;
  readonly dueOn: CalendarDate;
  readonly expectedResult: string;
  readonly createdOn: CalendarDate;
  readonly status: MeasureStatus;
  readonly percent: number;
  /** The day 100 % was (last) reported; null while not done. */
  readonly completedOn: CalendarDate | null;
  readonly progress: readonly ProgressReport[];
  readonly inspections: readonly Inspection[];
  /** The last clock state announced, so each state is announced once. */
  readonly announced: MeasureClock | null;
}

export type MeasureError =
  | 'BAD_USER_INPUT'
  | 'UNKNOWN_OFFICE'
  | 'INVALID_INSTITUTION_ID'
  | 'INVALID_PERCENT'
  | 'PROGRESS_BACKWARDS'
  | 'EVIDENCE_REQUIRED'
  | 'MEASURE_CLOSED';

export interface MeasureContext {
  readonly today: CalendarDate;
  readonly calendar: WorkingDayCalendar;
  readonly policy: MeasurePolicy;
}

function refuse(code: MeasureError, message: string): Result<never, MeasureError> {
  return fail(code, message);
}

/** Text as stored is already normalised (trimmed) by the edge; here only what the rules require. */
function required(field: string, text: string | null | undefined, max: number): Result<never, MeasureError> | null {
  const length = [...(text ?? '').trim()].length;
  if (length === 0) return refuse('BAD_USER_INPUT', `${field} must not be empty`);
  if (length > max) return refuse('BAD_USER_INPUT', `${field} must be at most ${max} characters (got ${length})`);
  return null;
}

function optional(field: string, text: string | null | undefined, max: number): Result<never, MeasureError> | null {
  return text == null || text.trim() === '' ? null : required(field, text, max);
}

const blankToNull = (text: string | null | undefined): string | null => (text == null || text.trim() === '' ? null : text.trim());

/** Exactly one of an office code or an institution id names the owner. */
export function ownerOf(input: { ownerOffice?: string | null; ownerInstitutionId?: string | null }): Result<MeasureOwner, MeasureError> {
  const office = blankToNull(input.ownerOffice);
  const institution = blankToNull(input.ownerInstitutionId);
  if ((office === null) === (institution === null)) return refuse('BAD_USER_INPUT', 'Name the owner: either ownerOffice (an office code) or ownerInstitutionId (a school), not both');
  if (office !== null) {
    if (!isOffice(office)) return refuse('UNKNOWN_OFFICE', `There is no office ${office}; the owner must be one of the bureau's offices (POLICY_LAW, BASIC_EDUCATION, …)`);
    return ok({ kind: 'OFFICE', key: office });
  }
  if (!isUuid(institution!)) return refuse('INVALID_INSTITUTION_ID', `ownerInstitutionId must be a school's institution id in UUID form, such as 0190a6f2-7b1c-7d3e-8f00-1234567890ab (got "${institution}")`);
  return ok({ kind: 'INSTITUTION', key: institution!.toLowerCase() });
}

export interface NewMeasure {
  readonly title: string;
  readonly planRef?: string | null;
  readonly ownerOffice?: string | null;
  readonly ownerInstitutionId?: string | null;
  readonly dueOn: string;
  readonly expectedResult: string;
}

export function createMeasure(input: NewMeasure, ctx: MeasureContext): Result<Measure, MeasureError> {
  const problem =
    required('title', input.title, ctx.policy.maxTitleLength) ??
    optional('planRef', input.planRef, 40) ??
    required('expectedResult', input.expectedResult, ctx.policy.maxTextLength);
  if (problem) return problem;
  const owner = ownerOf(input);
  if (!owner.ok) return owner;
  if (!isCalendarDate(input.dueOn)) return refuse('BAD_USER_INPUT', `dueOn must be a date YYYY-MM-DD (got "${input.dueOn}")`);
  if (input.dueOn < ctx.today) return refuse('BAD_USER_INPUT', `dueOn must not be in the past (today is ${ctx.today})`);
  return ok({
    title: input.title.trim(),
    planRef: blankToNull(input.planRef),
    owner: owner.value,
    dueOn: input.dueOn,
    expectedResult: input.expectedResult.trim(),
    createdOn: ctx.today,
    status: 'OPEN',
    percent: 0,
    completedOn: null,
    progress: [],
    inspections: [],
    announced: null,
  });
}

export interface ProgressInput {
  readonly percent: number;
  readonly note: string;
  readonly evidence?: string | null;
  readonly reason?: string | null;
  readonly by: string;
}

export function reportProgress(m: Measure, input: ProgressInput, ctx: MeasureContext): Result<Measure, MeasureError> {
  if (m.status === 'CLOSED') return refuse('MEASURE_CLOSED', 'The supervision office found this measure met; it is closed and takes no more progress');
  const { percent } = input;
  if (!Number.isInteger(percent) || percent < 0 || percent > 100) return refuse('INVALID_PERCENT', `percent must be a whole number from 0 to 100 (got ${percent})`);
  const max = ctx.policy.maxTextLength;
  const problem = required('note', input.note, max) ?? optional('evidence', input.evidence, max) ?? optional('reason', input.reason, max);
  if (problem) return problem;
  const reason = blankToNull(input.reason);
  if (percent < m.percent && reason === null) {
    return refuse('PROGRESS_BACKWARDS', `Progress would go back from ${m.percent} % to ${percent} %; give the reason it went backwards`);
  }
  const evidence = blankToNull(input.evidence);
  if (percent === 100 && evidence === null) return refuse('EVIDENCE_REQUIRED', 'A measure reported done (100 %) needs its evidence: what shows the expected result was reached');
  const report: ProgressReport = { percent, note: input.note.trim(), evidence, reason: percent < m.percent ? reason : null, reportedOn: ctx.today, by: input.by };
  const done = percent === 100;
  return ok({
    ...m,
    status: done ? 'COMPLETED' : 'OPEN',
    percent,
    completedOn: done ? (m.status === 'COMPLETED' ? m.completedOn : ctx.today) : null,
    progress: [...m.progress, report],
  });
}

export function recordInspection(m: Measure, input: { result: InspectionResult; findings: string; by: string }, ctx: MeasureContext): Result<Measure, MeasureError> {
  if (m.status === 'CLOSED') return refuse('MEASURE_CLOSED', 'This measure was already found met and is closed');
  if (!INSPECTION_RESULTS.includes(input.result)) return refuse('BAD_USER_INPUT', `result must be MET, PARTLY_MET or NOT_MET (got ${String(input.result)})`);
  const problem = required('findings', input.findings, ctx.policy.maxTextLength);
  if (problem) return problem;
  if (input.result === 'MET' && m.status !== 'COMPLETED') {
    return refuse('BAD_USER_INPUT', `Only a measure its owner reported done (100 %) can be found met; it stands at ${m.percent} % — record PARTLY_MET or NOT_MET`);
  }
  const inspection: Inspection = { result: input.result, findings: input.findings.trim(), inspectedOn: ctx.today, by: input.by };
  return ok({ ...m, status: input.result === 'MET' ? 'CLOSED' : m.status, inspections: [...m.inspections, inspection] });
}

export function lastInspection(m: Measure): Inspection | null {
  return m.inspections.at(-1) ?? null;
}

/** Past its deadline without being done by it: still open after the day, or done after it. */
export function isLate(m: Measure, today: CalendarDate): boolean {
  if (m.completedOn !== null) return m.completedOn > m.dueOn;
  return today > m.dueOn;
}

export function clockOf(m: Measure, ctx: MeasureContext): MeasureClock | null {
  if (m.status !== 'OPEN') return null;
  if (ctx.today > m.dueOn) return 'OVERDUE';
  return ctx.calendar.workingDaysBetween(ctx.today, m.dueOn) <= ctx.policy.dueSoonWorkingDays ? 'DUE_SOON' : null;
}

/** The clock state to announce now, once per state: null when it was announced or none runs. */
export function clockToAnnounce(m: Measure, ctx: MeasureContext): { next: Measure; announce: MeasureClock } | null {
  const clock = clockOf(m, ctx);
  if (clock === null || clock === m.announced) return null;
  // OVERDUE once announced stays announced: a measure reopened by a later report does not warn again.
  if (clock === 'DUE_SOON' && m.announced === 'OVERDUE') return null;
  return { next: { ...m, announced: clock }, announce: clock };
}
