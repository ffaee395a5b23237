import { describe, expect, it } from 'vitest';
import { PlacementInputError } from './city-index.ts';
import { lotteryTicket } from './lottery.ts';
import { placeApplications, placeLate } from './placement-engine.ts';
import { outcomeOf, owner, OWNER_FIRST_THEN_LONGER_RESIDENCE, place, renter, road, school, SEED, whereIs } from './spec-support/builders.ts';
import type { PlacementOutcome, School } from './types.ts';

// One describe per rule of the issue; every case is a tiny city a reader can check by hand.
// Lottery facts used below (HMAC-SHA256 with SEED, see lottery.spec.ts):
//   ticket(APP-0002) = 0d66…  <  ticket(APP-0001) = f3ac…  → APP-0002 wins a tie.

const status = (o: PlacementOutcome) => o.status;

describe('rule 1: district first, unconditionally', () => {
  it('a renter of the lowest tier still gets the free seat of her district', () => {
    const result = place([school('S1', 'D1', 1)], [], [renter('Lan', 'D1', { residenceMonths: 1 })]);
    expect(outcomeOf(result, 'Lan')).toMatchObject({ status: 'IN_DISTRICT', schoolId: 'S1', districtId: 'D1' });
  });

  it('when demand fits, every child is placed in the home district, ranking or not', () => {
    const result = place(
      [school('S1', 'D1', 2), school('S2', 'D1', 1)],
      [road('D1', 'D2', 3)],
      [owner('A', 'D1'), renter('B', 'D1', { rankedSchoolIds: [] }), renter('C', 'D1', { rankedSchoolIds: ['S2'] })],
    );
    expect(result.outcomes.map(status)).toEqual(['IN_DISTRICT', 'IN_DISTRICT', 'IN_DISTRICT']);
  });

  it('a family that ranked only a full school gets another school of its district', () => {
    // Both rank S1 (1 seat). The owner wins it; the renter gets S2, which she did not rank.
    const result = place([school('S1', 'D1', 1), school('S2', 'D1', 1)], [], [owner('Owner', 'D1', { rankedSchoolIds: ['S1'] }), renter('Renter', 'D1', { rankedSchoolIds: ['S1'] })]);
    expect(outcomeOf(result, 'Renter')).toMatchObject({ status: 'IN_DISTRICT', schoolId: 'S2', choice: 2, rankedByFamily: false, fullEarlierChoices: ['S1'] });
  });

  it('unranked schools are appended by the family’s distance to them, then by school id', () => {
    const schools = [school('SA', 'D1', 1), school('SB', 'D1', 1), school('SC', 'D1', 1)];
    const near = place(schools, [], [owner('Near', 'D1', { schoolDistancesKm: { SC: 1, SA: 3 } })]);
    expect(whereIs(near, 'Near')).toBe('SC');
    const noDistances = place(schools, [], [owner('Plain', 'D1')]);
    expect(whereIs(noDistances, 'Plain')).toBe('SA');
  });
});

describe('rule 2: documents first', () => {
  it('a renter missing one document and with one rejected is INELIGIBLE, with the exact list', () => {
    const family = renter('Wei', 'D1', {
      documents: [
        { kind: 'RESIDENCE_PERMIT', status: 'VERIFIED' },
        { kind: 'RENTAL_AGREEMENT', status: 'VERIFIED' },
        { kind: 'PARENT_WORK_PROOF', status: 'REJECTED', rejectionReason: 'employer stamp missing' },
      ],
    });
    const result = place([school('S1', 'D1', 5)], [], [family]);
    expect(outcomeOf(result, 'Wei')).toMatchObject({
      status: 'INELIGIBLE',
      unmetRequirements: [
        { acceptable: ['COMMUNITY_RESIDENCE_PROOF'], submitted: [] },
        { acceptable: ['PARENT_WORK_PROOF'], submitted: [{ kind: 'PARENT_WORK_PROOF', status: 'REJECTED', rejectionReason: 'employer stamp missing' }] },
      ],
    });
  });

  it('either a household register or a residence permit will do; a pending one beside it does not matter', () => {
    const family = owner('Hua', 'D1', {
      documents: [
        { kind: 'HOUSEHOLD_REGISTER', status: 'PENDING' },
        { kind: 'RESIDENCE_PERMIT', status: 'VERIFIED' },
        { kind: 'PROPERTY_CERTIFICATE', status: 'VERIFIED' },
      ],
    });
    expect(whereIs(place([school('S1', 'D1', 1)], [], [family]), 'Hua')).toBe('S1');
  });

  it('an ineligible application never takes a seat, whatever its priority', () => {
    const unverified = owner('Owner', 'D1', { documents: [{ kind: 'HOUSEHOLD_REGISTER', status: 'VERIFIED' }] });
    const result = place([school('S1', 'D1', 1)], [], [unverified, renter('Renter', 'D1', { residenceMonths: 2 })]);
    expect(whereIs(result, 'Owner')).toBe('INELIGIBLE');
    expect(whereIs(result, 'Renter')).toBe('S1');
  });
});

