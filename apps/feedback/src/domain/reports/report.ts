// A report (complaint, tip-off, suggestion) as a state machine: SUBMITTED → ASSIGNED (an office
// must reply by a deadline) → CLOSED (replied); the reporter may reopen it once, within a window,
// which assigns it to the same office again with a new deadline. Each step returns the new state
// and the events it raised, or a refusal with its code. No I/O: today, the calendar and the policy
// are given.
import { addDays, createWorkingDayCalendar, fail, ok } from '@edugraph/rules';
import type { CalendarDate, Result, RuleError, WorkingDayCalendar } from '@edugraph/rules';
import { isOffice } from '../offices.ts';
import { DEFAULT_REPORT_POLICY, REPORT_CATEGORIES, findCategory } from './report-policy.ts';
import type { ReportCategory, ReportChannel, ReportKind, ReportPolicy, ReportStatus } from './report-policy.ts';

export type DeadlineStatus = 'ON_TIME' | 'DUE_SOON' | 'OVERDUE';
export type ReportAlert = 'DUE_SOON' | 'OVERDUE';

export interface ReportReply {
  readonly office: string;
  readonly text: string;
  readonly repliedOn: CalendarDate;
  readonly late: boolean;
}

export interface Report {
  readonly id: string;
  readonly channel: ReportChannel;
  readonly kind: ReportKind;
  readonly category: string;
  readonly institutionId: string | null;
  /** The signed-in reporter; null when anonymous or taken down for a caller without an account. */
  readonly reporterId: string | null;
  readonly submittedOn: CalendarDate;
  readonly status: ReportStatus;
  readonly office: string | null;
  readonly assignedOn: CalendarDate | null;
  readonly dueOn: CalendarDate | null;
  /** The deadline warning already raised for the current deadline. */
  readonly alerted: ReportAlert | null;
  readonly replies: readonly ReportReply[];
  readonly closedOn: CalendarDate | null;
  readonly reopenCount: number;
  readonly reopenedOn: CalendarDate | null;
  readonly reopenReason: string | null;
}

export type ReportEvent =
  | {
      type: 'feedback.report.submitted';
      payload: { reportId: string; channel: ReportChannel; kind: ReportKind; category: string; institutionId: string | null; submittedOn: CalendarDate };
    }
  | { type: 'feedback.report.assigned'; payload: { reportId: string; office: string; dueOn: CalendarDate } }
  | { type: 'feedback.report.replied'; payload: { reportId: string; office: string; repliedOn: CalendarDate; late: boolean } }
  | {
      type: 'feedback.report.closed';
      payload: { reportId: string; reporterId: string | null; office: string; serviceItem: string; institutionId: string | null; closedOn: CalendarDate };
    }
  | { type: 'feedback.report.reopened'; payload: { reportId: string; office: string; dueOn: CalendarDate } }
  | { type: 'feedback.report.overdue'; payload: { reportId: string; office: string; status: ReportAlert; dueOn: CalendarDate } };

export type ReportRefusalCode = 'BAD_USER_INPUT' | 'FORBIDDEN' | 'INVALID_STATE' | 'REOPEN_LIMIT' | 'REOPEN_WINDOW_PASSED';
export type ReportRefusal = RuleError<ReportRefusalCode>;
export type ReportResult = Result<{ state: Report; events: ReportEvent[] }, ReportRefusalCode>;

/**
 * The calendar report deadlines count on: the bureau's holiday table, and for a year nobody has
 * published yet, weekdays only (the report's deadline then says it is provisional).
 */
export function reportCalendar(onFallback: (year: number) => void = () => {}): WorkingDayCalendar {
  return createWorkingDayCalendar({ unknownYear: 'weekends-only', onFallback });
}

/** True when `dueOn` was counted in a year whose holidays are not known yet (weekends only). */
export function isProvisionalDeadline(dueOn: CalendarDate | null, calendar: WorkingDayCalendar, from?: CalendarDate | null): boolean {
  if (dueOn === null) return false;
  const first = Number((from ?? dueOn).slice(0, 4));
  for (let year = first; year <= Number(dueOn.slice(0, 4)); year++) if (calendar.sourceOf(year) === 'weekends-only') return true;
  return false;
}

