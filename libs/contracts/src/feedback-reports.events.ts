import { z } from 'zod';

const date = z.iso.date();
const channel = z.enum(['HOTLINE', 'MAILBOX', 'ONLINE', 'WINDOW', 'OPEN311']);
const kind = z.enum(['COMPLAINT', 'TIP_OFF', 'SUGGESTION']);

/** A report (complaint, tip-off, suggestion) was taken; a tip-off's reporter is never in an event. */
export const reportSubmittedV1 = z.object({
  reportId: z.uuid(),
  channel,
  kind,
  category: z.string().min(1),
  institutionId: z.uuid().nullable(),
  submittedOn: date,
});

export const reportAssignedV1 = z.object({
  reportId: z.uuid(),
  office: z.string().min(1),
  /** The reply is due on this day: working days from assignment, per kind (data). */
  dueOn: date,
});

export const reportRepliedV1 = z.object({ reportId: z.uuid(), office: z.string().min(1), repliedOn: date, late: z.boolean() });

/**
 * A report was answered and closed: its reporter (null when anonymous) may rate the answer, as a
 * matter of the service item `serviceItem` of `office`. A reopened report closes again later.
 */
export const reportClosedV1 = z.object({
  reportId: z.uuid(),
  reporterId: z.string().min(1).nullable(),
  office: z.string().min(1),
  serviceItem: z.string().min(1),
  institutionId: z.uuid().nullable(),
  closedOn: date,
});

export const reportReopenedV1 = z.object({ reportId: z.uuid(), office: z.string().min(1), dueOn: date });

/** A report's reply turned DUE_SOON or OVERDUE; once per report and state. */
export const reportOverdueV1 = z.object({ reportId: z.uuid(), office: z.string().min(1), status: z.enum(['DUE_SOON', 'OVERDUE']), dueOn: date });

export type ReportClosedV1 = z.infer<typeof reportClosedV1>;

export const feedbackReportEvents = {
  'feedback.report.submitted': { 1: reportSubmittedV1 },
  'feedback.report.assigned': { 1: reportAssignedV1 },
  'feedback.report.replied': { 1: reportRepliedV1 },
  'feedback.report.closed': { 1: reportClosedV1 },
  'feedback.report.reopened': { 1: reportReopenedV1 },
  'feedback.report.overdue': { 1: reportOverdueV1 },
} as const;
