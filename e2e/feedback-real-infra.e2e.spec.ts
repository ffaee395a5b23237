import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type kafkajs from 'kafkajs';
import { generateActorKeyPair } from '@edugraph/auth';
import { eventsTopic } from '@edugraph/contracts';
import { issueToken } from '@edugraph/gateway';
import { creditCodeFrom, eventually, graphql, infraUrl, uniqueName } from '@edugraph/testing';
import { CLEAN_EXIT, readTopics, startRealTestSystem } from './real-system-fixture.ts';
import type { KafkaMessage, RealTestSystem } from './real-system-fixture.ts';

const pgUrl = await infraUrl('postgres');
const brokers = await infraUrl('kafka');
const redisUrl = await infraUrl('redis');
const ACTOR_KEYS = await generateActorKeyPair('e2e-feedback');
const JWT_SECRET = 'feedback-real-infra-jwt-secret-0123456789';
const SHA = 'c'.repeat(64);

type Headers = Record<string, string>;
interface Message {
  key: string;
  value: string;
  envelope: { id: string; type: string; payload: Record<string, unknown> };
}

const MATTERS = `{ myServiceMatters { id service item office rating { id level case { id status } } } }`;
const FIGURES = `query($period: String!) { satisfaction(by: ITEM, period: $period) { groups { key ratings badReviews fixedShare } } }`;

