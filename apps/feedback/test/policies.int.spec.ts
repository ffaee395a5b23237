import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@edugraph/auth';
import { eventsTopic } from '@edugraph/contracts';
import type { EventEnvelope } from '@edugraph/contracts';
import { observeStatements } from '@edugraph/persistence';
import { AppError } from '@edugraph/platform';
import { anonymous, eventually, parent, policyLawStaff, recordTopic, refusalOf, serviceTestDatabases, startTestService } from '@edugraph/testing';
import type { TestService } from '@edugraph/testing';
import { feedbackService } from '../src/service.ts';
import { publishPolicy } from '../src/application/policies/publish-policy.command.ts';
import type { PublishPolicy } from '../src/application/policies/publish-policy.command.ts';
import { PolicyInterpretationRecord, PolicyRecord } from '../src/entities/policy.entities.ts';
import { DEMO_POLICIES, PLAN_POLICY } from '../src/application/policies/seed-policies.ts';

const POLICY_FIELDS = 'id title issuer number issuedOn publishedOn rank interpretations { id audience plainText }';
const PUBLISH = `mutation($input: PublishPolicyInput!) { publishPolicy(input: $input) { policy { ${POLICY_FIELDS} } } }`;
const SEARCH = `query($topic: String, $audience: PolicyAudience, $first: Int, $after: String) {
  policies(topic: $topic, audience: $audience, first: $first, after: $after) { nodes { ${POLICY_FIELDS} } pageInfo { hasNextPage endCursor } totalCount } }`;
const ONE = `query($id: ID!) { policy(id: $id) { ${POLICY_FIELDS} } }`;

