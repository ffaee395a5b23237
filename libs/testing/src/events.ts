import { randomUUID } from 'node:crypto';
import { eventsTopic } from '@edugraph/contracts';
import type { EventEnvelope, InstitutionLevel, Ownership } from '@edugraph/contracts';
import { createEnvelope } from '@edugraph/events';
import type { EventTransport } from '@edugraph/events';

/** Publishes licensing.institution.registered as the registry would, for services that react to it. */
export async function publishInstitutionRegistered(
  transport: EventTransport,
  institution: { institutionId?: string; name?: string; level: InstitutionLevel; ownership?: Ownership; districtCode?: string },
  topicPrefix = '',
): Promise<EventEnvelope & { payload: { institutionId: string } }> {
  const institutionId = institution.institutionId ?? randomUUID();
  const envelope = createEnvelope({
    type: 'licensing.institution.registered',
    aggregateType: 'Institution',
    aggregateId: institutionId,
    actor: { id: 'staff-1', kind: 'person' },
    correlationId: randomUUID(),
    payload: {
      institutionId,
      name: institution.name ?? `Test ${institution.level} ${institutionId.slice(0, 8)}`,
      level: institution.level,
      ownership: institution.ownership ?? 'PUBLIC',
      districtCode: institution.districtCode ?? 'D01',
    },
  });
  await transport.publish(eventsTopic('licensing', topicPrefix), [{ key: institutionId, value: JSON.stringify(envelope) }]);
  return envelope;
}

/** Collects what a service publishes on a topic (in-process), to assert on its events. */
export async function recordTopic(transport: EventTransport, topic: string): Promise<EventEnvelope[]> {
  const seen: EventEnvelope[] = [];
  await transport.subscribe({ groupId: `recorder-${randomUUID()}`, topics: [topic], fromBeginning: true, handle: async (m) => void seen.push(JSON.parse(m.value)) });
  return seen;
}

export const entitiesQuery = (fields: string) =>
  `query($r: [_Any!]!) { _entities(representations: $r) { ... on Institution { id ${fields} } } }`;
