import type { EntityManager } from '@mikro-orm/core';
import { hasRole } from '@edugraph/auth';
import type { Actor } from '@edugraph/auth';
import { emitEvent } from '@edugraph/events';
import type { EventActor, EventType } from '@edugraph/contracts';
import { AppError } from '@edugraph/platform';
import type { UseCaseContext } from '@edugraph/platform';
import type { CalendarDate, RuleError, WorkingDayCalendar } from '@edugraph/rules';
import type { Report, ReportAlert, ReportChannel, ReportEvent, ReportKind, ReportStatus, Viewer } from '../../domain/reports/index.ts';
import type { ReportRow } from '../../entities/report.entities.ts';

/** A use case's context plus today (Asia/Shanghai, from the service's clock) and the deadline calendar. */
export interface ReportContext extends UseCaseContext {
  today: CalendarDate;
  calendar: WorkingDayCalendar;
}

/** Events of a tip-off's or an anonymous report's reporter name this system, never the person. */
export const REPORTS_SYSTEM_ACTOR: EventActor = { id: 'feedback-reports', kind: 'system' };

/** A domain refusal as the error the caller sees: its code becomes extensions.code. */
export function refusal(error: RuleError<string>): AppError {
  return new AppError(error.code, error.message, error.details ? { ...error.details } : undefined);
}

export function toReport(row: ReportRow): Report {
  return {
    id: row.id,
    channel: row.channel as ReportChannel,
    kind: row.kind as ReportKind,
    category: row.category,
    institutionId: row.institutionId ?? null,
    reporterId: row.reporterId ?? null,
    submittedOn: row.submittedOn,
    status: row.status as ReportStatus,
    office: row.office ?? null,
    assignedOn: row.assignedOn ?? null,
    dueOn: row.dueOn ?? null,
    alerted: (row.alerted ?? null) as ReportAlert | null,
    replies: row.replies.map((r) => ({ office: r.office, text: r.text, repliedOn: r.repliedOn, late: r.late })),
    closedOn: row.closedOn ?? null,
    reopenCount: row.reopenCount,
    reopenedOn: row.reopenedOn ?? null,
    reopenReason: row.reopenReason ?? null,
  };
}

/** Writes the domain's new state back to the row; a reply keeps who wrote it. */
export function saveReport(row: ReportRow, state: Report, repliedBy: string | null = null): void {
  row.status = state.status;
  row.office = state.office;
  row.assignedOn = state.assignedOn;
  row.dueOn = state.dueOn;
  row.alerted = state.alerted;
  if (state.replies.length > row.replies.length) {
    row.replies = [...row.replies, ...state.replies.slice(row.replies.length).map((r) => ({ ...r, repliedBy: repliedBy ?? 'unknown' }))];
  }
  row.closedOn = state.closedOn;
  row.reopenCount = state.reopenCount;
  row.reopenedOn = state.reopenedOn;
  row.reopenReason = state.reopenReason;
}

/** Queues the domain's events in the caller's transaction. */
export function queueReportEvents(tx: EntityManager, ctx: { correlationId: string }, actor: EventActor, reportId: string, events: readonly ReportEvent[]): void {
  for (const e of events) {
    emitEvent(tx, { type: e.type as EventType, aggregateType: 'Report', aggregateId: reportId, actor, correlationId: ctx.correlationId, payload: e.payload as never });
  }
}

/**
 * The actor an event names. A tip-off's or an anonymous report's events name the system whenever
 * the one acting could be the reporter (submitting it online, reopening it), whatever their roles:
 * staff may report too. Only staff duties on it (taking it down by phone, mail or at the window,
 * assigning it, replying) name the staff member.
 */
export function eventActorFor(row: Pick<ReportRow, 'kind' | 'anonymous'>, actor: Actor, staffDuty: boolean): EventActor {
  const shielded = row.kind === 'TIP_OFF' || row.anonymous;
  return shielded && !(staffDuty && hasRole(actor, 'BUREAU_STAFF')) ? REPORTS_SYSTEM_ACTOR : { id: actor.id, kind: actor.kind };
}

export function viewerOf(actor: Actor): Viewer {
  return { id: actor.kind === 'anonymous' ? '' : actor.id, staffOffice: hasRole(actor, 'BUREAU_STAFF') ? actor.office : null };
}

/** Staff and leadership read every report; anyone else only their own. */
export function canRead(row: Pick<ReportRow, 'reporterId'>, actor: Actor): boolean {
  if (actor.kind === 'anonymous') return false;
  if (hasRole(actor, 'BUREAU_STAFF', 'LEADERSHIP')) return true;
  return row.reporterId != null && row.reporterId === actor.id;
}

/** A concurrent change under the report's version, as the caller sees it. */
export function isConflict(error: unknown): boolean {
  return (error as Error)?.name === 'OptimisticLockError';
}

export const CONFLICT_MESSAGE = 'Someone else changed this report at the same moment; read it again and retry.';