interface PolicyOut {
  id: string;
  title: string;
  number: string;
  issuedOn: string | null;
  publishedOn: string;
  rank: number | null;
  interpretations: { id: string; audience: string; plainText: string }[];
}
interface Page {
  nodes: PolicyOut[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

const PLAN = '梅河口市教育局营商环境优化提升工作实施方案';
const KINDERGARTENS = '普惠性民办幼儿园认定和扶持办法';
const ENROLMENT = '义务教育阶段入学报名工作通知';
const admissions: Actor = { id: 'staff-admissions', kind: 'person', roles: ['BUREAU_STAFF'], institutionId: null, office: 'ADMISSIONS', creditCode: null };
let now = new Date('2026-05-06T02:00:00Z');
const setToday = (day: string) => {
  now = new Date(`${day}T02:00:00Z`);
};

const draft = (n: number, extra: Partial<PublishPolicy> = {}): PublishPolicy => ({
  title: `校外培训机构收费公示规定（第${n}号）`,
  issuer: '市教育局',
  number: `测试教发〔2026〕${n}号`,
  issuedOn: '2026-05-01',
  body: '培训机构应当在显著位置公示收费项目、标准和退费办法。',
  interpretations: [{ audience: 'PUBLIC', plainText: '报班前看清收费和退费办法。' }],
  ...extra,
});

for (const database of await serviceTestDatabases()) describe(`policies (${database.label}, in-process events)`, () => {
  let t: TestService;
  let published: EventEnvelope[];
  beforeAll(async () => {
    t = await startTestService(feedbackService, { database, clock: () => now });
    published = await recordTopic(t.transport, eventsTopic('feedback'));
    // The seed policies, published on the days the demo publishes them: the plan first.
    for (const [day, input] of [['2026-03-02', PLAN_POLICY], ['2026-03-16', DEMO_POLICIES[0]!], ['2026-04-20', DEMO_POLICIES[1]!]] as const) {
      setToday(day);
      await t.as(policyLawStaff)(PUBLISH, { input });
    }
    setToday('2026-05-06');
  });
  afterAll(() => t.stop());

  const search = (variables: Record<string, unknown>, actor: Actor = anonymous) => t.as(actor)<{ policies: Page }>(SEARCH, variables).then((r) => r.policies);
  const titles = (page: Page) => page.nodes.map((n) => n.title);
  const publish = (actor: Actor, input: PublishPolicy) => t.as(actor)<{ publishPolicy: { policy: PolicyOut } }>(PUBLISH, { input }).then((r) => r.publishPolicy.policy);
  const counts = async () => {
    const em = t.service.orm.em.fork();
    return { policies: await em.count(PolicyRecord, {}), interpretations: await em.count(PolicyInterpretationRecord, {}) };
  };

  it('has the plan as issued, with interpretations for parents and sponsors', async () => {
    const page = await search({ topic: '梅教发〔2019〕73号' });
    expect(page.nodes[0]).toMatchObject({ title: PLAN, number: '梅教发〔2019〕73号', issuedOn: null, publishedOn: '2026-03-02' });
    expect(page.nodes[0]!.interpretations.map((i) => i.audience)).toEqual(['PARENTS', 'SPONSORS']);
  });

  it('publishes a policy by the policy and law office, with feedback.policy.published naming ids, number and audiences', async () => {
    const policy = await publish(policyLawStaff, draft(1, { interpretations: [{ audience: 'PUBLIC', plainText: '报班前看清收费和退费办法。' }, { audience: 'PARENTS', plainText: '交费前核对公示的收费标准。' }] }));
    expect(policy).toMatchObject({ title: '校外培训机构收费公示规定（第1号）', number: '测试教发〔2026〕1号', issuedOn: '2026-05-01', publishedOn: '2026-05-06', rank: null });
    // Interpretations come in audience order, whatever order they were given in.
    expect(policy.interpretations.map((i) => i.audience)).toEqual(['PARENTS', 'PUBLIC']);
    await eventually(async () => expect(published.filter((e) => e.aggregateId === policy.id).map((e) => e.type)).toEqual(['feedback.policy.published']));
    const event = published.find((e) => e.aggregateId === policy.id)!;
    expect(event.payload).toEqual({
      policyId: policy.id,
      interpretationIds: [policy.interpretations[1]!.id, policy.interpretations[0]!.id],
      number: '测试教发〔2026〕1号',
      audiences: ['PUBLIC', 'PARENTS'],
      issuedOn: '2026-05-01',
      publishedOn: '2026-05-06',
    });
    // Found at once by search (the index is written in the same transaction), and by id, by anyone.
    expect(titles(await search({ topic: '收费公示' }))).toContain(policy.title);
    expect((await t.as(anonymous)<{ policy: PolicyOut }>(ONE, { id: policy.id })).policy.number).toBe('测试教发〔2026〕1号');
  });

  it('refuses others than the policy and law office', async () => {
    expect((await refusalOf(publish(anonymous, draft(2)))).code).toBe('UNAUTHENTICATED');
    expect((await refusalOf(publish(parent, draft(2)))).code).toBe('FORBIDDEN');
    expect(await refusalOf(publish(admissions, draft(2)))).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('政策法规科') });
  });

  it('refuses an empty title, a body over 100,000 characters, an unknown audience, an empty interpretation, a duplicate number: nothing written', async () => {
    const before = await counts();
    expect((await refusalOf(publish(policyLawStaff, draft(3, { title: '  ' })))).code).toBe('EMPTY_TITLE');
    expect((await refusalOf(publish(policyLawStaff, draft(3, { body: '条'.repeat(100_001) })))).code).toBe('BODY_TOO_LONG');
    expect((await refusalOf(publish(policyLawStaff, draft(3, { interpretations: [{ audience: 'PARENTS', plainText: ' ' }] })))).code).toBe('EMPTY_INTERPRETATION');
    expect((await refusalOf(publish(policyLawStaff, draft(3, { interpretations: [{ audience: 'PARENTS', plainText: '一' }, { audience: 'PARENTS', plainText: '二' }] })))).code).toBe('DUPLICATE_AUDIENCE');
    expect((await refusalOf(publish(policyLawStaff, draft(3, { number: '梅教发〔2019〕73号' })))).code).toBe('DUPLICATE_NUMBER');
    // Full-width digits are the same number.
    expect((await refusalOf(publish(policyLawStaff, draft(3, { number: '梅教发〔２０１９〕７３号' })))).code).toBe('DUPLICATE_NUMBER');
    // GraphQL refuses an audience outside the enum; the use case refuses it when called directly.
    expect((await refusalOf(publish(policyLawStaff, draft(3, { interpretations: [{ audience: 'TEACHERS' as never, plainText: '……' }] })))).code).toBe('BAD_USER_INPUT');
    const direct = publishPolicy({ em: t.service.orm.em.fork(), actor: policyLawStaff, correlationId: 'test', clock: () => now }, draft(3, { interpretations: [{ audience: 'TEACHERS', plainText: '……' }] }));
    await expect(direct).rejects.toSatisfy((e: unknown) => e instanceof AppError && e.code === 'UNKNOWN_AUDIENCE');
    expect(await counts()).toEqual(before);
    expect(titles(await search({ topic: '第3号' }))).toEqual([]);
  });

  it('finds the plan for 随迁子女 and for 无证幼儿园', async () => {
    const migrants = await search({ topic: '随迁子女' });
    // Both in the body and the parents' interpretation (1 + 3): the one issued last first (the plan gives no date).
    expect(titles(migrants)).toEqual([ENROLMENT, PLAN]);
    expect(migrants.nodes.map((n) => n.rank)).toEqual([4, 4]);
    const unlicensed = await search({ topic: '无证幼儿园' });
    // In the plan's body and its sponsors' interpretation (1 + 3) before the kindergarten policy's body (1).
    expect(titles(unlicensed)).toEqual([PLAN, KINDERGARTENS]);
    expect(unlicensed.nodes.map((n) => n.rank)).toEqual([4, 1]);
  });

  it('finds one- and two-character words, and several words that must all match', async () => {
    // In the notice's title (10 + 1 for its body); in the plan's interpretation for parents (3).
    const enrolment = await search({ topic: '入学' });
    expect(titles(enrolment)).toEqual([ENROLMENT, PLAN]);
    expect(enrolment.nodes.map((n) => n.rank)).toEqual([11, 3]);
    expect(titles(await search({ topic: '园' }))).toEqual(expect.arrayContaining([PLAN, KINDERGARTENS]));
    expect(titles(await search({ topic: '容缺 开学' }))).toEqual([ENROLMENT]);
    expect(titles(await search({ topic: '容缺 补贴' }))).toEqual([PLAN]);
    expect(await search({ topic: '高考' })).toMatchObject({ nodes: [], totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null } });
    // LIKE's own wildcards are plain characters here.
    expect((await search({ topic: '%' })).totalCount).toBe(0);
    expect((await search({ topic: '_' })).totalCount).toBe(0);
  });

