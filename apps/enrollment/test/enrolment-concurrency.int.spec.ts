import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { bureauStaff, eventually, infraUrl, publishInstitutionRegistered, startTestService } from '@edugraph/testing';
import type { TestService } from '@edugraph/testing';
import { enrollmentService } from '../src/service.ts';
import { admissions, applicationSteps, form, guardian } from './application-support.ts';

const adminUrl = await infraUrl('postgres');
const SET_SEATS = 'mutation($i: SetSeatCapacityInput!) { setSeatCapacity(input: $i) { seatPool { capacity placed } } }';

describe.skipIf(!adminUrl)('enrolment under contention (PostgreSQL)', () => {
  let t: TestService;
  let schoolId: string;
  const accepted: string[] = [];
  const owners = new Map<string, string>();
  beforeAll(async () => {
    t = await startTestService(enrollmentService, { database: { label: 'PostgreSQL', adminUrl: adminUrl! }, clock: () => new Date('2026-05-11T02:00:00Z') });
    const steps = applicationSteps(t);
    await t.as(admissions)('mutation { setDistrict(input: { code: "CG", name: "城关", kind: URBAN }) { code } }');
    schoolId = (await publishInstitutionRegistered(t.transport, { level: 'PRIMARY', districtCode: 'CG' })).payload.institutionId;
    await eventually(() => t.as(bureauStaff)(SET_SEATS, { i: { institutionId: schoolId, year: 2026, grade: 1, capacity: 50 } }));
    await Promise.all(
      Array.from({ length: 50 }, async (_, n) => {
        const parent = guardian(`busy-parent-${n}`);
        const a = await steps.submit(parent, form(100 + n));
        await steps.ready(parent, a.id);
        accepted.push(a.id);
        owners.set(a.id, parent.id);
      }),
    );
    await t.as(admissions)(`mutation { commitRoundSeed(year: 2026, grade: 1, seedHash: "${createHash('sha256').update('busy').digest('hex')}") { round { seedHash } } }`);
    await t.as(admissions)('mutation { runPlacementRound(year: 2026, grade: 1, seed: "busy") { round { placedCount } } }');
    await Promise.all(accepted.map((id) => steps.respond(guardian(owners.get(id)!), id, 'ACCEPT')));
    // The school now has room for only ten of the fifty it offered places to.
    await t.as(bureauStaff)(SET_SEATS, { i: { institutionId: schoolId, year: 2026, grade: 1, capacity: 10 } });
  }, 120_000);
  afterAll(() => t.stop());

  it('enrols exactly as many children as there are seats when fifty enrolments arrive at once', async () => {
    const steps = applicationSteps(t);
    const results = await Promise.allSettled(accepted.map((id) => steps.enrol(admissions, id)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
    const refusals = results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code);
    expect(refusals).toHaveLength(40);
    expect(new Set(refusals)).toEqual(new Set(['SEATS_FULL']));
    const pools = await t.as(bureauStaff)<{ _entities: { seatPools: { capacity: number; placed: number }[] }[] }>(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Institution { seatPools(year: 2026) { capacity placed } } } }',
      { r: [{ __typename: 'Institution', id: schoolId }] },
    );
    expect(pools._entities[0]!.seatPools).toEqual([{ capacity: 10, placed: 10 }]);
  });
});
