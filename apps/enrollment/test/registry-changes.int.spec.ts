import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsTopic } from '@edugraph/contracts';
import { createEnvelope } from '@edugraph/events';
import { eventually, publishInstitutionRegistered, refusalOf, serviceTestDatabases, startTestService } from '@edugraph/testing';
import type { TestService } from '@edugraph/testing';
import { enrollmentService } from '../src/service.ts';
import { admissions, form, guardian } from './application-support.ts';

const SCHOOLS = '{ districts { code schools { id grades } } }';
type Districts = { districts: { code: string; schools: { id: string; grades: number[] }[] }[] };

for (const database of await serviceTestDatabases()) describe(`enrollment follows the registry's changes (${database.label})`, () => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService(enrollmentService, { database, clock: () => new Date('2026-05-11T02:00:00Z') });
    await t.as(admissions)('mutation { setDistrict(input: { code: "CG", name: "城关", kind: URBAN }) { code } }');
  });
  afterAll(() => t.stop());

  const publish = (type: 'licensing.institution.changed' | 'licensing.institution.retired', institutionId: string, payload: Record<string, unknown>) =>
    t.transport.publish(eventsTopic('licensing'), [
      { key: institutionId, value: JSON.stringify(createEnvelope({ type, aggregateType: 'Institution', aggregateId: institutionId, actor: { id: 'staff-1', kind: 'person' }, correlationId: institutionId, payload: payload as never })) },
    ]);

  it('lists each district’s schools with their grades, and drops a school that retired or stopped teaching those grades', async () => {
    const primary = (await publishInstitutionRegistered(t.transport, { level: 'PRIMARY', districtCode: 'CG' })).payload.institutionId;
    const junior = (await publishInstitutionRegistered(t.transport, { level: 'JUNIOR', districtCode: 'CG' })).payload.institutionId;
    const listed = async () => (await t.as(guardian('anyone'))<Districts>(SCHOOLS)).districts[0]!.schools;
    await eventually(async () => expect(await listed()).toHaveLength(2));
    expect(await listed()).toEqual(expect.arrayContaining([{ id: primary, grades: [1, 2, 3, 4, 5, 6] }, { id: junior, grades: [7, 8, 9] }]));

    await publish('licensing.institution.retired', primary, { institutionId: primary, matterId: primary, reason: 'MERGER', mergedInto: null, retiredOn: '2026-05-10' });
    await eventually(async () => expect((await listed()).map((s) => s.id)).toEqual([junior]));
    const refused = await refusalOf(t.as(guardian('p-1'))('mutation($i: SubmitApplicationInput!) { submitApplication(input: $i) { application { id } } }', { i: form(1, { ranked: [primary] }) }));
    expect(refused.message).toContain('no longer takes children');

    await publish('licensing.institution.changed', junior, { institutionId: junior, matterId: null, changes: { level: 'TRAINING' } });
    await eventually(async () => expect(await listed()).toEqual([]));
  });
});