describe.skipIf(!pgUrl || !brokers || !redisUrl)('好差评 on real infrastructure: a decided licensing matter, over Kafka, to a rating, its fix and the published figures', () => {
  let real: RealTestSystem | undefined;
  let reader: { kafka: kafkajs.Kafka; stop(): Promise<void> } | undefined;
  const topicPrefix = `${uniqueName('e2e_fb')}.`;
  const licensingTopic = eventsTopic('licensing', topicPrefix);
  const feedbackTopic = eventsTopic('feedback', topicPrefix);
  const messages: KafkaMessage[] = [];
  const seenOn = (topic: string): Message[] => messages.filter((m) => m.topic === topic).map((m) => ({ key: m.key, value: m.value, envelope: JSON.parse(m.value) }));
  let url = '';
  const call = <T>(query: string, variables: Record<string, unknown>, headers: Headers) => graphql<T>(url, query, variables, headers);
  const bearer = async (person: Parameters<typeof issueToken>[1]): Promise<Headers> => ({ authorization: `Bearer ${await issueToken(JWT_SECRET, person)}` });

  beforeAll(async () => {
    real = await startRealTestSystem({ pgUrl: pgUrl!, brokers: brokers!, redisUrl: redisUrl!, topicPrefix, jwtSecret: JWT_SECRET, actorKeys: ACTOR_KEYS });
    url = real.system.gatewayUrl;
    reader = await readTopics(brokers!, `${topicPrefix}reader`, [licensingTopic, feedbackTopic], messages);
  }, 120_000);

  afterAll(async () => {
    await reader?.stop();
    expect(await real?.stop()).toEqual(CLEAN_EXIT);
  }, 60_000);

  it('invites the sponsor once, even when the completion is delivered again, and follows the bad review to its fix in the figures', async () => {
    const sponsorPerson = { id: `sponsor-${randomUUID()}`, roles: ['MARKET_ENTITY' as const], creditCode: creditCodeFrom('52141010MJ0000301') };
    const sponsor = await bearer(sponsorPerson);
    const policyLaw = await bearer({ id: 'e2e-policy-law', roles: ['BUREAU_STAFF'], office: 'POLICY_LAW' });
    const approval = await bearer({ id: 'e2e-approval', roles: ['APPROVAL_BUREAU_STAFF'] });
    const step = async (headers: Headers, field: string, args: string, params: string, variables: Record<string, unknown>) =>
      (await call<Record<string, { matter: { id: string; status: string; requirements: { code: string }[] } }>>(`mutation(${params}) { ${field}(${args}) { matter { id status requirements { code } } } }`, variables, headers))[field]!.matter;

    // A sponsor's establishment, from start to an approval by the approval bureau.
    const started = await step(sponsor, 'startMatter', 'input: $input', '$input: StartMatterInput!', { input: { type: 'ESTABLISHMENT', details: { school: { name: '明德实验学校', level: 'PRIMARY', districtCode: 'CG', address: '城关区明德路8号' } } } });
    for (const { code } of started.requirements) {
      await step(sponsor, 'attachMaterial', 'matterId: $id, code: $code, fileName: $file, sha256: $sha, sizeBytes: 2048', '$id: ID!, $code: String!, $file: String!, $sha: String!', { id: started.id, code, file: `${code}.pdf`, sha: SHA });
    }
    await step(sponsor, 'submitMatter', 'matterId: $id', '$id: ID!', { id: started.id });
    await step(policyLaw, 'acceptMatter', 'matterId: $id', '$id: ID!', { id: started.id });
    await step(approval, 'decide', 'matterId: $id, outcome: APPROVED, legalBasis: $basis, reason: "符合设置标准"', '$id: ID!, $basis: String!', { id: started.id, basis: '《中华人民共和国民办教育促进法》第十八条' });

    // licensing.matter.completed crosses Kafka; feedback invites the sponsor.
    const matters = () => call<{ myServiceMatters: { id: string; service: string; item: string; office: string; rating: { id: string; case: { id: string; status: string } | null } | null }[] }>(MATTERS, {}, sponsor).then((r) => r.myServiceMatters);
    const [invitation] = await eventually(async () => {
      const list = await matters();
      expect(list).toHaveLength(1);
      return list;
    }, 30_000);
    expect(invitation).toMatchObject({ service: 'licensing', item: 'JY-XK-002', office: 'POLICY_LAW', rating: null });
    const completed = await eventually(async () => {
      const found = seenOn(licensingTopic).find((m) => m.envelope.type === 'licensing.matter.completed' && m.envelope.payload['matterId'] === started.id);
      expect(found).toBeDefined();
      return found!;
    }, 30_000);
    expect(completed.key).toBe(started.id);

    // The same completion again: the very message (a redelivery) and a replay under a new event id.
    const producer = reader!.kafka.producer();
    await producer.connect();
    await producer.send({ topic: licensingTopic, messages: [{ key: completed.key, value: completed.value }, { key: completed.key, value: JSON.stringify({ ...completed.envelope, id: randomUUID() }) }] });
    await producer.disconnect();

    // The sponsor rates it very dissatisfied: a case opens; POLICY_LAW calls back and fixes it at once; the sponsor rates the fix.
    const rated = await call<{ rateMatter: { id: string; case: { id: string; status: string } } }>(
      `mutation($id: ID!) { rateMatter(matterId: $id, level: VERY_DISSATISFIED, comment: "材料要求前后不一致") { id case { id status } } }`, { id: invitation!.id }, sponsor,
    );
    expect(rated.rateMatter.case.status).toBe('AWAITING_CALLBACK');
    const caseId = rated.rateMatter.case.id;
    await call(`mutation($id: ID!, $at: String!) { recordCallback(caseId: $id, contactedAt: $at, summary: "已电话回访") { status } }`, { id: caseId, at: new Date().toISOString() }, policyLaw);
    await call(`mutation($id: ID!) { resolveCase(caseId: $id, resolution: FIXED_IMMEDIATELY) { status } }`, { id: caseId }, policyLaw);
    const period = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
    const figures = async () => (await call<{ satisfaction: { groups: { key: string; ratings: number; badReviews: number; fixedShare: number | null }[] } }>(FIGURES, { period }, {})).satisfaction.groups.find((g) => g.key === 'JY-XK-002');
    expect(await figures()).toMatchObject({ ratings: 1, badReviews: 1, fixedShare: 1 });
    const closed = await call<{ rateRectification: { status: string } }>(`mutation($id: ID!) { rateRectification(caseId: $id, level: SATISFIED) { status } }`, { id: caseId }, sponsor);
    expect(closed.rateRectification.status).toBe('CLOSED');

    // Every step is an event on the feedback topic; the redelivered and replayed completion invited no one twice.
    await eventually(async () => {
      const types = seenOn(feedbackTopic).map((m) => m.envelope.type);
      expect(types.filter((t) => t === 'feedback.matter.invited')).toHaveLength(1);
      expect(types).toEqual(expect.arrayContaining(['feedback.matter.rated', 'feedback.case.opened', 'feedback.case.called-back', 'feedback.case.resolved', 'feedback.case.fix-rated']));
    }, 30_000);
    expect(await matters()).toHaveLength(1);
    expect(await figures()).toMatchObject({ ratings: 1 });
  }, 120_000);
});