describe('rule 3: priority tiers and deferred acceptance inside the district', () => {
  const oneSeat = [school('S1', 'D1', 1)];

  it('owner-occupier before renter, whatever the lottery says', () => {
    // APP-0002 has the better ticket but rents.
    const result = place(oneSeat, [], [owner('APP-0001', 'D1'), renter('APP-0002', 'D1')]);
    expect(whereIs(result, 'APP-0001')).toBe('S1');
    expect(outcomeOf(result, 'APP-0001')).toMatchObject({ tier: 1 });
    expect(outcomeOf(result, 'APP-0002')).toMatchObject({ status: 'WAITLISTED', tier: 4 });
  });

  it('among renters, 36+ months of residence before 12–35 months', () => {
    const result = place(oneSeat, [], [renter('APP-0001', 'D1', { residenceMonths: 40 }), renter('APP-0002', 'D1', { residenceMonths: 20 })]);
    expect(whereIs(result, 'APP-0001')).toBe('S1');
  });

  it('the tiers are data: reversing the criteria list reverses who wins', () => {
    const residenceFirst = { priority: [...OWNER_FIRST_THEN_LONGER_RESIDENCE.priority].reverse() };
    const result = place(oneSeat, [], [owner('APP-0001', 'D1', { residenceMonths: 3 }), renter('APP-0002', 'D1', { residenceMonths: 40 })], residenceFirst);
    expect(whereIs(result, 'APP-0002')).toBe('S1');
  });

  it('an attribute criterion, e.g. a sibling already at school, can come first', () => {
    const siblingsFirst = { priority: [{ kind: 'attribute' as const, name: 'sibling', order: [true] }, ...OWNER_FIRST_THEN_LONGER_RESIDENCE.priority] };
    const result = place(oneSeat, [], [owner('APP-0001', 'D1'), renter('APP-0002', 'D1', { attributes: { sibling: true } })], siblingsFirst);
    expect(whereIs(result, 'APP-0002')).toBe('S1');
  });

  it('each child ends at the best school of their list that higher priority left free', () => {
    // Priority: Owner > RenterLong > RenterShort. S1 and S2 have one seat each.
    const schools = [school('S1', 'D1', 1), school('S2', 'D1', 1), school('S3', 'D1', 1)];
    const result = place(schools, [], [
      renter('RenterShort', 'D1', { residenceMonths: 2, rankedSchoolIds: ['S1', 'S2'] }),
      renter('RenterLong', 'D1', { residenceMonths: 40, rankedSchoolIds: ['S1', 'S2'] }),
      owner('Owner', 'D1', { rankedSchoolIds: ['S1'] }),
    ]);
    expect([whereIs(result, 'Owner'), whereIs(result, 'RenterLong'), whereIs(result, 'RenterShort')]).toEqual(['S1', 'S2', 'S3']);
    expect(outcomeOf(result, 'RenterShort')).toMatchObject({ choice: 3, fullEarlierChoices: ['S1', 'S2'] });
  });

  it('schools of other districts, unknown schools and repeats in a ranking are ignored', () => {
    const result = place([school('S1', 'D1', 1), school('S9', 'D9', 5)], [], [owner('A', 'D1', { rankedSchoolIds: ['S9', 'NOPE', 'S1', 'S1'] })]);
    expect(outcomeOf(result, 'A')).toMatchObject({ schoolId: 'S1', choice: 1, rankedByFamily: true });
  });
});

