import { describe, expect, it } from 'vitest';
import { DEFAULT_DOCUMENT_REQUIREMENTS, unmetDocumentRequirements } from './documents.ts';
import { owner, renter } from './spec-support/builders.ts';
import type { DocumentRequirements } from './types.ts';

describe('unmetDocumentRequirements', () => {
  it('a complete owner-occupier and a complete renter meet everything', () => {
    expect(unmetDocumentRequirements(owner('O', 'D1'), DEFAULT_DOCUMENT_REQUIREMENTS)).toEqual([]);
    expect(unmetDocumentRequirements(renter('R', 'D1'), DEFAULT_DOCUMENT_REQUIREMENTS)).toEqual([]);
  });

  it('an owner needs the property certificate, a renter does not', () => {
    const ownerWithLease = owner('O', 'D1', { documents: [{ kind: 'RESIDENCE_PERMIT', status: 'VERIFIED' }, { kind: 'RENTAL_AGREEMENT', status: 'VERIFIED' }] });
    expect(unmetDocumentRequirements(ownerWithLease, DEFAULT_DOCUMENT_REQUIREMENTS)).toEqual([{ acceptable: ['PROPERTY_CERTIFICATE'], submitted: [] }]);
  });

  it('lists every unmet requirement at once, with what was handed in for it', () => {
    const incomplete = renter('R', 'D1', {
      documents: [
        { kind: 'HOUSEHOLD_REGISTER', status: 'REJECTED', rejectionReason: 'expired' },
        { kind: 'RESIDENCE_PERMIT', status: 'PENDING' },
        { kind: 'RENTAL_AGREEMENT', status: 'VERIFIED' },
        { kind: 'PARENT_WORK_PROOF', status: 'REJECTED' },
      ],
    });
    expect(unmetDocumentRequirements(incomplete, DEFAULT_DOCUMENT_REQUIREMENTS)).toEqual([
      {
        acceptable: ['HOUSEHOLD_REGISTER', 'RESIDENCE_PERMIT'],
        submitted: [
          { kind: 'HOUSEHOLD_REGISTER', status: 'REJECTED', rejectionReason: 'expired' },
          { kind: 'RESIDENCE_PERMIT', status: 'PENDING' },
        ],
      },
      { acceptable: ['COMMUNITY_RESIDENCE_PROOF'], submitted: [] },
      { acceptable: ['PARENT_WORK_PROOF'], submitted: [{ kind: 'PARENT_WORK_PROOF', status: 'REJECTED', rejectionReason: 'no reason given' }] },
    ]);
  });

  it('a verified copy counts even when another copy of the same kind was rejected', () => {
    const twoCopies = owner('O', 'D1', {
      documents: [
        { kind: 'HOUSEHOLD_REGISTER', status: 'VERIFIED' },
        { kind: 'PROPERTY_CERTIFICATE', status: 'REJECTED', rejectionReason: 'blurred' },
        { kind: 'PROPERTY_CERTIFICATE', status: 'VERIFIED' },
      ],
    });
    expect(unmetDocumentRequirements(twoCopies, DEFAULT_DOCUMENT_REQUIREMENTS)).toEqual([]);
  });

  it('another city can require other documents by data', () => {
    const stricter: DocumentRequirements = { ...DEFAULT_DOCUMENT_REQUIREMENTS, OWNER: [['HOUSEHOLD_REGISTER'], ['PROPERTY_CERTIFICATE']] };
    const withPermitOnly = owner('O', 'D1', { documents: [{ kind: 'RESIDENCE_PERMIT', status: 'VERIFIED' }, { kind: 'PROPERTY_CERTIFICATE', status: 'VERIFIED' }] });
    expect(unmetDocumentRequirements(withPermitOnly, stricter)).toEqual([{ acceptable: ['HOUSEHOLD_REGISTER'], submitted: [] }]);
  });
});
