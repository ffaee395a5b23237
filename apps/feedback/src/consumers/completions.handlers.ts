// Invitations come from events, never from calls: each service's "done" for a person becomes a
// rateable matter here. The inbox records each event once, and the matter's source key makes a
// replayed event (a new id for the same completion) invite no one twice.
import type { EventHandler } from '@edugraph/events';
import type { ApplicationCompletedV1, MatterCompletedV1, ReportClosedV1 } from '@edugraph/contracts';
import { ENROLLMENT_STEP_ITEMS, SUBSIDY_ITEM } from '../domain/review/index.ts';
import { recordCompletedMatter } from '../application/review/service-matters.ts';

const origin = (envelope: Parameters<EventHandler>[1]) => ({ actor: envelope.actor, correlationId: envelope.correlationId, causationId: envelope.id });

/** A licensing matter closed (approved, refused, recorded, lapsed or withdrawn). */
export const matterCompletedHandler: EventHandler = async (em, envelope) => {
  const p = envelope.payload as MatterCompletedV1;
  await recordCompletedMatter(
    em,
    { sourceKey: `licensing:${p.matterId}`, service: 'licensing', itemCode: p.serviceItem, office: p.office, applicantId: p.applicantId, institutionId: p.institutionId, completedOn: p.completedOn },
    origin(envelope),
  );
};

/** A step of a migrant child's application done for the guardian: placement, enrolment or aid. */
export const applicationCompletedHandler: EventHandler = async (em, envelope) => {
  const p = envelope.payload as ApplicationCompletedV1 & { institutionId?: string | null };
  const itemCode = ENROLLMENT_STEP_ITEMS[p.step]!;
  await recordCompletedMatter(
    em,
    { sourceKey: `enrollment:${p.applicationId}:${p.step}`, service: 'enrollment', itemCode, office: null, applicantId: p.applicantId, institutionId: p.institutionId ?? null, completedOn: p.completedOn },
    origin(envelope),
  );
};

/** An inclusive kindergarten's subsidy paid: the kindergarten's applicant rates the service. */
export const subsidyDisbursedHandler: EventHandler = async (em, envelope) => {
  const p = envelope.payload as { institutionId: string; voucherNo: string; disbursedOn: string; applicantId: string };
  await recordCompletedMatter(
    em,
    { sourceKey: `preschool:${p.voucherNo}`, service: 'preschool', itemCode: SUBSIDY_ITEM, office: null, applicantId: p.applicantId, institutionId: p.institutionId, completedOn: p.disbursedOn },
    origin(envelope),
  );
};

/** A report answered and closed: its (named) reporter rates the answer; a reopened one once more. */
export const reportClosedHandler: EventHandler = async (em, envelope) => {
  const p = envelope.payload as ReportClosedV1;
  if (p.reporterId === null) return;
  await recordCompletedMatter(
    em,
    { sourceKey: `feedback-report:${p.reportId}:${p.closedOn}`, service: 'feedback', itemCode: p.serviceItem, office: p.office, applicantId: p.reporterId, institutionId: p.institutionId, completedOn: p.closedOn },
    origin(envelope),
  );
};
