// The stored application and the commands that move it. Plain data, so it can be kept as a
// document, replayed from its events and handed to the round builder.
import type { CalendarDate } from '@edugraph/rules';
import type { PlacementOutcome } from '../placement/index.ts';
import type { DomainEvent } from '../shared/index.ts';
import type { DocumentRecord, DocumentSubmission } from './documents.ts';
import type { ApplicationForm } from './form.ts';

export type ApplicationStatus =
  | 'SUBMITTED'
  | 'CORRECTIONS_REQUESTED'
  | 'READY'
  | 'PLACED'
  | 'WAITLISTED'
  | 'INELIGIBLE'
  | 'ACCEPTED'
  | 'DECLINED'
  | 'ENROLLED'
  | 'WITHDRAWN'
  | 'CLOSED';

export const APPLICATION_STATUSES: readonly ApplicationStatus[] = [
  'SUBMITTED',
  'CORRECTIONS_REQUESTED',
  'READY',
  'PLACED',
  'WAITLISTED',
  'INELIGIBLE',
  'ACCEPTED',
  'DECLINED',
  'ENROLLED',
  'WITHDRAWN',
  'CLOSED',
];

/** The seat a placement gave (absent for waitlisted and ineligible outcomes). */
export interface PlacementRecord {
  readonly status: PlacementOutcome['status'];
  readonly batch: number;
  readonly schoolId?: string;
  readonly districtId?: string;
}

export interface StoredApplication {
  readonly id: string;
  readonly status: ApplicationStatus;
  readonly form: ApplicationForm;
  readonly submittedOn: CalendarDate;
  /** Every document ever handed in, rejected ones included: the history staff and family see. */
  readonly documents: readonly DocumentRecord[];
  /** Correction notices sent; at most one per round of submissions (一次性告知). */
  readonly noticesSent: number;
  /** Documents added since the last notice; resubmitting needs at least one. */
  readonly addedSinceNotice: number;
  readonly placement?: PlacementRecord;
  readonly studentId?: string;
  /** Starts the retention period of the personal data. */
  readonly closedOn?: CalendarDate;
}

export type ApplicationCommand =
  | { readonly type: 'addDocument'; readonly document: DocumentSubmission; readonly today: CalendarDate }
  | { readonly type: 'verifyDocument'; readonly documentId: string; readonly today: CalendarDate }
  | { readonly type: 'rejectDocument'; readonly documentId: string; readonly reason: string }
  | { readonly type: 'requestDocumentCorrections' }
  | { readonly type: 'resubmit' }
  | { readonly type: 'recordPlacement'; readonly outcome: PlacementOutcome }
  | { readonly type: 'respond'; readonly answer: 'ACCEPT' | 'DECLINE' }
  | { readonly type: 'enrol'; readonly studentId: string; readonly on: CalendarDate }
  | { readonly type: 'withdraw' }
  | { readonly type: 'close'; readonly on: CalendarDate };

export type CommandType = ApplicationCommand['type'];

/** The new state and the events the change raises, in order. */
export interface Transition {
  readonly application: StoredApplication;
  readonly events: readonly DomainEvent[];
}

/**
 * States each command may start from. Everything else is refused INVALID_TRANSITION, except a
 * second correction notice, which is refused ONE_NOTICE_ONLY (the more useful reason).
 * - Documents are added while the application is in review or being corrected; staff review
 *   only while it is SUBMITTED (during corrections the family is still changing them).
 * - A placement is recorded from any pre-round state: the round places whoever is READY and
 *   tells the rest, with reasons, that they are INELIGIBLE (the engine decides, not staff); and
 *   from WAITLISTED, when a seat frees up after the round (re-placement from the waiting list).
 * - A family can withdraw until the child is enrolled; after that leaving is a transfer, which
 *   the funding ledger follows, not this application.
 */
export const ALLOWED_FROM: Readonly<Record<CommandType, readonly ApplicationStatus[]>> = {
  addDocument: ['SUBMITTED', 'CORRECTIONS_REQUESTED'],
  verifyDocument: ['SUBMITTED'],
  rejectDocument: ['SUBMITTED'],
  requestDocumentCorrections: ['SUBMITTED'],
  resubmit: ['CORRECTIONS_REQUESTED'],
  // WAITLISTED too: after the round, a declined seat or a raised capacity re-places waitlisted
  // children in their original priority order (placeFromWaitlist, a late batch with the round's
  // published seed); the outcome is again PLACED or WAITLISTED. Without it a waitlisted child
  // could never get the seat the waiting list exists for.
  recordPlacement: ['SUBMITTED', 'CORRECTIONS_REQUESTED', 'READY', 'WAITLISTED'],
  respond: ['PLACED'],
  enrol: ['ACCEPTED'],
  withdraw: ['SUBMITTED', 'CORRECTIONS_REQUESTED', 'READY', 'PLACED', 'WAITLISTED', 'INELIGIBLE', 'ACCEPTED'],
  close: ['WAITLISTED', 'INELIGIBLE', 'DECLINED', 'ENROLLED', 'WITHDRAWN'],
};
