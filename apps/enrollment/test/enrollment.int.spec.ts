import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsTopic } from '@edugraph/contracts';
import type { EventEnvelope } from '@edugraph/contracts';
import { bureauStaff, entitiesQuery, eventually, institutionStaff, parent, publishInstitutionRegistered, recordTopic, refusalOf, serviceTestDatabases, startTestService } from '@edugraph/testing';
import type { TestService } from '@edugraph/testing';
import { enrollmentService } from '../src/service.ts';

const SET = `mutation($input: SetSeatCapacityInput!) { setSeatCapacity(input: $input) { seatPool { year grade capacity placed available } } }`;
const POOLS = entitiesQuery('seatPools(year: 2026) { year grade capacity placed }');

for (const database of await serviceTestDatabases()) describe(`enrollment subgraph (${database.label}, in-process events)`, () => {
  let t: TestService;
  let published: EventEnvelope[];
  let schoolId: string;
  beforeAll(async () => {
    t = await startTestService(enrollmentService, { database });
    published = await recordTopic(t.transport, eventsTopic('enrollment'));
    schoolId = (await publishInstitutionRegistered(t.transport, { level: 'PRIMARY' })).payload.institutionId;
  });
  afterAll(() => t.stop());

  const set = (institutionId: string, grade: number, capacity: number, actor = bureauStaff) =>
    t.as(actor)<{ setSeatCapacity: { seatPool: Record<string, number> } }>(SET, { input: { institutionId, year: 2026, grade, capacity } });

  it('announces the school it opened right away, without waiting for the relay’s poll', async () => {
    const opened = await eventually(async () => {
      const e = published.find((p) => p.type === 'enrollment.school.opened');
      if (!e) throw new Error('not yet published');
      return e;
    });
    expect(opened.payload).toEqual({ institutionId: schoolId, districtCode: 'D01' });
  });

  it('opens a school when the registry announces a primary school, and sets its capacity', async () => {
    const r = await eventually(() => set(schoolId, 1, 45));
    expect(r.setSeatCapacity.seatPool).toEqual({ year: 2026, grade: 1, capacity: 45, placed: 0, available: 45 });
    await eventually(async () => expect(published.map((e) => e.type)).toContain('enrollment.seat-pool.capacity-set'));
  });

  it('shows seat pools on the Institution entity, and none for others', async () => {
    const r = await t.as(parent)<{ _entities: { seatPools: unknown[] }[] }>(POOLS, {
      r: [{ __typename: 'Institution', id: schoolId }, { __typename: 'Institution', id: '00000000-0000-7000-8000-000000000000' }],
    });
    expect(r._entities[0]!.seatPools).toEqual([{ year: 2026, grade: 1, capacity: 45, placed: 0 }]);
    expect(r._entities[1]!.seatPools).toEqual([]);
  });

  it('ignores a redelivered registration: one school, one opened event', async () => {
    const again = await publishInstitutionRegistered(t.transport, { level: 'JUNIOR', districtCode: 'D02' });
    await t.transport.publish(eventsTopic('licensing'), [{ key: again.aggregateId, value: JSON.stringify(again) }]);
    await eventually(() => set(again.payload.institutionId, 7, 50));
    await t.transport.idle();
    expect(published.filter((e) => e.type === 'enrollment.school.opened' && e.aggregateId === again.aggregateId)).toHaveLength(1);
  });

  it('does not open schools for other levels', async () => {
    const k = await publishInstitutionRegistered(t.transport, { level: 'PRESCHOOL' });
    await t.transport.idle();
    expect((await set(k.payload.institutionId, 1, 30).catch((e) => e)).code).toBe('NOT_FOUND');
  });

  it('refuses a grade the school does not teach, with the grades that fit', async () => {
    const error = await set(schoolId, 7, 45).catch((e) => e);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/grade must be 1–6/);
  });

  it('lets a school set its own seats, never another school’s', async () => {
    expect((await set(schoolId, 2, 40, institutionStaff(schoolId))).setSeatCapacity.seatPool['capacity']).toBe(40);
    expect((await set(schoolId, 2, 40, institutionStaff('00000000-0000-7000-8000-000000000001')).catch((e) => e)).code).toBe('FORBIDDEN');
    expect((await set(schoolId, 2, 40, parent).catch((e) => e)).code).toBe('FORBIDDEN');
  });

  it('keeps one pool when two staff set the same grade at once', async () => {
    await Promise.all([set(schoolId, 3, 30), set(schoolId, 3, 35)]);
    const r = await t.as(parent)<{ _entities: { seatPools: { grade: number; capacity: number }[] }[] }>(POOLS, { r: [{ __typename: 'Institution', id: schoolId }] });
    const grade3 = r._entities[0]!.seatPools.filter((p) => p.grade === 3);
    expect(grade3).toHaveLength(1);
    expect([30, 35]).toContain(grade3[0]!.capacity);
  });
  it('refuses an institution id that is not a UUID with BAD_USER_INPUT, and shows no pools for one', async () => {
    expect(await refusalOf(set('not-a-uuid', 1, 45))).toEqual({ code: 'BAD_USER_INPUT', message: 'institutionId must be an id in UUID form, such as 0190a6f2-7b1c-7d3e-8f00-1234567890ab.' });
    const r = await t.as(parent)<{ _entities: { seatPools: unknown[] }[] }>(POOLS, { r: [{ __typename: 'Institution', id: 'not-a-uuid' }] });
    expect(r._entities[0]!.seatPools).toEqual([]);
  });

  it('finds the school by its id written in upper case, as PostgreSQL’s uuid type would', async () => {
    expect((await set(schoolId.toUpperCase(), 4, 30, institutionStaff(schoolId))).setSeatCapacity.seatPool['capacity']).toBe(30);
  });
});
