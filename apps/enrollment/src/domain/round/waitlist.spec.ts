import { describe, expect, it } from 'vitest';
import type { Application, City, PlacementRules } from '../placement/index.ts';
import { explainAfterRound, freeSeats, placeAfterRound } from './waitlist.ts';

const city: City = { schools: [{ id: 'S-A', districtId: 'A', seatsByGrade: { 1: 0 } }], distances: [] };
const rules: PlacementRules = { priority: [{ kind: 'tenure', order: ['OWNER', 'RENTER'] }] };
const verified = [
  { kind: 'HOUSEHOLD_REGISTER', status: 'VERIFIED' },
  { kind: 'PROPERTY_CERTIFICATE', status: 'VERIFIED' },
] as Application['documents'];
const renterDocuments = ['HOUSEHOLD_REGISTER', 'RENTAL_AGREEMENT', 'COMMUNITY_RESIDENCE_PROOF', 'PARENT_WORK_PROOF'].map((kind) => ({ kind, status: 'VERIFIED' })) as Application['documents'];
const app = (id: string, tenure: 'OWNER' | 'RENTER', documents = tenure === 'OWNER' ? verified : renterDocuments): Application => ({ id, homeDistrictId: 'A', grade: 1, tenure, residenceMonths: 40, documents, rankedSchoolIds: [] });
const ran = { id: 'R', year: 2026, seedHash: 'h', seed: 'seed-2026', ranOn: '2026-07-01' };
const names = { schools: { 'S-A': '城关小学' }, districts: { A: '城关' } };

describe('seats after the round', () => {
  it('counts capacity less the enrolled and the offers held, never below zero', () => {
    const pools = [
      { schoolId: 'S-A', grade: 1, capacity: 5, enrolled: 2 },
      { schoolId: 'S-B', grade: 1, capacity: 1, enrolled: 0 },
    ];
    expect(freeSeats(pools, new Map([['S-A', 1], ['S-B', 3]]))).toEqual([
      { schoolId: 'S-A', grade: 1, free: 2 },
      { schoolId: 'S-B', grade: 1, free: 0 },
    ]);
  });

  it('refuses before the round has run', () => {
    const r = placeAfterRound({ id: 'R', year: 2026, seedHash: 'h' }, { city, rules, batches: 1, seats: [], waitlisted: [] });
    expect(!r.ok && r.error.code).toBe('ROUND_NOT_RUN');
  });

  it('places waitlisted children by priority first, then late applications from what is left', () => {
    const r = placeAfterRound(ran, {
      city,
      rules,
      batches: 1,
      seats: [{ schoolId: 'S-A', grade: 1, free: 2 }],
      waitlisted: [app('W-RENT', 'RENTER'), app('W-OWN', 'OWNER')],
      late: [app('L-OWN', 'OWNER'), app('L-MISSING', 'OWNER', [])],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.waitlist!.batch).toBe(1);
    expect(r.value.waitlist!.outcomes.map((o) => [o.applicationId, o.status])).toEqual([['W-RENT', 'IN_DISTRICT'], ['W-OWN', 'IN_DISTRICT']]);
    expect(r.value.late!.batch).toBe(2);
    // A late owner does not bump a waitlisted renter: the seats were gone.
    expect(r.value.late!.outcomes.map((o) => [o.applicationId, o.status])).toEqual([['L-OWN', 'WAITLISTED'], ['L-MISSING', 'INELIGIBLE']]);
    expect(r.value.remainingSeats).toEqual([{ schoolId: 'S-A', grade: 1, free: 0 }]);
  });

  it('gives the one free seat to the higher priority, and explains both sides', () => {
    const r = placeAfterRound(ran, { city, rules, batches: 3, seats: [{ schoolId: 'S-A', grade: 1, free: 1 }], waitlisted: [app('W-RENT', 'RENTER'), app('W-OWN', 'OWNER')] });
    if (!r.ok) throw new Error('refused');
    const [rent, own] = r.value.waitlist!.outcomes;
    expect([rent!.status, own!.status]).toEqual(['WAITLISTED', 'IN_DISTRICT']);
    expect(explainAfterRound(own!, names, 'WAITLIST').zh).toMatch(/^候补递补（第3批）：.*居住地学区（城关）.*城关小学/);
    expect(explainAfterRound(own!, names, 'WAITLIST').en).toMatch(/^From the waiting list \(batch 3\): .*城关小学/);
    expect(explainAfterRound(rent!, names, 'WAITLIST').zh).toMatch(/^暂列候补/);
    expect(explainAfterRound(own!, names, 'LATE').en).toMatch(/^Late application \(batch 3\)/);
  });
});
