// Social-capital school projects (社会资本办学项目): signed projects with construction milestones and
// intended ones in the pipeline. Pure rules: the use cases load, call these, and save.
import { characterCount, isCalendarDate, validateCreditCode } from '@edugraph/rules';
import type { CalendarDate } from '@edugraph/rules';
import { fail, ok } from './matter/result.ts';
import type { Result } from './matter/result.ts';

export const SCHOOL_PROJECT_STATUSES = ['SIGNED', 'INTENDED'] as const;
export type SchoolProjectStatus = (typeof SCHOOL_PROJECT_STATUSES)[number];

export interface Milestone {
  name: string;
  plannedOn: CalendarDate;
  doneOn: CalendarDate | null;
}

export interface SchoolProjectDraft {
  name: string;
  sponsor: { creditCode: string; name: string };
  status: string;
  investmentFen: number;
  districtCode: string | null;
  milestones: { name: string; plannedOn: string }[];
}

export interface NewSchoolProject extends Omit<SchoolProjectDraft, 'status' | 'milestones'> {
  status: SchoolProjectStatus;
  milestones: Milestone[];
}

export type ProjectRefusal = 'INVALID_PROJECT';
export type MilestoneRefusal = 'UNKNOWN_MILESTONE' | 'INVALID_DATE' | 'DONE_IN_FUTURE' | 'ALREADY_DONE';

/**
 * Checks a project before it is recorded and lists every problem at once (一次性告知). Milestones may
 * be planned in the past: a project signed last year is recorded with the schedule it was signed with.
 */
export function checkSchoolProject(draft: SchoolProjectDraft): Result<NewSchoolProject, ProjectRefusal> {
  const problems: string[] = [];
  const nameLength = characterCount(draft.name.trim());
  if (nameLength < 2 || nameLength > 200) problems.push('name must be 2–200 characters');
  const code = validateCreditCode(draft.sponsor.creditCode);
  if (!code.ok) problems.push(`sponsor.creditCode is not a valid unified social credit code (GB 32100): ${code.error.message}`);
  if (characterCount(draft.sponsor.name.trim()) < 2) problems.push('sponsor.name must be at least 2 characters');
  if (!Number.isSafeInteger(draft.investmentFen) || draft.investmentFen < 0) problems.push('investmentFen must be a whole, non-negative number of fen');
  if (!(SCHOOL_PROJECT_STATUSES as readonly string[]).includes(draft.status)) problems.push('status must be SIGNED or INTENDED');
  if (draft.milestones.length === 0) problems.push('milestones must list at least one milestone');
  const seen = new Set<string>();
  for (const [i, m] of draft.milestones.entries()) {
    if (characterCount(m.name.trim()) < 1) problems.push(`milestones.${i}.name must not be empty`);
    if (seen.has(m.name)) problems.push(`milestones.${i}.name "${m.name}" appears twice; each milestone needs its own name`);
    seen.add(m.name);
    if (!isCalendarDate(m.plannedOn)) problems.push(`milestones.${i}.plannedOn must be an existing date as YYYY-MM-DD (got "${m.plannedOn}")`);
  }
  if (problems.length > 0) return fail('INVALID_PROJECT', problems.join('; '));
  return ok({
    ...draft,
    status: draft.status as SchoolProjectStatus,
    milestones: draft.milestones.map((m) => ({ name: m.name, plannedOn: m.plannedOn, doneOn: null })),
  });
}

/** Not done and its planned day has passed (the planned day itself is still on time). */
export function isLate(milestone: Milestone, today: CalendarDate): boolean {
  return milestone.doneOn === null && milestone.plannedOn < today;
}

/** Days since the planned day of a late milestone; 0 when it is not late. */
export function daysLate(milestone: Milestone, today: CalendarDate): number {
  return isLate(milestone, today) ? dayNumber(today) - dayNumber(milestone.plannedOn) : 0;
}

/**
 * The earliest planned day among milestones not done: stored beside the milestones so that the late
 * list reads only projects with something late instead of every project.
 */
export function earliestOpenOn(milestones: readonly Milestone[]): CalendarDate | null {
  const open = milestones.filter((m) => m.doneOn === null).map((m) => m.plannedOn).sort();
  return open[0] ?? null;
}

/** Records a milestone done on `doneOn`; refuses an unknown name, a bad or future date, or a second completion. */
export function completeMilestone(
  milestones: readonly Milestone[],
  name: string,
  doneOn: string,
  today: CalendarDate,
): Result<Milestone[], MilestoneRefusal> {
  const target = milestones.find((m) => m.name === name);
  if (!target) return fail('UNKNOWN_MILESTONE', `This project has no milestone named "${name}"; its milestones are: ${milestones.map((m) => m.name).join(', ')}.`);
  if (!isCalendarDate(doneOn)) return fail('INVALID_DATE', `doneOn must be an existing date as YYYY-MM-DD (got "${doneOn}").`);
  if (doneOn > today) return fail('DONE_IN_FUTURE', `doneOn ${doneOn} is after today (${today}): record a milestone once it is done.`);
  if (target.doneOn !== null) return fail('ALREADY_DONE', `Milestone "${name}" was already recorded done on ${target.doneOn}.`);
  return ok(milestones.map((m) => (m === target ? { ...m, doneOn } : m)));
}

function dayNumber(date: CalendarDate): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}