export interface ReportDraft {
  readonly channel: ReportChannel;
  readonly kind: ReportKind;
  readonly category: string;
  readonly subject: string | null;
  readonly body: string | null;
  readonly institutionId: string | null;
  readonly reporterId: string | null;
}

/** Takes a report: it needs a subject or a body, and a category the bureau files reports under. */
export function submitReport(id: string, draft: ReportDraft, today: CalendarDate, categories: readonly ReportCategory[] = REPORT_CATEGORIES): ReportResult {
  if (draft.subject === null && draft.body === null) {
    return fail('BAD_USER_INPUT', 'A report needs a subject or a body: say what happened, where and when.');
  }
  if (!findCategory(draft.category, categories)) {
    return fail('BAD_USER_INPUT', `There is no report category ${draft.category}; choose one of ${categories.map((c) => c.code).join(', ')}.`, { category: draft.category });
  }
  const state: Report = {
    id,
    channel: draft.channel,
    kind: draft.kind,
    category: draft.category,
    institutionId: draft.institutionId,
    reporterId: draft.reporterId,
    submittedOn: today,
    status: 'SUBMITTED',
    office: null,
    assignedOn: null,
    dueOn: null,
    alerted: null,
    replies: [],
    closedOn: null,
    reopenCount: 0,
    reopenedOn: null,
    reopenReason: null,
  };
  return ok({
    state,
    events: [{ type: 'feedback.report.submitted', payload: { reportId: id, channel: draft.channel, kind: draft.kind, category: draft.category, institutionId: draft.institutionId, submittedOn: today } }],
  });
}

/**
 * Assigns a report to an office, which must reply within the kind's working days. A report already
 * assigned may be passed to another office: its deadline stays, the reporter waits no longer.
 */
export function assignReport(report: Report, office: string, today: CalendarDate, calendar: WorkingDayCalendar, policy: ReportPolicy = DEFAULT_REPORT_POLICY): ReportResult {
  if (!isOffice(office)) return fail('BAD_USER_INPUT', `There is no office ${office}; assign the report to one of the bureau's offices.`, { office });
  if (report.status === 'CLOSED') return fail('INVALID_STATE', 'This report is closed (answered); it cannot be assigned. The reporter may reopen it if the problem is not fixed.', { status: report.status });
  if (report.status === 'ASSIGNED' && report.office === office) return fail('INVALID_STATE', `This report is already assigned to ${office}.`, { office });
  const dueOn = report.status === 'ASSIGNED' && report.dueOn !== null ? report.dueOn : calendar.addWorkingDays(today, policy.replyWorkingDays[report.kind]);
  const state: Report = { ...report, status: 'ASSIGNED', office, assignedOn: today, dueOn };
  return ok({ state, events: [{ type: 'feedback.report.assigned', payload: { reportId: report.id, office, dueOn } }] });
}

/**
 * The assigned office replies, which closes the report: the reporter may then rate the answer
 * (feedback.report.closed, rated under the category's service item; the reporter is named there
 * unless the report is anonymous or a tip-off). A reply after the deadline
 * is still taken, and marked late.
 */
export function replyToReport(
  report: Report,
  reply: { office: string | null; text: string },
  today: CalendarDate,
  categories: readonly ReportCategory[] = REPORT_CATEGORIES,
): ReportResult {
  if (report.status !== 'ASSIGNED' || report.office === null || report.dueOn === null) {
    const why = report.status === 'CLOSED' ? 'it is already closed' : 'it has not been assigned to an office yet';
    return fail('INVALID_STATE', `This report cannot be replied to: ${why}.`, { status: report.status });
  }
  if (reply.office !== report.office) return fail('FORBIDDEN', `This report is assigned to ${report.office}; only that office's staff may reply to it.`, { office: report.office });
  const late = today > report.dueOn;
  const serviceItem = findCategory(report.category, categories)?.serviceItem ?? REPORT_CATEGORIES[REPORT_CATEGORIES.length - 1]!.serviceItem;
  const state: Report = {
    ...report,
    status: 'CLOSED',
    replies: [...report.replies, { office: report.office, text: reply.text, repliedOn: today, late }],
    closedOn: today,
  };
  return ok({
    state,
    events: [
      { type: 'feedback.report.replied', payload: { reportId: report.id, office: report.office, repliedOn: today, late } },
      {
        type: 'feedback.report.closed',
        // A tip-off's reporter is never in an event, not even to be invited to rate the answer.
        payload: { reportId: report.id, reporterId: report.kind === 'TIP_OFF' ? null : report.reporterId, office: report.office, serviceItem, institutionId: report.institutionId, closedOn: today },
      },
    ],
  });
}

