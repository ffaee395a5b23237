import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsTopic } from '@edugraph/contracts';
import type { EventEnvelope } from '@edugraph/contracts';
import { bureauStaff, entitiesQuery, eventually, parent, publishInstitutionRegistered, recordTopic, refusalOf, serviceTestDatabases, startTestService } from '@edugraph/testing';
import type { TestService } from '@edugraph/testing';
import { vocationalService } from '../src/service.ts';
import { IMPORT_CATALOGUE, sampleCatalogue } from './support/catalogue.ts';

const PUBLISH = `mutation($input: PublishProgrammeInput!) { publishProgramme(input: $input) { programme { id code name lengthYears annualIntake featured } } }`;
const PROGRAMMES = entitiesQuery('programmes { code name annualIntake }');

for (const database of await serviceTestDatabases()) describe(`vocational subgraph (${database.label}, in-process events)`, () => {
  let t: TestService;
  let published: EventEnvelope[];
  let schoolId: string;
  beforeAll(async () => {
    t = await startTestService(vocationalService, { database });
    published = await recordTopic(t.transport, eventsTopic('vocational'));
    schoolId = (await publishInstitutionRegistered(t.transport, { level: 'VOCATIONAL' })).payload.institutionId;
    await t.as(bureauStaff)(IMPORT_CATALOGUE, { entries: sampleCatalogue() });
  });
  afterAll(() => t.stop());

  const publish = (input: Record<string, unknown>, actor = bureauStaff) =>
    t.as(actor)<{ publishProgramme: { programme: { id: string; code: string; name: string; annualIntake: number } } }>(PUBLISH, { input: { institutionId: schoolId, lengthYears: 3, ...input } });

  it('publishes a programme of a vocational school and shows it on the institution', async () => {
    const r = await eventually(() => publish({ code: '710201', name: '计算机应用', annualIntake: 160, featured: true }));
    expect(r.publishProgramme.programme).toMatchObject({ annualIntake: 160 });
    const e = await t.as(parent)<{ _entities: { programmes: unknown[] }[] }>(PROGRAMMES, { r: [{ __typename: 'Institution', id: schoolId }] });
    expect(e._entities[0]!.programmes).toEqual([{ code: '710201', name: '计算机应用', annualIntake: 160 }]);
  });

  it('updates the programme with the same code, and publishing the same data again emits nothing', async () => {
    const first = await publish({ code: '720201', name: '护理', annualIntake: 100 });
    const updated = await publish({ code: '720201', name: '护理', annualIntake: 120 });
    expect(updated.publishProgramme.programme.id).toBe(first.publishProgramme.programme.id);
    await publish({ code: '720201', name: '护理', annualIntake: 120 });
    await eventually(async () => expect(published.filter((e) => e.type === 'vocational.programme.published' && e.aggregateId === first.publishProgramme.programme.id)).toHaveLength(2));
  });

  it('refuses bad rows with every reason, and non-vocational institutions', async () => {
    const error = await publish({ code: '71A', name: 'x', annualIntake: -1 }).catch((e) => e);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message.split(';')).toHaveLength(3);
    const school = await publishInstitutionRegistered(t.transport, { level: 'PRIMARY' });
    await t.transport.idle();
    const notVocational = await t.as(bureauStaff)(PUBLISH, { input: { institutionId: school.payload.institutionId, code: '710201', name: '计算机应用', lengthYears: 3, annualIntake: 1 } }).catch((e) => e);
    expect(notVocational.code).toBe('NOT_FOUND');
  });
  it('refuses an institution id that is not a UUID with BAD_USER_INPUT, and shows no programmes for one', async () => {
    expect(await refusalOf(publish({ institutionId: 'not-a-uuid', code: '710201', name: '计算机应用', annualIntake: 1 }))).toEqual({ code: 'BAD_USER_INPUT', message: 'institutionId must be an id in UUID form, such as 0190a6f2-7b1c-7d3e-8f00-1234567890ab.' });
    const r = await t.as(parent)<{ _entities: { programmes: unknown[] }[] }>(PROGRAMMES, { r: [{ __typename: 'Institution', id: 'not-a-uuid' }] });
    expect(r._entities[0]!.programmes).toEqual([]);
  });

  it.each([
    ['a name over its 200 characters', { name: '专'.repeat(201) }, 'name must be at most 200 characters (got 201).'],
    ['NUL in the name', { name: '护理\u0000' }, 'name must not contain control characters (found U+0000 at character 3); remove it.'],
    ['a bidi override in the name', { name: '护理\u202E' }, 'name must not contain bidirectional control characters, which make text display in a misleading order (found U+202E at character 3); remove it.'],
    ['a control character in the code', { code: '7303\u000701' }, 'code must not contain control characters (found U+0007 at character 5); remove it.'],
  ])('refuses %s with BAD_USER_INPUT naming it', async (_, bad, message) => {
    expect(await refusalOf(publish({ code: '730301', name: '会计事务', annualIntake: 10, ...bad }))).toEqual({ code: 'BAD_USER_INPUT', message });
  });

  it('counts characters, not UTF-16 units, and reads a full-width catalogue code as the digits it is', async () => {
    const name = '𠮷'.repeat(200);
    const r = await publish({ code: '７４０２０１', name, annualIntake: 10 });
    expect(r.publishProgramme.programme).toMatchObject({ code: '740201', name });
  });
});