describe('rule 4: a reproducible, checkable lottery', () => {
  it('inside a tier the lower HMAC ticket wins, and the ticket is published', () => {
    const result = place([school('S1', 'D1', 1)], [], [renter('APP-0001', 'D1'), renter('APP-0002', 'D1')]);
    expect(outcomeOf(result, 'APP-0002')).toMatchObject({ schoolId: 'S1', lotteryTicket: lotteryTicket(SEED, 'APP-0002'), lotteryRank: 1, lotteryPoolSize: 2 });
    expect(outcomeOf(result, 'APP-0001')).toMatchObject({ status: 'WAITLISTED', lotteryRank: 2, lotteryPoolSize: 2 });
  });

  it('the order applications arrive in changes nothing', () => {
    const apps = [renter('APP-0001', 'D1'), renter('APP-0002', 'D1'), owner('APP-0003', 'D1')];
    const forwards = place([school('S1', 'D1', 2)], [], apps);
    const backwards = place([school('S1', 'D1', 2)], [], apps.slice().reverse());
    expect(backwards.outcomes.slice().reverse()).toEqual(forwards.outcomes);
  });

  it('lottery rank counts within the home district, grade and tier', () => {
    const result = place([school('S1', 'D1', 9), school('S2', 'D2', 9)], [], [renter('APP-0001', 'D1'), renter('APP-0002', 'D1'), owner('APP-0003', 'D1'), renter('APP-0004', 'D2')]);
    expect(outcomeOf(result, 'APP-0003')).toMatchObject({ lotteryRank: 1, lotteryPoolSize: 1 });
    expect(outcomeOf(result, 'APP-0004')).toMatchObject({ lotteryRank: 1, lotteryPoolSize: 1 });
    expect(outcomeOf(result, 'APP-0002')).toMatchObject({ lotteryRank: 1, lotteryPoolSize: 2 });
  });
});

