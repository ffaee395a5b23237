import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { eventsTopic } from '@edugraph/contracts';
import type { EventEnvelope } from '@edugraph/contracts';
import { bureauStaff, eventually, institutionStaff, publishInstitutionRegistered, recordTopic, refusalOf, serviceTestDatabases, startTestService } from '@edugraph/testing';
import type { TestService } from '@edugraph/testing';
import { enrollmentService } from '../src/service.ts';
import { APPLICATION_FIELDS, admissions, applicationSteps, form, guardian } from './application-support.ts';
import type { ApplicationJson } from './application-support.ts';

const NOW = new Date('2026-05-11T02:00:00Z');
const SEED = 'waitlist-2026-grade-1-seed';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const SET_SEATS = 'mutation($i: SetSeatCapacityInput!) { setSeatCapacity(input: $i) { seatPool { capacity } } }';
const FROM_WAITLIST = `mutation($y: Int!, $g: Int!) { placeFromWaitlist(year: $y, grade: $g) { year grade batch placed { id status } stillWaitlisted { id status placement { explanation } } freeSeats { school { id } free } } }`;
const PLACE_LATE = `mutation($id: ID!) { placeLate(applicationId: $id) { application { ${APPLICATION_FIELDS} } } }`;

interface WaitlistResult {
  year: number;
  grade: number;
  batch: number | null;
  placed: { id: string; status: string }[];
  stillWaitlisted: { id: string; status: string; placement: { explanation: string } }[];
  freeSeats: { school: { id: string }; free: number }[];
}

