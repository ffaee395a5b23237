// Overdue work raised elsewhere lands on the measures board as a supervision item of the office
// concerned: a licensing matter's statutory clock, a bad-review case's callback or fix, a report's
// reply. The inbox stops a redelivered event; the item's key (source, aggregate, state) a replayed one.
import type { EventHandler } from '@edugraph/events';
import type { EventPayload, MatterOverdueV1 } from '@edugraph/contracts';
import { recordSupervisionItem } from '../application/measures/supervision-items.ts';

type CaseOverdue = EventPayload<'feedback.case.overdue'>;
type ReportOverdue = EventPayload<'feedback.report.overdue'>;

const licensingMatterOverdue: EventHandler = async (em, envelope) => {
  const p = envelope.payload as MatterOverdueV1;
  await recordSupervisionItem(em, { source: 'LICENSING_MATTER', sourceId: p.matterId, office: p.office, state: p.status, dueOn: p.dueOn }, envelope);
};

const reviewCaseOverdue: EventHandler = async (em, envelope) => {
  const p = envelope.payload as CaseOverdue;
  await recordSupervisionItem(em, { source: 'REVIEW_CASE', sourceId: p.caseId, office: p.office, state: p.status, dueOn: p.dueOn }, envelope);
};

const reportOverdue: EventHandler = async (em, envelope) => {
  const p = envelope.payload as ReportOverdue;
  await recordSupervisionItem(em, { source: 'REPORT', sourceId: p.reportId, office: p.office, state: p.status, dueOn: p.dueOn }, envelope);
};

/** Other services' overdue events that land on the measures board (see application/measures). */
export const measureHandlers: Partial<Record<string, EventHandler>> = {
  'licensing.matter.overdue': licensingMatterOverdue,
  'feedback.case.overdue': reviewCaseOverdue,
  'feedback.report.overdue': reportOverdue,
};
