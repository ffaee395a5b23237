import { describe, expect, it } from 'vitest';
import type { StoredApplication } from '../application/index.ts';
import { validForm } from '../application/spec-support/fixtures.ts';
import { toEngineApplication, wholeMonthsBetween } from './to-engine.ts';

describe('engine application from a stored one', () => {
  it('counts whole months of residence up to 1 September of the school year', () => {
    expect(wholeMonthsBetween('2023-02-01', '2026-09-01')).toBe(43);
    expect(wholeMonthsBetween('2026-01-15', '2026-02-14')).toBe(0);
    expect(wholeMonthsBetween('2026-01-15', '2026-02-15')).toBe(1);
    expect(wholeMonthsBetween('2026-10-01', '2026-09-01')).toBe(0);
  });

  it('maps housing to tenure and documents to kind and status only', () => {
    const stored: StoredApplication = {
      id: 'A1',
      status: 'READY',
      form: validForm({ housing: 'OWNER', residenceSince: '2023-09-02' }),
      submittedOn: '2026-05-10',
      documents: [
        { id: 'd1', kind: 'HOUSEHOLD_REGISTER', number: 'H1', issuer: 'x', status: 'VERIFIED' },
        { id: 'd2', kind: 'PROPERTY_CERTIFICATE', number: 'P1', issuer: 'y', status: 'REJECTED', rejectionReason: '非本人' },
      ],
      noticesSent: 0,
      addedSinceNotice: 0,
    };
    expect(toEngineApplication(stored, { attributes: { hasSiblingAtSchool: true } })).toEqual({
      id: 'A1',
      homeDistrictId: 'D-CHENGGUAN',
      grade: 1,
      tenure: 'OWNER',
      residenceMonths: 35,
      documents: [
        { kind: 'HOUSEHOLD_REGISTER', status: 'VERIFIED' },
        { kind: 'PROPERTY_CERTIFICATE', status: 'REJECTED', rejectionReason: '非本人' },
      ],
      rankedSchoolIds: ['S1', 'S2'],
      attributes: { hasSiblingAtSchool: true },
    });
  });
});
