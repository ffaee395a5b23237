import type { EntityManager } from '@mikro-orm/core';
import type { Actor } from '@edugraph/auth';
import { AppError } from '@edugraph/platform';
import type { CalendarDate } from '@edugraph/rules';
import { UnlicensedCaseRow } from '../entities/planning.entities.ts';
import { closeOverdueCase } from './unlicensed-case.commands.ts';

/** The job closes overdue rectifications on the bureau's behalf: events name this system actor. */
export const OVERDUE_CASES_ACTOR: Actor = { id: 'preschool-case-deadline-job', kind: 'system', roles: ['BUREAU_STAFF'], institutionId: null, office: null, creditCode: null };

/**
 * A rectification past its deadline without a passed re-inspection closes the kindergarten (its
 * children are then diverted). Each case changes in its own transaction under its version, so
 * replicas running the job at once close it once; a case re-inspected meanwhile is left alone.
 */
export async function runOverdueCasesJob(em: EntityManager, today: CalendarDate): Promise<{ closed: number }> {
  const rectifying = await em.fork().find(UnlicensedCaseRow, { state: 'RECTIFYING' });
  let closed = 0;
  for (const c of rectifying) {
    if (!c.rectification || c.rectification.dueOn >= today) continue;
    try {
      await closeOverdueCase({ em: em.fork(), actor: OVERDUE_CASES_ACTOR, correlationId: `case-deadline:${today}:${c.id}`, today }, c.id);
      closed++;
    } catch (error) {
      // Another replica or a re-inspection got there first.
      if (!(error instanceof AppError) || !['CONFLICT', 'NOT_OVERDUE', 'INVALID_TRANSITION'].includes(error.code)) throw error;
    }
  }
  return { closed };
}
