import { describe, expect, it } from 'vitest';
import type { Decision } from '../shared/index.ts';
import { handle } from './application.ts';
import type { ApplicationCommand, ApplicationStatus, CommandType, StoredApplication, Transition } from './application-types.ts';
import { APPLICATION_STATUSES } from './application-types.ts';
import type { DocumentRecord } from './documents.ts';
import { TODAY, validForm } from './spec-support/fixtures.ts';
import { inDistrict } from './spec-support/outcomes.ts';

const doc = (id: string, kind: DocumentRecord['kind'], status: DocumentRecord['status'], more: Partial<DocumentRecord> = {}): DocumentRecord => ({
  id,
  kind,
  number: `N-${id}`,
  issuer: '城关街道',
  status,
  ...more,
});

// A renter with three requirements met, an old work proof rejected and a new one pending.
function inState(status: ApplicationStatus): StoredApplication {
  return {
    id: 'A1',
    status,
    form: validForm(),
    submittedOn: TODAY,
    documents: [
      doc('d-permit', 'RESIDENCE_PERMIT', 'VERIFIED', { validUntil: '2027-01-01' }),
      doc('d-rent', 'RENTAL_AGREEMENT', 'VERIFIED'),
      doc('d-community', 'COMMUNITY_RESIDENCE_PROOF', 'VERIFIED'),
      doc('d-work-old', 'PARENT_WORK_PROOF', 'REJECTED', { rejectionReason: '无单位盖章' }),
      doc('d-work', 'PARENT_WORK_PROOF', 'PENDING'),
    ],
    noticesSent: 0,
    addedSinceNotice: 1,
    ...(['PLACED', 'ACCEPTED', 'DECLINED', 'ENROLLED'].includes(status) ? { placement: { status: 'IN_DISTRICT' as const, batch: 0, schoolId: 'S1', districtId: 'D-CHENGGUAN' } } : {}),
  };
}

// A command that succeeds wherever it is allowed; some need the data adjusted, never the state.
const COMMANDS: Record<CommandType, { command: ApplicationCommand; adjust?: (a: StoredApplication) => StoredApplication }> = {
  addDocument: { command: { type: 'addDocument', document: { id: 'd-new', kind: 'PARENT_WORK_PROOF', number: 'W2', issuer: '某公司' }, today: TODAY } },
  verifyDocument: { command: { type: 'verifyDocument', documentId: 'd-work', today: TODAY } },
  rejectDocument: { command: { type: 'rejectDocument', documentId: 'd-work', reason: '复印件不清晰' } },
  requestDocumentCorrections: {
    command: { type: 'requestDocumentCorrections' },
    adjust: (a) => ({ ...a, documents: a.documents.filter((d) => d.id !== 'd-work') }),
  },
  resubmit: { command: { type: 'resubmit' } },
  recordPlacement: { command: { type: 'recordPlacement', outcome: inDistrict('A1') } },
  respond: { command: { type: 'respond', answer: 'ACCEPT' } },
  enrol: { command: { type: 'enrol', studentId: 'STU-1', on: '2026-09-01' } },
  withdraw: { command: { type: 'withdraw' } },
  close: { command: { type: 'close', on: '2026-12-31' } },
};

const X = 'INVALID_TRANSITION';
const C = ['addDocument', 'verifyDocument', 'rejectDocument', 'requestDocumentCorrections', 'resubmit', 'recordPlacement', 'respond', 'enrol', 'withdraw', 'close'] as const;
// Rows: state; columns in the order of C. The expected next state, or the refusal code.
const TABLE: Record<ApplicationStatus, readonly string[]> = {
  SUBMITTED: ['SUBMITTED', 'READY', 'SUBMITTED', 'CORRECTIONS_REQUESTED', X, 'PLACED', X, X, 'WITHDRAWN', X],
  CORRECTIONS_REQUESTED: ['CORRECTIONS_REQUESTED', X, X, 'ONE_NOTICE_ONLY', 'SUBMITTED', 'PLACED', X, X, 'WITHDRAWN', X],
  READY: [X, X, X, X, X, 'PLACED', X, X, 'WITHDRAWN', X],
  PLACED: [X, X, X, X, X, X, 'ACCEPTED', X, 'WITHDRAWN', X],
  // Re-placement from the waiting list after the round (a seat declined or added).
  WAITLISTED: [X, X, X, X, X, 'PLACED', X, X, 'WITHDRAWN', 'CLOSED'],
  INELIGIBLE: [X, X, X, X, X, X, X, X, 'WITHDRAWN', 'CLOSED'],
  ACCEPTED: [X, X, X, X, X, X, X, 'ENROLLED', 'WITHDRAWN', X],
  DECLINED: [X, X, X, X, X, X, X, X, X, 'CLOSED'],
  ENROLLED: [X, X, X, X, X, X, X, X, X, 'CLOSED'],
  WITHDRAWN: [X, X, X, X, X, X, X, X, X, 'CLOSED'],
  CLOSED: [X, X, X, X, X, X, X, X, X, X],
};

function outcome(result: Decision<Transition>): string {
  return result.ok ? result.value.application.status : result.error.code;
}

describe('application state machine: the whole transition table', () => {
  it('lists every state', () => {
    expect(Object.keys(TABLE).sort()).toEqual([...APPLICATION_STATUSES].sort());
  });

  for (const state of APPLICATION_STATUSES) {
    C.forEach((type, column) => {
      const expected = TABLE[state][column];
      it(`${state} × ${type} → ${expected}`, () => {
        const { command, adjust } = COMMANDS[type];
        const start = adjust ? adjust(inState(state)) : inState(state);
        const result = handle(start, command);
        expect(outcome(result)).toBe(expected);
        if (!result.ok && expected === X) {
          expect(result.error.details).toEqual({ state, command: type });
          expect(result.error.message).toContain(state);
          expect(result.error.message).toContain(type);
        }
        if (result.ok) expect(result.value.events.length).toBeGreaterThan(0);
      });
    });
  }
});