  it('ranks a match in the title first', async () => {
    const page = await search({ topic: '幼儿园' });
    expect(titles(page)[0]).toBe(KINDERGARTENS);
    expect(titles(page)[1]).toBe(PLAN);
    expect(page.nodes[0]!.rank! > page.nodes[1]!.rank!).toBe(true);
  });

  it('filters by audience, with or without a topic', async () => {
    expect(titles(await search({ audience: 'SCHOOLS' }))).toEqual([ENROLMENT]);
    const sponsors = await search({ audience: 'SPONSORS' });
    expect(titles(sponsors).sort()).toEqual([KINDERGARTENS, PLAN].sort());
    expect(sponsors.nodes.every((n) => n.interpretations.some((i) => i.audience === 'SPONSORS'))).toBe(true);
    expect(titles(await search({ topic: '随迁子女', audience: 'SCHOOLS' }))).toEqual([ENROLMENT]);
  });

  it('lists the newest first without a topic, a page at a time', async () => {
    const first = await search({ first: 2 });
    expect(first.totalCount).toBe(4);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(titles(first)).toEqual(['校外培训机构收费公示规定（第1号）', ENROLMENT]);
    const rest = await search({ first: 2, after: first.pageInfo.endCursor });
    expect(titles(rest)).toEqual([KINDERGARTENS, PLAN]);
    expect(rest.pageInfo.hasNextPage).toBe(false);
    expect(rest.totalCount).toBe(4);
    expect((await refusalOf(search({ after: 'bm90LWEtY3Vyc29y' }))).code).toBe('BAD_USER_INPUT');
    expect((await refusalOf(search({ first: 101 }))).code).toBe('BAD_USER_INPUT');
  });

  it('refuses a 10,000-character topic before any query', async () => {
    const statements: string[] = [];
    const stop = observeStatements(t.service.orm, (s) => statements.push(s.sql));
    const refused = await refusalOf(search({ topic: '随'.repeat(10_000) })).finally(stop);
    expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('200') });
    expect(statements.filter((sql) => /policy/.test(sql))).toEqual([]);
    // The same observer sees the statements of a search that is let through.
    const control = observeStatements(t.service.orm, (s) => statements.push(s.sql));
    await search({ topic: '随迁子女' }).finally(control);
    expect(statements.some((sql) => /from policy p/.test(sql))).toBe(true);
  });
});
