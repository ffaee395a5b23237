import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken } from '@edugraph/gateway';
import { createLogger } from '@edugraph/platform';
import { graphql, refusalOf } from '@edugraph/testing';
import { startEmbeddedSystem } from '../tools/start/embedded-system.ts';
import type { EmbeddedSystem } from '../tools/start/embedded-system.ts';

const JWT_SECRET = 'supervision-e2e-jwt-secret-0123456789abcd';
type Headers = Record<string, string>;

describe('supervision and publicity through the gateway on the embedded default', () => {
  let system: EmbeddedSystem;
  let policyLaw: Headers;
  let leader: Headers;
  const call = <T>(query: string, variables: Record<string, unknown> = {}, headers: Headers = {}) => graphql<T>(system.gatewayUrl, query, variables, headers);
  const nextYear = `${new Date().getUTCFullYear() + 1}-06-30`;

  beforeAll(async () => {
    system = await startEmbeddedSystem({ dataDir: ':memory:', gatewayPort: 0, jwtSecret: JWT_SECRET, logger: createLogger('e2e', 'silent') });
    policyLaw = { authorization: `Bearer ${await issueToken(JWT_SECRET, { id: 'e2e-policy-law', roles: ['BUREAU_STAFF'], office: 'POLICY_LAW' })}` };
    leader = { authorization: `Bearer ${await issueToken(JWT_SECRET, { id: 'e2e-leader', roles: ['LEADERSHIP'] })}` };
  });
  afterAll(() => system?.stop());

  it('publishes a policy the public finds by its Chinese words, with its interpretation for parents', async () => {
    const input = {
      title: '关于做好随迁子女义务教育入学工作的通知', issuer: '市教育局', number: '教发〔2026〕12号', issuedOn: '2026-03-01',
      body: '进城务工人员随迁子女以居住证为主要依据，就近入学。', interpretations: [{ audience: 'PARENTS', plainText: '有居住证就能在居住地附近申请入学。' }],
    };
    await call('mutation($input: PublishPolicyInput!) { publishPolicy(input: $input) { policy { id } } }', { input }, policyLaw);
    const found = await call<{ policies: { totalCount: number; nodes: { title: string; interpretations: { audience: string }[] }[] } }>('{ policies(topic: "随迁子女", audience: PARENTS) { totalCount nodes { title interpretations { audience } } } }');
    expect(found.policies.nodes[0]).toEqual({ title: input.title, interpretations: [{ audience: 'PARENTS' }] });
    expect(await refusalOf(call('query($t: String) { policies(topic: $t) { totalCount } }', { t: '学'.repeat(10_000) }))).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('refuses to conclude a major decision whose four steps are not all there, naming each', async () => {
    const { openDecision } = await call<{ openDecision: { decision: { id: string } } }>('mutation { openDecision(input: { title: "学区划分调整", summary: "调整城关学区边界", affectsPublic: false }) { decision { id } } }', {}, policyLaw);
    const refused = await refusalOf(call('mutation($id: ID!) { concludeDecision(decisionId: $id) { decision { status } } }', { id: openDecision.decision.id }, policyLaw));
    expect(refused.code).toBe('STEPS_MISSING');
    for (const step of ['EXPERT_ARGUMENT', 'RISK_ASSESSMENT', 'LEGALITY_REVIEW', 'COLLECTIVE_DISCUSSION']) expect(refused.message).toContain(step);
    const { decisions } = await call<{ decisions: { nodes: { title: string; missingSteps: string[] }[] } }>('{ decisions(status: OPEN) { nodes { title missingSteps } } }');
    expect(decisions.nodes.find((d) => d.title === '学区划分调整')!.missingSteps).toHaveLength(4);
  });

  it('puts a new measure on the leadership’s board', async () => {
    await call('mutation($input: CreateMeasureInput!) { createMeasure(input: $input) { id } }', { input: { title: '材料清单一次性告知', ownerOffice: 'ADMISSIONS', dueOn: nextYear, expectedResult: '门户公布全部材料清单' } }, policyLaw);
    const { measuresBoard } = await call<{ measuresBoard: { rows: { owner: string; measures: number }[] } }>('query($p: String!) { measuresBoard(period: $p) { rows { owner measures } } }', { p: nextYear.slice(0, 4) }, leader);
    expect(measuresBoard.rows).toContainEqual({ owner: 'ADMISSIONS', measures: 1 });
    expect(await refusalOf(call('query($p: String!) { measuresBoard(period: $p) { rows { owner } } }', { p: '2026' }))).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
