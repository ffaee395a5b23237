import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type kafkajs from 'kafkajs';
import { generateActorKeyPair } from '@edugraph/auth';
import { eventsTopic } from '@edugraph/contracts';
import { createEnvelope } from '@edugraph/events';
import { issueToken } from '@edugraph/gateway';
import { eventually, graphql, infraUrl, uniqueName } from '@edugraph/testing';
import { CLEAN_EXIT, readTopics, startRealTestSystem } from './real-system-fixture.ts';
import type { KafkaMessage, RealTestSystem } from './real-system-fixture.ts';

const pgUrl = await infraUrl('postgres');
const brokers = await infraUrl('kafka');
const redisUrl = await infraUrl('redis');
const ACTOR_KEYS = await generateActorKeyPair('e2e-measures');
const JWT_SECRET = 'measures-real-infra-jwt-secret-0123456789';

type Headers = Record<string, string>;
interface Message {
  key: string;
  envelope: { id: string; type: string; payload: Record<string, unknown> };
}
interface Row {
  owner: string;
  measures: number;
  late: number;
  overdueItems: number;
  dueSoonItems: number;
  behind: number;
}

const BOARD = `query($period: String!) { measuresBoard(period: $period) { period rows { owner measures late overdueItems dueSoonItems behind } } }`;
const ITEMS = `query($filter: SupervisionItemFilter) { supervisionItems(filter: $filter, first: 100) { totalCount nodes { source sourceId office state eventType } } }`;

describe.skipIf(!pgUrl || !brokers || !redisUrl)('督促落实 on real infrastructure: an overdue licensing matter, over Kafka, on the measures board', () => {
  let real: RealTestSystem | undefined;
  let reader: { kafka: kafkajs.Kafka; stop(): Promise<void> } | undefined;
  const topicPrefix = `${uniqueName('e2e_ms')}.`;
  const licensingTopic = eventsTopic('licensing', topicPrefix);
  const feedbackTopic = eventsTopic('feedback', topicPrefix);
  const messages: KafkaMessage[] = [];
  const seen = (): Message[] => messages.map((m) => ({ key: m.key, envelope: JSON.parse(m.value) }));
  let url = '';
  const call = <T>(query: string, variables: Record<string, unknown>, headers: Headers) => graphql<T>(url, query, variables, headers);
  const bearer = async (person: Parameters<typeof issueToken>[1]): Promise<Headers> => ({ authorization: `Bearer ${await issueToken(JWT_SECRET, person)}` });

  beforeAll(async () => {
    real = await startRealTestSystem({ pgUrl: pgUrl!, brokers: brokers!, redisUrl: redisUrl!, topicPrefix, jwtSecret: JWT_SECRET, actorKeys: ACTOR_KEYS });
    url = real.system.gatewayUrl;
    // The licensing topic is made too (the overdue event is sent there); only feedback's is read.
    reader = await readTopics(brokers!, `${topicPrefix}reader`, [licensingTopic, feedbackTopic], messages);
  }, 120_000);

  afterAll(async () => {
    await reader?.stop();
    expect(await real?.stop()).toEqual(CLEAN_EXIT);
  }, 60_000);

  it('records the matter once on its office’s row, however often Kafka delivers it, beside the office’s measures', async () => {
    const leadership = await bearer({ id: 'e2e-leader', roles: ['LEADERSHIP'] });
    const optimisation = await bearer({ id: 'e2e-policy-law', roles: ['BUREAU_STAFF'], office: 'POLICY_LAW' });
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const period = today.slice(0, 4);

    // A measure of the plan for the same office, due at the end of this year (not late in this run).
    const created = await call<{ createMeasure: { id: string; status: string } }>(
      `mutation($input: CreateMeasureInput!) { createMeasure(input: $input) { id status } }`,
      { input: { title: '做好民办学校申办审批和服务工作', planRef: '二（一）3', ownerOffice: 'POLICY_LAW', dueOn: `${period}-12-31`, expectedResult: '审批流程优化落地' } },
      optimisation,
    );
    expect(created.createMeasure.status).toBe('OPEN');

    // The licensing clock job's announcement, as it would publish it: a valid envelope on the licensing topic.
    const matterId = randomUUID();
    const overdue = createEnvelope({
      type: 'licensing.matter.overdue',
      aggregateType: 'Matter',
      aggregateId: matterId,
      actor: { id: 'licensing-clock-job', kind: 'system' },
      correlationId: matterId,
      payload: { matterId, typeCode: 'ESTABLISHMENT', status: 'OVERDUE', dueOn: today, remainingWorkingDays: -1, office: 'POLICY_LAW', authority: 'EDUCATION_BUREAU' },
    });
    const producer = reader!.kafka.producer();
    await producer.connect();
    try {
      // Delivered, delivered again (the same message) and replayed under a new event id.
      const value = JSON.stringify(overdue);
      await producer.send({ topic: licensingTopic, messages: [{ key: matterId, value }, { key: matterId, value }, { key: matterId, value: JSON.stringify({ ...overdue, id: randomUUID() }) }] });
    } finally {
      await producer.disconnect();
    }

    const row = await eventually(async () => {
      const board = (await call<{ measuresBoard: { rows: Row[] } }>(BOARD, { period }, leadership)).measuresBoard;
      const policyLaw = board.rows.find((r) => r.owner === 'POLICY_LAW');
      expect(policyLaw?.overdueItems).toBe(1);
      return policyLaw!;
    }, 60_000);
    expect(row).toMatchObject({ measures: 1, late: 0, overdueItems: 1, behind: 1 });

    const items = (await call<{ supervisionItems: { totalCount: number; nodes: { source: string; sourceId: string; office: string; state: string; eventType: string }[] } }>(ITEMS, { filter: { office: 'POLICY_LAW', period } }, leadership)).supervisionItems;
    expect(items.nodes).toEqual([{ source: 'LICENSING_MATTER', sourceId: matterId, office: 'POLICY_LAW', state: 'OVERDUE', eventType: 'licensing.matter.overdue' }]);

    // The board's change is itself an event, once; so is the measure's creation.
    await eventually(async () => {
      expect(seen().filter((m) => m.envelope.type === 'feedback.supervision-item.recorded' && m.envelope.payload['sourceId'] === matterId)).toHaveLength(1);
      expect(seen().filter((m) => m.envelope.type === 'feedback.measure.created' && m.key === created.createMeasure.id)).toHaveLength(1);
    }, 30_000);
  }, 120_000);
});
