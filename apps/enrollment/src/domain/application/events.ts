// Event types of the application. Payloads carry ids and facts, never names or resident IDs:
// events travel to other services, and a child's personal data stays here (PIPL art. 28).
import { event } from '../shared/index.ts';
import type { DomainEvent } from '../shared/index.ts';

export const APPLICATION_EVENTS = {
  submitted: 'enrollment.application.submitted',
  documentAdded: 'enrollment.application.document-added',
  documentVerified: 'enrollment.application.document-verified',
  documentRejected: 'enrollment.application.document-rejected',
  ready: 'enrollment.application.ready',
  correctionsRequested: 'enrollment.application.documents-corrections-requested',
  resubmitted: 'enrollment.application.resubmitted',
  placed: 'enrollment.application.placed',
  waitlisted: 'enrollment.application.waitlisted',
  ineligible: 'enrollment.application.ineligible',
  accepted: 'enrollment.application.accepted',
  declined: 'enrollment.application.declined',
  enrolled: 'enrollment.student.enrolled',
  withdrawn: 'enrollment.application.withdrawn',
  closed: 'enrollment.application.closed',
  /** A step the family waited for is done; the feedback service invites a rating (一事一评). */
  completed: 'enrollment.application.completed',
} as const;

/** Steps after which a family is invited to rate the service. */
export type CompletedStep = 'PLACEMENT' | 'ENROLMENT' | 'AID';

export function completed(applicationId: string, step: CompletedStep, facts: Readonly<Record<string, unknown>> = {}): DomainEvent {
  return event(APPLICATION_EVENTS.completed, { applicationId, step, ...facts });
}
