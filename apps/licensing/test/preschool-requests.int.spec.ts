import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsTopic } from '@edugraph/contracts';
import type { EventEnvelope as Envelope, EventPayload, EventType } from '@edugraph/contracts';

type EventEnvelope = Envelope<Record<string, unknown>>;
import { createEnvelope } from '@edugraph/events';
import { anonymous, eventually, recordTopic, serviceTestDatabases, startTestService } from '@edugraph/testing';
import type { TestService } from '@edugraph/testing';
import { licensingService } from '../src/service.ts';

const NOW = new Date('2026-11-27T02:00:00Z'); // Friday 2026-11-27 in Shanghai

for (const database of await serviceTestDatabases()) describe(`licensing answers preschool (${database.label}, in-process events)`, () => {
  let t: TestService;
  let published: EventEnvelope[];
  beforeAll(async () => {
    t = await startTestService(licensingService, { database, clock: () => NOW });
    published = (await recordTopic(t.transport, eventsTopic('licensing'))) as EventEnvelope[];
  });
  afterAll(() => t.stop());

  async function ask<T extends EventType>(type: T, payload: EventPayload<T>, aggregateId: string): Promise<EventEnvelope> {
    const e = createEnvelope({ type, aggregateType: 'Preschool', aggregateId, actor: { id: 'staff-1', kind: 'person' }, correlationId: randomUUID(), payload });
    await t.transport.publish(eventsTopic('preschool'), [{ key: aggregateId, value: JSON.stringify(e) }]);
    return e;
  }
  const answers = (cause: EventEnvelope) => published.filter((e) => e.causationId === cause.id);

  it('registers the new public kindergarten of a completed capacity project, and nothing for a rebuild', async () => {
    const projectId = randomUUID();
    const name = `新建幼儿园${projectId.slice(0, 6)}`;
    const base = { projectId, kind: 'NEW_BUILD' as const, districtCode: 'P1', places: 270, kindergartenId: null, completedOn: '2026-11-25', late: false };
    const asked = await ask('preschool.capacity-project.completed', { ...base, registration: { name, districtCode: 'P1', places: 270 } }, projectId);
    const rebuild = await ask('preschool.capacity-project.completed', { ...base, projectId: randomUUID(), kind: 'REBUILD', kindergartenId: randomUUID(), registration: null }, projectId);
    await eventually(async () => expect(answers(asked).map((e) => e.type)).toEqual(['licensing.institution.registered']));
    expect(answers(asked)[0]!.payload).toMatchObject({ name, level: 'PRESCHOOL', ownership: 'PUBLIC', districtCode: 'P1' });
    expect(answers(asked)[0]!.correlationId).toBe(asked.correlationId);
    await t.transport.idle();
    expect(answers(rebuild)).toEqual([]);
    const list = await t.as(anonymous)<{ institutions: { nodes: { name: string }[] } }>(`{ institutions(districtCode: "P1") { nodes { name } } }`);
    expect(list.institutions.nodes.map((n) => n.name)).toContain(name);
  });

  it('registers and licenses a private kindergarten that passed re-inspection, with a licence number in the house format', async () => {
    const caseId = randomUUID();
    const payload = { caseId, name: `整改幼儿园${caseId.slice(0, 6)}`, address: '城南路1号', districtCode: 'P2', children: 40, inspectedOn: '2026-11-20' };
    const asked = await ask('preschool.case.passed', payload, caseId);
    await eventually(async () => expect(answers(asked).map((e) => e.type)).toEqual(['licensing.institution.registered', 'licensing.licence.issued']));
    const [registered, issued] = answers(asked);
    expect(registered!.payload).toMatchObject({ ownership: 'PRIVATE', level: 'PRESCHOOL', districtCode: 'P2' });
    expect(issued!.payload).toMatchObject({ institutionId: registered!.payload['institutionId'], matterId: caseId, issuedOn: '2026-11-27', workingDaysAfterApproval: 5 });
    expect(issued!.payload['licenceNumber']).toMatch(/^教民14101012026\d{4}$/u);
    const second = await ask('preschool.case.passed', { ...payload, caseId: randomUUID(), name: `${payload.name}二` }, randomUUID());
    await eventually(async () => expect(answers(second)).toHaveLength(2));
    expect(answers(second)[1]!.payload['licenceNumber']).not.toBe(issued!.payload['licenceNumber']);
  });
});
