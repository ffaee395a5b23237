import { formatYuan } from '@edugraph/rules';
import type { Fen } from '@edugraph/rules';
import { completed } from '../application/index.ts';
import { event, fail, ok } from '../shared/index.ts';
import type { Decision, DomainEvent, SchoolLevel } from '../shared/index.ts';
import type { AidCriteria, AidLevelCode } from './criteria.ts';

/**
 * What a decision may know about a student: the level of difficulty the city identified and the
 * level of school. Deliberately nothing about residence or hukou (equal terms).
 */
export interface AidStudentLevel {
  /** null when no difficulty was identified. */
  readonly difficulty: AidLevelCode | null;
  readonly schoolLevel: SchoolLevel;
}

export interface AidGrant {
  readonly year: number;
  readonly level: AidLevelCode;
  readonly boarding: boolean;
  readonly amountFen: Fen;
  readonly basis: string;
}

export type AidRefusal = 'NOT_ELIGIBLE' | 'CRITERIA_NOT_SET';

export function decideAid(
  criteria: readonly AidCriteria[],
  studentLevel: AidStudentLevel,
  boarding: boolean,
  year: number,
): Decision<AidGrant, AidRefusal> {
  const table = criteria.find((c) => c.year === year);
  if (!table) return fail('CRITERIA_NOT_SET', `no aid criteria are published for ${year}`);
  const level = studentLevel.difficulty === null ? undefined : table.levels.find((l) => l.code === studentLevel.difficulty);
  if (!level) {
    return fail('NOT_ELIGIBLE', `${studentLevel.difficulty ?? 'no identified difficulty'} is not an aid level in ${year}`);
  }
  const amounts = level.amounts[studentLevel.schoolLevel];
  const amountFen = boarding ? amounts.boardingFen : amounts.nonBoardingFen;
  return ok({ year, level: level.code, boarding, amountFen, basis: table.basis });
}

/** Events of an aid decision; the family of an application is invited to rate it (一事一评). */
export function aidDecidedEvents(studentId: string, decision: Decision<AidGrant, AidRefusal>, applicationId?: string): DomainEvent[] {
  const facts = decision.ok
    ? { studentId, granted: true, amountFen: decision.value.amountFen, amount: formatYuan(decision.value.amountFen), year: decision.value.year }
    : { studentId, granted: false, reason: decision.error.code };
  const events = [event('enrollment.aid.decided', { ...facts, applicationId: applicationId ?? null })];
  if (applicationId !== undefined) events.push(completed(applicationId, 'AID', facts));
  return events;
}
