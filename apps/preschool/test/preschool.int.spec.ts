import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsTopic } from '@edugraph/contracts';
import type { EventEnvelope } from '@edugraph/contracts';
import { bureauStaff, entitiesQuery, eventually, institutionStaff, parent, publishInstitutionRegistered, recordTopic, refusalOf, serviceTestDatabases, startTestService } from '@edugraph/testing';
import type { TestService } from '@edugraph/testing';
import { preschoolService } from '../src/service.ts';

const SET = `mutation($input: SetKindergartenPlacesInput!) { setKindergartenPlaces(input: $input) { kindergarten { places enrolled inclusive } } }`;
const KG = entitiesQuery('kindergarten { places enrolled inclusive }');

for (const database of await serviceTestDatabases()) describe(`preschool subgraph (${database.label}, in-process events)`, () => {
  let t: TestService;
  let published: EventEnvelope[];
  beforeAll(async () => {
    t = await startTestService(preschoolService, { database });
    published = await recordTopic(t.transport, eventsTopic('preschool'));
  });
  afterAll(() => t.stop());

  const set = (institutionId: string, places: number, actor = bureauStaff) => t.as(actor)<{ setKindergartenPlaces: { kindergarten: unknown } }>(SET, { input: { institutionId, places } });

  it('creates a kindergarten for a registered PRESCHOOL institution and sets its places', async () => {
    const { payload } = await publishInstitutionRegistered(t.transport, { level: 'PRESCHOOL', ownership: 'PUBLIC' });
    const r = await eventually(() => set(payload.institutionId, 180));
    expect(r.setKindergartenPlaces.kindergarten).toEqual({ places: 180, enrolled: 0, inclusive: true });
    await eventually(async () => expect(published.map((e) => e.type)).toEqual(expect.arrayContaining(['preschool.kindergarten.opened', 'preschool.kindergarten.places-set'])));
    const entities = await t.as(parent)<{ _entities: { kindergarten: unknown }[] }>(KG, { r: [{ __typename: 'Institution', id: payload.institutionId }] });
    expect(entities._entities[0]!.kindergarten).toEqual({ places: 180, enrolled: 0, inclusive: true });
  });

  it('treats a private kindergarten as not inclusive until recognised, and others as no kindergarten', async () => {
    const priv = await publishInstitutionRegistered(t.transport, { level: 'PRESCHOOL', ownership: 'PRIVATE' });
    const school = await publishInstitutionRegistered(t.transport, { level: 'PRIMARY' });
    await t.transport.idle();
    const r = await t.as(parent)<{ _entities: { kindergarten: { inclusive: boolean } | null }[] }>(KG, {
      r: [{ __typename: 'Institution', id: priv.payload.institutionId }, { __typename: 'Institution', id: school.payload.institutionId }],
    });
    expect(r._entities[0]!.kindergarten?.inclusive).toBe(false);
    expect(r._entities[1]!.kindergarten).toBeNull();
  });

  it('refuses bad numbers and other institutions’ staff', async () => {
    const { payload } = await publishInstitutionRegistered(t.transport, { level: 'PRESCHOOL' });
    await eventually(() => set(payload.institutionId, 10));
    expect((await set(payload.institutionId, -3).catch((e) => e)).code).toBe('BAD_USER_INPUT');
    expect((await set(payload.institutionId, 20, institutionStaff(payload.institutionId))).setKindergartenPlaces.kindergarten).toMatchObject({ places: 20 });
    expect((await set(payload.institutionId, 20, institutionStaff('00000000-0000-7000-8000-000000000002')).catch((e) => e)).code).toBe('FORBIDDEN');
  });
  it('refuses an institution id that is not a UUID with BAD_USER_INPUT, and shows no kindergarten for one', async () => {
    expect(await refusalOf(set('not-a-uuid', 10))).toEqual({ code: 'BAD_USER_INPUT', message: 'institutionId must be an id in UUID form, such as 0190a6f2-7b1c-7d3e-8f00-1234567890ab.' });
    const r = await t.as(parent)<{ _entities: { kindergarten: unknown }[] }>(KG, { r: [{ __typename: 'Institution', id: 'not-a-uuid' }] });
    expect(r._entities[0]!.kindergarten).toBeNull();
  });
});
