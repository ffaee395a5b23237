import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { bureauStaff, eventually, publishInstitutionRegistered, startTestService } from '@edugraph/testing';
import type { TestService } from '@edugraph/testing';
import { enrollmentService } from '../../apps/enrollment/src/service.ts';
import { admissions, applicationSteps, form, guardian } from '../../apps/enrollment/test/application-support.ts';
import { verifyRound } from './verify-round.ts';
import type { PublishedRound } from './verify-round.ts';

const SEED = 'verify-round-seed-2026';

describe('verify-round: a stored round re-run from its public data', () => {
  let t: TestService;
  let round: PublishedRound;
  beforeAll(async () => {
    t = await startTestService(enrollmentService, { clock: () => new Date('2026-05-11T02:00:00Z') });
    const steps = applicationSteps(t);
    await t.as(admissions)('mutation { setDistrict(input: { code: "CG", name: "城关", kind: URBAN }) { code } }');
    await t.as(admissions)('mutation { setDistrict(input: { code: "XS", name: "西山", kind: RURAL }) { code } }');
    await t.as(admissions)('mutation { setDistrictDistance(input: { fromCode: "CG", toCode: "XS", km: 12 }) { km } }');
    for (const [district, seats] of [['CG', 3], ['CG', 2], ['XS', 2]] as const) {
      const { institutionId } = (await publishInstitutionRegistered(t.transport, { level: 'PRIMARY', districtCode: district })).payload;
      await eventually(() => t.as(bureauStaff)('mutation($i: SetSeatCapacityInput!) { setSeatCapacity(input: $i) { seatPool { capacity } } }', { i: { institutionId, year: 2026, grade: 1, capacity: seats } }));
    }
    for (let n = 0; n < 12; n++) {
      const parent = guardian(`verify-parent-${n}`);
      const a = await steps.submit(parent, form(40 + n, { since: n % 3 ? '2025-01-01' : '2019-01-01', housing: n % 4 ? 'RENTER' : 'OWNER' }));
      if (n !== 5) await steps.ready(parent, a.id, n % 4 ? 'RENTER' : 'OWNER');
    }
    await t.as(admissions)(`mutation { commitRoundSeed(year: 2026, grade: 1, seedHash: "${createHash('sha256').update(SEED).digest('hex')}") { round { seedHash } } }`);
    await t.as(admissions)(`mutation { runPlacementRound(year: 2026, grade: 1, seed: "${SEED}") { round { ranAt } } }`);
    round = (await t.as(guardian('anyone'))<{ placementRound: PublishedRound }>(
      '{ placementRound(year: 2026, grade: 1) { seed seedHash publishedInput outcomes { applicationId kind schoolId tier lotteryTicket lotteryRank } } }',
    )).placementRound;
  });
  afterAll(() => t.stop());

  it('gets every outcome of the stored round again from the seed and the published input', () => {
    expect(round.outcomes.map((o) => o.kind).sort()).toEqual(expect.arrayContaining(['IN_DISTRICT', 'REASSIGNED', 'WAITLISTED', 'INELIGIBLE']));
    expect(verifyRound(round)).toEqual({ seedMatchesHash: true, applications: 12, matched: 12, mismatches: [] });
    // The published input holds no personal data.
    expect(round.publishedInput).not.toMatch(/王|\d{17}[\dX]/);
  });

  it('finds a changed outcome, a changed seed and a seed that does not match its hash', () => {
    const moved = round.outcomes.map((o, i) => (i === 0 ? { ...o, lotteryRank: (o.lotteryRank ?? 0) + 1 } : o));
    expect(verifyRound({ ...round, outcomes: moved }).mismatches).toHaveLength(1);
    const otherSeed = verifyRound({ ...round, seed: 'another seed' });
    expect(otherSeed.seedMatchesHash).toBe(false);
    expect(otherSeed.mismatches.length).toBeGreaterThan(0);
  });
});
