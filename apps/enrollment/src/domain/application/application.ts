// The application state machine: each command either returns the next state with the events it
// raises, or a refusal naming why. Pure: dates and ids come in with the command.
import { isCalendarDate } from '@edugraph/rules';
import type { PlacementOutcome } from '../placement/index.ts';
import { event, fail, ok, refuseWith } from '../shared/index.ts';
import type { Decision } from '../shared/index.ts';
import { ALLOWED_FROM } from './application-types.ts';
import type { ApplicationCommand, StoredApplication, Transition } from './application-types.ts';
import { checkDocument, correctionItems, isExpired, unmetRequirements } from './documents.ts';
import { APPLICATION_EVENTS as E, completed } from './events.ts';
import { checkApplicationForm } from './form.ts';
import type { ApplicationForm, FormContext } from './form.ts';

type Step = Decision<Transition>;

/** A new application, or every problem of the form at once. */
export function submitApplication(id: string, form: ApplicationForm, context: FormContext): Step {
  const problems = checkApplicationForm(form, context);
  if (problems.length > 0) return refuseWith('INVALID_APPLICATION', problems);
  const application: StoredApplication = { id, status: 'SUBMITTED', form, submittedOn: context.today, documents: [], noticesSent: 0, addedSinceNotice: 0 };
  const { year, grade, residenceDistrictCode, housing } = form;
  return ok({ application, events: [event(E.submitted, { applicationId: id, year, grade, districtCode: residenceDistrictCode, housing })] });
}

/** Applies one command. Illegal transitions are refused INVALID_TRANSITION naming state and command. */
export function handle(application: StoredApplication, command: ApplicationCommand): Step {
  const { status } = application;
  if (command.type === 'requestDocumentCorrections' && status === 'CORRECTIONS_REQUESTED') {
    return fail('ONE_NOTICE_ONLY', 'a correction notice is already out; a new one can be sent once the family has resubmitted', { state: status });
  }
  if (!ALLOWED_FROM[command.type].includes(status)) {
    return fail('INVALID_TRANSITION', `${command.type} is not allowed in state ${status}`, { state: status, command: command.type });
  }
  switch (command.type) {
    case 'addDocument': {
      const problems = checkDocument(command.document, command.today).map((p) => ({ ...p, field: `document.${p.field}` }));
      if (application.documents.some((d) => d.id === command.document.id)) {
        problems.push({ field: 'document.id', code: 'DUPLICATE_DOCUMENT', message: `document ${command.document.id} was already added` });
      }
      if (problems.length > 0) return refuseWith('INVALID_DOCUMENT', problems);
      const counted = status === 'CORRECTIONS_REQUESTED' ? application.addedSinceNotice + 1 : application.addedSinceNotice;
      const next = { ...application, documents: [...application.documents, { ...command.document, status: 'PENDING' as const }], addedSinceNotice: counted };
      return ok({ application: next, events: [event(E.documentAdded, { applicationId: application.id, documentId: command.document.id, kind: command.document.kind })] });
    }
    case 'verifyDocument':
    case 'rejectDocument':
      return review(application, command);
    case 'requestDocumentCorrections': {
      if (application.documents.some((d) => d.status === 'PENDING')) {
        return fail('REVIEW_INCOMPLETE', 'review every document first, so that the one notice lists every correction');
      }
      const unmet = unmetRequirements(application.form.housing, application.documents);
      if (unmet.length === 0) return fail('NOTHING_TO_CORRECT', 'every required document is verified');
      const items = correctionItems(unmet);
      const next = { ...application, status: 'CORRECTIONS_REQUESTED' as const, noticesSent: application.noticesSent + 1, addedSinceNotice: 0 };
      return ok({ application: next, events: [event(E.correctionsRequested, { applicationId: application.id, notice: next.noticesSent, items })] });
    }
    case 'resubmit': {
      if (application.addedSinceNotice === 0) return fail('NOTHING_RESUBMITTED', 'add the corrected documents before resubmitting');
      const next = { ...application, status: 'SUBMITTED' as const, addedSinceNotice: 0 };
      return ok({ application: next, events: [event(E.resubmitted, { applicationId: application.id, documents: application.addedSinceNotice })] });
    }
    case 'recordPlacement':
      return placementStep(application, command.outcome);
    case 'respond': {
      const placement = application.placement;
      const accept = command.answer === 'ACCEPT';
      if (!accept && command.answer !== 'DECLINE') return fail('INVALID_ANSWER', 'ACCEPT or DECLINE');
      const next = { ...application, status: accept ? ('ACCEPTED' as const) : ('DECLINED' as const) };
      // A decline frees the seat: the payload names it so seat keeping can release it.
      const payload = { applicationId: application.id, schoolId: placement?.schoolId ?? null, grade: application.form.grade, year: application.form.year };
      return ok({ application: next, events: [event(accept ? E.accepted : E.declined, payload)] });
    }
    case 'enrol': {
      if (typeof command.studentId !== 'string' || command.studentId.trim() === '') return fail('STUDENT_ID_REQUIRED', 'the enrolled student needs an id');
      if (!isCalendarDate(command.on)) return fail('INVALID_DATE', 'expected a date as YYYY-MM-DD');
      const next = { ...application, status: 'ENROLLED' as const, studentId: command.studentId };
      const { year, grade } = application.form;
      const facts = { studentId: command.studentId, schoolId: application.placement?.schoolId ?? null, year, grade, on: command.on };
      return ok({ application: next, events: [event(E.enrolled, { applicationId: application.id, ...facts }), completed(application.id, 'ENROLMENT', facts)] });
    }
    case 'withdraw': {
      const next = { ...application, status: 'WITHDRAWN' as const };
      return ok({ application: next, events: [event(E.withdrawn, { applicationId: application.id, from: status, schoolId: application.placement?.schoolId ?? null })] });
    }
    case 'close': {
      if (!isCalendarDate(command.on)) return fail('INVALID_DATE', 'expected a date as YYYY-MM-DD');
      const next = { ...application, status: 'CLOSED' as const, closedOn: command.on };
      return ok({ application: next, events: [event(E.closed, { applicationId: application.id, from: status, closedOn: command.on })] });
    }
  }
}

