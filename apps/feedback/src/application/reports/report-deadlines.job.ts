import type { EntityManager } from '@mikro-orm/core';
import type { CalendarDate, WorkingDayCalendar } from '@edugraph/rules';
import type { EventActor } from '@edugraph/contracts';
import { watchDeadline } from '../../domain/reports/index.ts';
import { reportPolicyOn } from '../policy-settings.ts';
import { ReportRow } from '../../entities/report.entities.ts';
import { isConflict, queueReportEvents, saveReport, toReport } from './report-support.ts';

/** The deadline watch raises its warnings on the bureau's behalf: events name this system actor. */
export const REPORT_DEADLINES_ACTOR: EventActor = { id: 'feedback-report-deadline-job', kind: 'system' };

/**
 * Raises feedback.report.overdue once per report and state (DUE_SOON before the deadline, OVERDUE
 * after). Each report changes in its own transaction under its version, so replicas running the
 * job at once raise each warning once: the slower one finds the report changed and leaves it.
 */
export async function runReportDeadlinesJob(em: EntityManager, today: CalendarDate, calendar: WorkingDayCalendar): Promise<{ warned: number }> {
  const policy = await reportPolicyOn(em.fork(), today);
  const horizon = calendar.addWorkingDays(today, policy.dueSoonWorkingDays);
  const candidates = await em.fork().find(ReportRow, { status: 'ASSIGNED', dueOn: { $lte: horizon }, $or: [{ alerted: null }, { alerted: 'DUE_SOON' }] }, { fields: ['id'] });
  let warned = 0;
  for (const { id } of candidates) {
    try {
      const changed = await em.fork().transactional(async (tx) => {
        const row = await tx.findOne(ReportRow, { id });
        if (!row) return false;
        const watched = watchDeadline(toReport(row), today, calendar, policy);
        if (!watched) return false;
        saveReport(row, watched.state);
        queueReportEvents(tx, { correlationId: `report-deadline:${today}:${id}` }, REPORT_DEADLINES_ACTOR, id, watched.events);
        await tx.flush();
        return true;
      });
      if (changed) warned++;
    } catch (error) {
      // Another replica, or staff answering at this moment, got there first.
      if (!isConflict(error)) throw error;
    }
  }
  return { warned };
}
