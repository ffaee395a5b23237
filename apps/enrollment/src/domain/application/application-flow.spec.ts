import { describe, expect, it } from 'vitest';
import type { Decision } from '../shared/index.ts';
import {
  addDocument,
  close,
  enrol,
  recordPlacement,
  rejectDocument,
  requestDocumentCorrections,
  respond,
  resubmit,
  submitApplication,
  verifyDocument,
} from './application.ts';
import type { StoredApplication, Transition } from './application-types.ts';
import type { DocumentSubmission } from './documents.ts';
import { TODAY, validForm } from './spec-support/fixtures.ts';
import { inDistrict, ineligible, waitlisted } from './spec-support/outcomes.ts';

function value(result: Decision<Transition>): Transition {
  if (!result.ok) throw new Error(`refused: ${result.error.code} ${result.error.message}`);
  return result.value;
}
const types = (t: Transition) => t.events.map((e) => e.type);
const paper = (id: string, kind: DocumentSubmission['kind'], validUntil?: string): DocumentSubmission => ({ id, kind, number: `N-${id}`, issuer: '城关派出所', ...(validUntil ? { validUntil } : {}) });

function submitted(): StoredApplication {
  return value(submitApplication('A1', validForm({ housing: 'OWNER' }), { today: TODAY })).application;
}