describe('rule 5: reassignment to the nearest district with seats', () => {
  // D1 has one seat and two children; the owner keeps it, the renter is reassigned.
  const home = school('S1', 'D1', 1);
  const children = [owner('Stays', 'D1'), renter('Moves', 'D1')];

  it('goes to the nearest district with a seat', () => {
    const result = place([home, school('S2', 'D2', 1), school('S3', 'D3', 1)], [road('D1', 'D2', 5), road('D1', 'D3', 2)], children);
    expect(outcomeOf(result, 'Moves')).toMatchObject({ status: 'REASSIGNED', schoolId: 'S3', districtId: 'D3', distanceKm: 2, fullDistricts: ['D1'] });
  });

  it('skips a nearer district that is full and lists it', () => {
    const result = place([home, school('S2', 'D2', 1), school('S3', 'D3', 0)], [road('D1', 'D2', 5), road('D1', 'D3', 2)], children);
    expect(outcomeOf(result, 'Moves')).toMatchObject({ status: 'REASSIGNED', districtId: 'D2', fullDistricts: ['D1', 'D3'] });
  });

  it('higher priority gets the nearer seat', () => {
    const result = place(
      [school('S1', 'D1', 0), school('S2', 'D2', 1), school('S3', 'D3', 1)],
      [road('D1', 'D2', 2), road('D1', 'D3', 9)],
      [renter('Renter', 'D1'), owner('Owner', 'D1')],
    );
    expect([whereIs(result, 'Owner'), whereIs(result, 'Renter')]).toEqual(['S2', 'S3']);
  });

  it("a district's own children come before children reassigned into it", () => {
    const result = place([school('S1', 'D1', 0), school('S2', 'D2', 1)], [road('D1', 'D2', 1)], [owner('Visitor', 'D1'), renter('Local', 'D2', { residenceMonths: 1 })]);
    expect(whereIs(result, 'Local')).toBe('S2');
    expect(outcomeOf(result, 'Visitor')).toMatchObject({ status: 'WAITLISTED', fullDistricts: ['D1', 'D2'] });
  });

  it('equal distances are tried in district id order', () => {
    const result = place([home, school('S3', 'D3', 1), school('S2', 'D2', 1)], [road('D1', 'D3', 4), road('D1', 'D2', 4)], children);
    expect(whereIs(result, 'Moves')).toBe('S2');
  });

  it('inside the target district, the school with the most free seats takes the child', () => {
    const result = place([home, school('S2a', 'D2', 1), school('S2b', 'D2', 3)], [road('D1', 'D2', 4)], children);
    expect(whereIs(result, 'Moves')).toBe('S2b');
  });

  it('districts missing from the distance table or beyond the limit are out of reach', () => {
    const schools = [home, school('S2', 'D2', 1), school('S3', 'D3', 1)];
    const rules = { ...OWNER_FIRST_THEN_LONGER_RESIDENCE, maxReassignmentKm: 10 };
    const result = place(schools, [road('D1', 'D2', 12)], children, rules);
    expect(outcomeOf(result, 'Moves')).toMatchObject({ status: 'WAITLISTED', fullDistricts: ['D1'] });
  });

  it('a distance listed one way serves both; listed both ways, each direction has its own', () => {
    const schools = [school('S1', 'D1', 0), school('S2', 'D2', 1), school('S3', 'D3', 1)];
    const roads = [road('D2', 'D1', 3), road('D1', 'D3', 5), road('D3', 'D1', 1)];
    const result = place(schools, roads, [owner('Child', 'D1')]);
    expect(outcomeOf(result, 'Child')).toMatchObject({ districtId: 'D2', distanceKm: 3 });
  });
});

describe('rule 6: late applications never move anyone', () => {
  const city = { schools: [school('S1', 'D1', 2), school('S2', 'D2', 1)], distances: [road('D1', 'D2', 3)] };
  const rules = OWNER_FIRST_THEN_LONGER_RESIDENCE;
  const main = placeApplications({ city, applications: [renter('Early1', 'D1', { residenceMonths: 1 })], rules, seed: SEED });

  it('a late owner takes a seat that is left, without bumping the early renter', () => {
    const late = placeLate(main, [owner('LateOwner', 'D1'), owner('LateOwner2', 'D1', { residenceMonths: 1 })], { city, rules });
    expect(late.outcomes.slice(0, 1)).toEqual(main.outcomes);
    expect(outcomeOf(late, 'LateOwner')).toMatchObject({ status: 'IN_DISTRICT', schoolId: 'S1', batch: 1 });
    expect(outcomeOf(late, 'LateOwner2')).toMatchObject({ status: 'REASSIGNED', schoolId: 'S2', batch: 1 });
    expect(late.remainingSeats).toEqual([
      { schoolId: 'S1', grade: 1, free: 0 },
      { schoolId: 'S2', grade: 1, free: 0 },
    ]);
    expect(late.seed).toBe(SEED);
  });

  it('an id already decided cannot come back as a late application', () => {
    expect(() => placeLate(main, [renter('Early1', 'D1')], { city, rules })).toThrow(PlacementInputError);
  });
});

