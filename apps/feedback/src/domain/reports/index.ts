// Public API of reports (complaints, tip-offs, suggestions): the state machine, its policy and who sees a reporter.
export {
  REPORT_CATEGORIES,
  REPORT_CHANNELS,
  REPORT_KINDS,
  REPORT_STATUSES,
  STAFF_CHANNELS,
  DEFAULT_REPORT_POLICY,
  REPORT_LIMITS,
  findCategory,
} from './report-policy.ts';
export type { ReportCategory, ReportChannel, ReportKind, ReportPolicy, ReportStatus } from './report-policy.ts';
export { submitReport, assignReport, replyToReport, reopenReport, deadlineStatus, watchDeadline, reportCalendar, isProvisionalDeadline } from './report.ts';
export type { Report, ReportDraft, ReportEvent, ReportReply, ReportAlert, ReportRefusal, ReportRefusalCode, ReportResult, DeadlineStatus } from './report.ts';
export { reporterIdentityView } from './report-visibility.ts';
export type { IdentityView, Viewer } from './report-visibility.ts';