describe('application flow', () => {
  it('refuses an invalid form with every problem listed', () => {
    const result = submitApplication('A1', validForm({ guardians: [], rankedSchoolIds: ['S1', 'S1'] }), { today: TODAY });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('INVALID_APPLICATION');
      expect(result.error.problems?.map((p) => p.code)).toEqual(['GUARDIAN_REQUIRED', 'DUPLICATE_SCHOOL']);
    }
  });

  it('runs from submission to enrolment, raising an event for every change and completed for each step the family waited for', () => {
    const start = value(submitApplication('A1', validForm({ housing: 'OWNER' }), { today: TODAY }));
    expect(types(start)).toEqual(['enrollment.application.submitted']);
    expect(JSON.stringify(start.events)).not.toContain(validForm().child.residentId);
    let a = value(addDocument(start.application, { document: paper('d1', 'HOUSEHOLD_REGISTER'), today: TODAY })).application;
    a = value(addDocument(a, { document: paper('d2', 'PROPERTY_CERTIFICATE'), today: TODAY })).application;
    a = value(verifyDocument(a, { documentId: 'd1', today: TODAY })).application;
    expect(a.status).toBe('SUBMITTED');
    const ready = value(verifyDocument(a, { documentId: 'd2', today: TODAY }));
    expect(ready.application.status).toBe('READY');
    expect(types(ready)).toEqual(['enrollment.application.document-verified', 'enrollment.application.ready']);
    const placed = value(recordPlacement(ready.application, inDistrict('A1')));
    expect(types(placed)).toEqual(['enrollment.application.placed', 'enrollment.application.completed']);
    expect(placed.events[1]?.payload).toMatchObject({ applicationId: 'A1', step: 'PLACEMENT' });
    const accepted = value(respond(placed.application, 'ACCEPT')).application;
    const enrolled = value(enrol(accepted, { studentId: 'STU-1', on: '2026-09-01' }));
    expect(types(enrolled)).toEqual(['enrollment.student.enrolled', 'enrollment.application.completed']);
    expect(enrolled.events[0]?.payload).toMatchObject({ studentId: 'STU-1', schoolId: 'S1', year: 2026, grade: 1 });
    const closed = value(close(enrolled.application, '2027-07-01'));
    expect(closed.application).toMatchObject({ status: 'CLOSED', closedOn: '2027-07-01' });
  });

  it('sends one correction notice listing everything, and a second only after the family resubmits', () => {
    let a = value(addDocument(submitted(), { document: paper('d1', 'HOUSEHOLD_REGISTER'), today: TODAY })).application;
    a = value(rejectDocument(a, { documentId: 'd1', reason: '页面缺失' })).application;
    const notice = value(requestDocumentCorrections(a));
    expect(notice.application.status).toBe('CORRECTIONS_REQUESTED');
    expect(notice.events[0]).toMatchObject({
      type: 'enrollment.application.documents-corrections-requested',
      payload: {
        notice: 1,
        items: [
          { acceptable: ['HOUSEHOLD_REGISTER', 'RESIDENCE_PERMIT'], problem: 'REJECTED', reasons: ['HOUSEHOLD_REGISTER: 页面缺失'] },
          { acceptable: ['PROPERTY_CERTIFICATE'], problem: 'MISSING', reasons: [] },
        ],
      },
    });
    const again = requestDocumentCorrections(notice.application);
    expect(!again.ok && again.error.code).toBe('ONE_NOTICE_ONLY');
    const early = resubmit(notice.application);
    expect(!early.ok && early.error.code).toBe('NOTHING_RESUBMITTED');
    a = value(addDocument(notice.application, { document: paper('d2', 'RESIDENCE_PERMIT', '2028-01-01'), today: TODAY })).application;
    a = value(resubmit(a)).application;
    expect(a.status).toBe('SUBMITTED');
    a = value(rejectDocument(a, { documentId: 'd2', reason: '已注销' })).application;
    expect(value(requestDocumentCorrections(a)).application.noticesSent).toBe(2);
  });

  it('will not send a notice while a document is unreviewed, nor reject without a reason', () => {
    const a = value(addDocument(submitted(), { document: paper('d1', 'HOUSEHOLD_REGISTER'), today: TODAY })).application;
    const early = requestDocumentCorrections(a);
    expect(!early.ok && early.error.code).toBe('REVIEW_INCOMPLETE');
    const blank = rejectDocument(a, { documentId: 'd1', reason: '  ' });
    expect(!blank.ok && blank.error.code).toBe('REASON_REQUIRED');
    const unknown = verifyDocument(a, { documentId: 'nope', today: TODAY });
    expect(!unknown.ok && unknown.error.code).toBe('UNKNOWN_DOCUMENT');
    const twice = verifyDocument(value(verifyDocument(a, { documentId: 'd1', today: TODAY })).application, { documentId: 'd1', today: TODAY });
    expect(!twice.ok && twice.error.code).toBe('ALREADY_REVIEWED');
  });

  it('refuses an expired document when added and when verified after it expired', () => {
    const added = addDocument(submitted(), { document: paper('d1', 'RESIDENCE_PERMIT', '2026-05-09'), today: TODAY });
    expect(!added.ok && added.error.code).toBe('EXPIRED');
    const lastDay = value(addDocument(submitted(), { document: paper('d1', 'RESIDENCE_PERMIT', TODAY), today: TODAY })).application;
    const later = verifyDocument(lastDay, { documentId: 'd1', today: '2026-05-11' });
    expect(!later.ok && later.error.code).toBe('EXPIRED');
    const many = addDocument(submitted(), { document: { id: 'd1', kind: 'PASSPORT' as 'RESIDENCE_PERMIT', number: '', issuer: 'x' }, today: TODAY });
    expect(!many.ok && many.error.problems?.map((p) => p.field)).toEqual(['document.kind', 'document.number']);
  });

  it('records waitlisted and ineligible outcomes; refuses an outcome for another application', () => {
    const w = value(recordPlacement(submitted(), waitlisted('A1')));
    expect([w.application.status, types(w)]).toEqual(['WAITLISTED', ['enrollment.application.waitlisted']]);
    const i = value(recordPlacement(submitted(), ineligible('A1')));
    expect([i.application.status, types(i)]).toEqual(['INELIGIBLE', ['enrollment.application.ineligible', 'enrollment.application.completed']]);
    const other = recordPlacement(submitted(), inDistrict('A2'));
    expect(!other.ok && other.error.code).toBe('OUTCOME_MISMATCH');
  });

  it('a decline names the seat it frees', () => {
    const placed = value(recordPlacement(submitted(), inDistrict('A1'))).application;
    const declined = value(respond(placed, 'DECLINE'));
    expect(declined.events[0]).toEqual({ type: 'enrollment.application.declined', payload: { applicationId: 'A1', schoolId: 'S1', grade: 1, year: 2026 } });
  });
});