describe('rule 7: every outcome explains itself', () => {
  it('in district', () => {
    const result = place([school('S1', 'D1', 1), school('S2', 'D1', 1)], [], [owner('APP-0001', 'D1', { rankedSchoolIds: ['S1', 'S2'] }), owner('APP-0002', 'D1', { rankedSchoolIds: ['S1'] })]);
    expect(outcomeOf(result, 'APP-0001').explanation).toBe(
      "Placed at school S2 in home district D1, grade 1: the family's choice 2; S1 already full (tier 1, lottery rank 2 of 2).",
    );
  });

  it('reassigned', () => {
    const result = place(
      [school('S1', 'D1', 0), school('S3', 'D3', 0), school('S2', 'D2', 1)],
      [road('D1', 'D3', 1), road('D1', 'D2', 4.5)],
      [renter('Moves', 'D1')],
    );
    expect(outcomeOf(result, 'Moves').explanation).toBe(
      'Reassigned to school S2 in district D2 (4.5 km), grade 1: home district D1 and nearer district D3 were full (tier 4, lottery rank 1 of 1).',
    );
  });

  it('waitlisted', () => {
    const result = place([school('S1', 'D1', 0), school('S2', 'D2', 0)], [road('D1', 'D2', 1)], [renter('Waits', 'D1')]);
    expect(outcomeOf(result, 'Waits').explanation).toBe(
      'Waitlisted for grade 1: no free seat in home district D1 nor in any district within reach (D2) (tier 4, lottery rank 1 of 1).',
    );
  });

  it('ineligible, listing every correction at once', () => {
    const result = place([school('S1', 'D1', 1)], [], [owner('Docs', 'D1', { documents: [{ kind: 'PROPERTY_CERTIFICATE', status: 'REJECTED', rejectionReason: 'name mismatch' }] })]);
    expect(outcomeOf(result, 'Docs').explanation).toBe(
      'Not placed: required documents are not all verified — household register (户口簿) or residence permit (居住证): missing; ' +
        'property certificate (房产证): rejected (name mismatch). ' +
        'Correct them all at once; once verified, the application is placed from the seats still free.',
    );
  });
});

describe('published JSON', () => {
  it('carries the ticket and the explanation of every outcome, though both are derived on read', () => {
    const result = place([school('S1', 'D1', 1)], [], [renter('APP-0001', 'D1'), owner('Docs', 'D1', { documents: [] })]);
    const published = JSON.parse(JSON.stringify(result)) as { seed: string; outcomes: Record<string, unknown>[] };
    expect(published.seed).toBe(SEED);
    expect(published.outcomes[0]).toMatchObject({ status: 'IN_DISTRICT', lotteryTicket: lotteryTicket(SEED, 'APP-0001'), explanation: outcomeOf(result, 'APP-0001').explanation });
    expect(published.outcomes[1]).toMatchObject({ status: 'INELIGIBLE', explanation: expect.stringContaining('property certificate (房产证): missing') });
    expect(published.outcomes[1]).not.toHaveProperty('lotteryTicket');
  });
});

describe('rule 8: capacity is never exceeded, per school and grade', () => {
  it('ten children, three seats in grade 1 and plenty in grade 2: three placed', () => {
    const schools: School[] = [
      { id: 'S1', districtId: 'D1', seatsByGrade: { 1: 2, 2: 50 } },
      { id: 'S2', districtId: 'D1', seatsByGrade: { 1: 1 } },
    ];
    const children = Array.from({ length: 10 }, (_, k) => renter(`C${k}`, 'D1'));
    const result = place(schools, [], children);
    expect(result.outcomes.filter((o) => o.status === 'IN_DISTRICT')).toHaveLength(3);
    expect(result.remainingSeats).toEqual([
      { schoolId: 'S1', grade: 1, free: 0 },
      { schoolId: 'S1', grade: 2, free: 50 },
      { schoolId: 'S2', grade: 1, free: 0 },
    ]);
  });
});

describe('input checks', () => {
  it('rejects two applications with the same id', () => {
    expect(() => place([school('S1', 'D1', 1)], [], [owner('Same', 'D1'), renter('Same', 'D1')])).toThrow(/appears twice/);
  });

  it('rejects negative or fractional seats', () => {
    expect(() => place([school('S1', 'D1', -1)], [], [])).toThrow(PlacementInputError);
    expect(() => place([school('S1', 'D1', 1.5)], [], [])).toThrow(PlacementInputError);
  });

  it('rejects an empty seed', () => {
    expect(() => placeApplications({ city: { schools: [], distances: [] }, applications: [], rules: OWNER_FIRST_THEN_LONGER_RESIDENCE, seed: '' })).toThrow(/seed/);
  });
});