function review(application: StoredApplication, command: Extract<ApplicationCommand, { type: 'verifyDocument' | 'rejectDocument' }>): Step {
  const document = application.documents.find((d) => d.id === command.documentId);
  if (!document) return fail('UNKNOWN_DOCUMENT', `no document ${command.documentId} in this application`);
  if (document.status !== 'PENDING') return fail('ALREADY_REVIEWED', `document ${document.id} is already ${document.status}`);
  const base = { applicationId: application.id, documentId: document.id, kind: document.kind };
  if (command.type === 'rejectDocument') {
    const reason = typeof command.reason === 'string' ? command.reason.trim() : '';
    if (reason === '') return fail('REASON_REQUIRED', 'a rejection must say why, so the family can correct it');
    const documents = application.documents.map((d) => (d === document ? { ...d, status: 'REJECTED' as const, rejectionReason: reason } : d));
    return ok({ application: { ...application, documents }, events: [event(E.documentRejected, { ...base, reason })] });
  }
  // An expired document cannot be verified even if it was valid when handed in: staff reject it.
  if (isExpired(document, command.today)) return fail('EXPIRED', `document ${document.id} expired on ${document.validUntil}`);
  const documents = application.documents.map((d) => (d === document ? { ...d, status: 'VERIFIED' as const } : d));
  const events = [event(E.documentVerified, base)];
  const ready = unmetRequirements(application.form.housing, documents).length === 0;
  if (ready) events.push(event(E.ready, { applicationId: application.id }));
  return ok({ application: { ...application, documents, status: ready ? 'READY' : application.status }, events });
}

function placementStep(application: StoredApplication, outcome: PlacementOutcome): Step {
  if (outcome.applicationId !== application.id) {
    return fail('OUTCOME_MISMATCH', `the outcome is for application ${outcome.applicationId}, not ${application.id}`);
  }
  const id = application.id;
  const batch = outcome.batch;
  if (outcome.status === 'IN_DISTRICT' || outcome.status === 'REASSIGNED') {
    const placement = { status: outcome.status, batch, schoolId: outcome.schoolId, districtId: outcome.districtId };
    const facts = { schoolId: outcome.schoolId, districtId: outcome.districtId, reassigned: outcome.status === 'REASSIGNED', batch };
    return ok({ application: { ...application, status: 'PLACED', placement }, events: [event(E.placed, { applicationId: id, ...facts }), completed(id, 'PLACEMENT', { outcome: outcome.status })] });
  }
  if (outcome.status === 'WAITLISTED') {
    // Not "completed": a waitlisted family is still waiting for a seat.
    return ok({ application: { ...application, status: 'WAITLISTED', placement: { status: outcome.status, batch } }, events: [event(E.waitlisted, { applicationId: id, batch })] });
  }
  const unmet = outcome.unmetRequirements.length;
  return ok({
    application: { ...application, status: 'INELIGIBLE', placement: { status: outcome.status, batch } },
    events: [event(E.ineligible, { applicationId: id, batch, unmetRequirements: unmet }), completed(id, 'PLACEMENT', { outcome: outcome.status })],
  });
}

/** Named commands, for callers that prefer a function per command. */
type Args<T extends ApplicationCommand['type']> = Omit<Extract<ApplicationCommand, { type: T }>, 'type'>;
export const addDocument = (a: StoredApplication, args: Args<'addDocument'>): Step => handle(a, { type: 'addDocument', ...args });
export const verifyDocument = (a: StoredApplication, args: Args<'verifyDocument'>): Step => handle(a, { type: 'verifyDocument', ...args });
export const rejectDocument = (a: StoredApplication, args: Args<'rejectDocument'>): Step => handle(a, { type: 'rejectDocument', ...args });
export const requestDocumentCorrections = (a: StoredApplication): Step => handle(a, { type: 'requestDocumentCorrections' });
export const resubmit = (a: StoredApplication): Step => handle(a, { type: 'resubmit' });
export const recordPlacement = (a: StoredApplication, outcome: PlacementOutcome): Step => handle(a, { type: 'recordPlacement', outcome });
export const respond = (a: StoredApplication, answer: 'ACCEPT' | 'DECLINE'): Step => handle(a, { type: 'respond', answer });
export const enrol = (a: StoredApplication, args: Args<'enrol'>): Step => handle(a, { type: 'enrol', ...args });
export const withdraw = (a: StoredApplication): Step => handle(a, { type: 'withdraw' });
export const close = (a: StoredApplication, on: string): Step => handle(a, { type: 'close', on });