/**
 * The reporter says the problem is not fixed: the report goes back to its office with a new
 * deadline. Once only (REOPEN_LIMIT), and only within the window after closing (REOPEN_WINDOW_PASSED).
 */
export function reopenReport(report: Report, reason: string, today: CalendarDate, calendar: WorkingDayCalendar, policy: ReportPolicy = DEFAULT_REPORT_POLICY): ReportResult {
  if (report.status !== 'CLOSED' || report.closedOn === null || report.office === null) {
    return fail('INVALID_STATE', 'Only a closed (answered) report can be reopened; this one is still being handled.', { status: report.status });
  }
  if (report.reopenCount >= policy.reopenLimit) {
    return fail('REOPEN_LIMIT', `This report was already reopened ${report.reopenCount === 1 ? 'once' : `${report.reopenCount} times`}; it cannot be reopened again. Submit a new report if the problem remains.`, {
      limit: policy.reopenLimit,
    });
  }
  const lastDay = addDays(report.closedOn, policy.reopenWithinDays);
  if (today > lastDay) {
    return fail('REOPEN_WINDOW_PASSED', `A report can be reopened within ${policy.reopenWithinDays} days of its answer (until ${lastDay}); submit a new report instead.`, { lastDay });
  }
  const dueOn = calendar.addWorkingDays(today, policy.replyWorkingDays[report.kind]);
  const state: Report = {
    ...report,
    status: 'ASSIGNED',
    assignedOn: today,
    dueOn,
    alerted: null,
    closedOn: null,
    reopenCount: report.reopenCount + 1,
    reopenedOn: today,
    reopenReason: reason,
  };
  return ok({ state, events: [{ type: 'feedback.report.reopened', payload: { reportId: report.id, office: report.office, dueOn } }] });
}

/** Where an assigned report stands against its deadline; null when no office is answering it. */
export function deadlineStatus(report: Pick<Report, 'status' | 'dueOn'>, today: CalendarDate, calendar: WorkingDayCalendar, policy: ReportPolicy = DEFAULT_REPORT_POLICY): DeadlineStatus | null {
  if (report.status !== 'ASSIGNED' || report.dueOn === null) return null;
  if (today > report.dueOn) return 'OVERDUE';
  return calendar.workingDaysBetween(today, report.dueOn) <= policy.dueSoonWorkingDays ? 'DUE_SOON' : 'ON_TIME';
}

const ALERT_RANK: Record<ReportAlert | 'NONE', number> = { NONE: 0, DUE_SOON: 1, OVERDUE: 2 };

/**
 * The deadline watch: raises feedback.report.overdue when a report turns DUE_SOON or OVERDUE, once
 * per deadline and state (a report first seen already overdue raises OVERDUE only). Null when
 * nothing changes.
 */
export function watchDeadline(report: Report, today: CalendarDate, calendar: WorkingDayCalendar, policy: ReportPolicy = DEFAULT_REPORT_POLICY): { state: Report; events: ReportEvent[] } | null {
  const status = deadlineStatus(report, today, calendar, policy);
  if (status === null || status === 'ON_TIME' || report.office === null || report.dueOn === null) return null;
  if (ALERT_RANK[status] <= ALERT_RANK[report.alerted ?? 'NONE']) return null;
  return {
    state: { ...report, alerted: status },
    events: [{ type: 'feedback.report.overdue', payload: { reportId: report.id, office: report.office, status, dueOn: report.dueOn } }],
  };
}