for (const database of await serviceTestDatabases()) describe(`enrollment waiting list and late applications (${database.label})`, () => {
  let t: TestService;
  let steps: ReturnType<typeof applicationSteps>;
  let published: EventEnvelope<Record<string, unknown>>[];
  let school = '';
  const parents = Array.from({ length: 10 }, (_, i) => guardian(`wl-parent-${i}`));
  const ids: string[] = [];
  const fromWaitlist = async () => (await t.as(admissions)<{ placeFromWaitlist: WaitlistResult }>(FROM_WAITLIST, { y: 2026, g: 1 })).placeFromWaitlist;
  const placeLate = async (id: string) => (await t.as(admissions)<{ placeLate: { application: ApplicationJson } }>(PLACE_LATE, { id })).placeLate.application;
  const setSeats = (capacity: number) => t.as(bureauStaff)(SET_SEATS, { i: { institutionId: school, year: 2026, grade: 1, capacity } });
  const status = async (n: number) => (await steps.get(admissions, ids[n]!))!;
  /** Applications holding or using a seat at the school: never more than its capacity. */
  const seatsTaken = async () => {
    const list = await t.as(admissions)<{ applications: { nodes: { status: string; placement: { school: { id: string } | null } | null }[] } }>(
      '{ applications(filter: { year: 2026, grade: 1 }, first: 100) { nodes { status placement { school { id } } } } }',
    );
    return list.applications.nodes.filter((n) => ['PLACED', 'ACCEPTED', 'ENROLLED'].includes(n.status) && n.placement?.school?.id === school).length;
  };

  beforeAll(async () => {
    t = await startTestService(enrollmentService, { database, clock: () => NOW });
    steps = applicationSteps(t);
    published = (await recordTopic(t.transport, eventsTopic('enrollment'))) as EventEnvelope<Record<string, unknown>>[];
    await t.as(admissions)('mutation($i: DistrictInput!) { setDistrict(input: $i) { code } }', { i: { code: 'CG', name: '城关', kind: 'URBAN' } });
    school = (await publishInstitutionRegistered(t.transport, { level: 'PRIMARY', districtCode: 'CG', name: '城关小学' })).payload.institutionId;
    await eventually(() => setSeats(2));
  });
  afterAll(() => t.stop());

  it('runs a round with more children than seats; before it, nothing is placed late or from the waiting list', async () => {
    // Tiers fix the order: owner ≥ 3 years, owner ≥ 1 year, owner < 1 year, renter.
    const kinds = [
      { since: '2018-01-01', housing: 'OWNER' },
      { since: '2025-06-01', housing: 'OWNER' },
      { since: '2026-03-01', housing: 'OWNER' },
      { since: '2018-01-01', housing: 'RENTER' },
    ] as const;
    for (const [n, k] of kinds.entries()) {
      const a = await steps.submit(parents[n]!, form(40 + n, { since: k.since, housing: k.housing }));
      ids.push(a.id);
      await steps.ready(parents[n]!, a.id, k.housing);
    }
    expect(await refusalOf(placeLate(ids[0]!))).toMatchObject({ code: 'ROUND_NOT_RUN', message: expect.stringContaining('2026 grade 1') });
    expect((await refusalOf(fromWaitlist())).code).toBe('ROUND_NOT_RUN');
    await t.as(admissions)(`mutation { commitRoundSeed(year: 2026, grade: 1, seedHash: "${sha256(SEED)}") { round { seedHash } } }`);
    const ran = await t.as(admissions)<{ runPlacementRound: { round: { placedCount: number; waitlistedCount: number } } }>(
      `mutation { runPlacementRound(year: 2026, grade: 1, seed: "${SEED}") { round { placedCount waitlistedCount } } }`,
    );
    expect(ran.runPlacementRound.round).toEqual({ placedCount: 2, waitlistedCount: 2 });
    expect((await Promise.all([0, 1, 2, 3].map(status))).map((a) => a.status)).toEqual(['PLACED', 'PLACED', 'WAITLISTED', 'WAITLISTED']);
  });

  it('lets only the admissions office re-place or place late', async () => {
    expect(await refusalOf(t.as(bureauStaff)(FROM_WAITLIST, { y: 2026, g: 1 }))).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('admissions office') });
    expect((await refusalOf(t.as(bureauStaff)(PLACE_LATE, { id: ids[2] }))).code).toBe('FORBIDDEN');
    expect((await refusalOf(t.as(parents[2]!)(PLACE_LATE, { id: ids[2] }))).code).toBe('FORBIDDEN');
    expect((await refusalOf(t.as(institutionStaff(school))(FROM_WAITLIST, { y: 2026, g: 1 }))).code).toBe('FORBIDDEN');
  });

  it('re-places the first waitlisted child when a family declines, by itself', async () => {
    await steps.respond(parents[0]!, ids[0]!, 'DECLINE');
    const next = await eventually(async () => {
      const a = await status(2);
      expect(a.status).toBe('PLACED');
      return a;
    });
    expect(next.placement).toMatchObject({ kind: 'IN_DISTRICT', school: { id: school } });
    expect(next.placement!.explanation).toMatch(/^候补递补（第1批）：/);
    expect(next.placement!.explanationEn).toMatch(/^From the waiting list \(batch 1\)/);
    expect((await status(3)).status).toBe('WAITLISTED');
    await eventually(async () => {
      const mine = published.filter((e) => e.aggregateId === ids[2]).map((e) => e.type);
      expect(mine).toEqual(expect.arrayContaining(['enrollment.application.placed', 'enrollment.application.completed']));
    });
    expect(await seatsTaken()).toBe(2);
  });

  it('changes nothing when run again with no seat free (idempotent), and refuses what the round already decided', async () => {
    const first = await fromWaitlist();
    const again = await fromWaitlist();
    for (const r of [first, again]) {
      expect(r).toMatchObject({ year: 2026, grade: 1, placed: [], stillWaitlisted: [{ id: ids[3], status: 'WAITLISTED' }], freeSeats: [{ school: { id: school }, free: 0 }] });
      expect(r.stillWaitlisted[0]!.placement.explanation).toMatch(/^暂列候补/);
    }
    expect(await refusalOf(placeLate(ids[3]!))).toMatchObject({ code: 'ALREADY_DECIDED', message: expect.stringContaining('placeFromWaitlist') });
    expect((await refusalOf(placeLate(ids[1]!))).code).toBe('ALREADY_DECIDED');
    expect((await refusalOf(placeLate('01900000-0000-7000-8000-000000000000'))).code).toBe('NOT_FOUND');
    expect((await refusalOf(t.as(admissions)(FROM_WAITLIST, { y: 1800, g: 1 }))).code).toBe('BAD_USER_INPUT');
  });

  it('re-places by itself when setSeatCapacity raises the capacity (eventually), never over it', async () => {
    await setSeats(3);
    await eventually(async () => expect((await status(3)).status).toBe('PLACED'));
    expect(await seatsTaken()).toBe(3);
    // Accepting and enrolling does not free a seat twice.
    await steps.respond(parents[1]!, ids[1]!, 'ACCEPT');
    await steps.enrol(admissions, ids[1]!);
    expect((await fromWaitlist()).freeSeats).toEqual([{ school: { id: school }, free: 0 }]);
    expect(await seatsTaken()).toBe(3);
  });

  it('places a late READY application under the same rules, and one with documents missing is told why', async () => {
    const late = await steps.submit(parents[4]!, form(50));
    await steps.ready(parents[4]!, late.id);
    // No free seat: waitlisted like anyone else in the round.
    const waiting = await placeLate(late.id);
    expect(waiting.status).toBe('WAITLISTED');
    expect(waiting.placement).toMatchObject({ kind: 'WAITLISTED', round: { seed: SEED } });
    expect(waiting.placement!.explanation).toMatch(/^补录（第\d批）：暂列候补/);
    expect((await refusalOf(placeLate(late.id))).code).toBe('ALREADY_DECIDED');
    // A seat added later goes to it, now on the waiting list of the round.
    await setSeats(4);
    await eventually(async () => expect((await steps.get(admissions, late.id))!.status).toBe('PLACED'));
    expect(await seatsTaken()).toBe(4);

    await setSeats(5);
    const another = await steps.submit(parents[5]!, form(51));
    await steps.ready(parents[5]!, another.id);
    const placed = await placeLate(another.id);
    expect(placed).toMatchObject({ status: 'PLACED', placement: { kind: 'IN_DISTRICT', school: { id: school } } });
    expect(placed.placement!.explanationEn).toMatch(/^Late application \(batch \d\): /);
    await eventually(async () => expect(published.filter((e) => e.aggregateId === another.id).map((e) => e.type)).toEqual(expect.arrayContaining(['enrollment.application.placed', 'enrollment.application.completed'])));

    const missing = await steps.submit(parents[6]!, form(52));
    const told = await placeLate(missing.id);
    expect(told).toMatchObject({ status: 'INELIGIBLE', placement: { kind: 'INELIGIBLE' } });
    expect(told.placement!.explanation).toContain('未提交');
    expect(await seatsTaken()).toBe(5);
  });

  it('never goes over capacity when re-placements race', async () => {
    const extra: string[] = [];
    for (const n of [7, 8, 9]) {
      const a = await steps.submit(parents[n]!, form(60 + n));
      await steps.ready(parents[n]!, a.id);
      expect((await placeLate(a.id)).status).toBe('WAITLISTED');
      extra.push(a.id);
    }
    await setSeats(6);
    const runs = await Promise.allSettled([fromWaitlist(), fromWaitlist(), fromWaitlist()]);
    for (const r of runs) if (r.status === 'rejected') expect(String(r.reason)).toMatch(/CONFLICT|re-placed by another request/);
    await eventually(async () => expect((await Promise.all(extra.map((id) => steps.get(admissions, id)))).filter((a) => a!.status === 'PLACED')).toHaveLength(1));
    expect(await seatsTaken()).toBe(6);
    expect((await fromWaitlist()).placed).toEqual([]);
  });
});
