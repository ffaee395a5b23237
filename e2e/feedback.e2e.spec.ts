import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken } from '@edugraph/gateway';
import { createLogger } from '@edugraph/platform';
import { creditCodeFrom, eventually, graphql, refusalOf } from '@edugraph/testing';
import { startEmbeddedSystem } from '../tools/start/embedded-system.ts';
import type { EmbeddedSystem } from '../tools/start/embedded-system.ts';

const JWT_SECRET = 'feedback-e2e-jwt-secret-0123456789abcdef';
const SHA = 'd'.repeat(64);
type Headers = Record<string, string>;

describe('好差评 through the gateway on the embedded default', () => {
  let system: EmbeddedSystem;
  const call = <T>(query: string, variables: Record<string, unknown> = {}, headers: Headers = {}) => graphql<T>(system.gatewayUrl, query, variables, headers);
  const bearer = async (person: Parameters<typeof issueToken>[1]): Promise<Headers> => ({ authorization: `Bearer ${await issueToken(JWT_SECRET, person)}` });

  beforeAll(async () => {
    system = await startEmbeddedSystem({ dataDir: ':memory:', gatewayPort: 0, jwtSecret: JWT_SECRET, logger: createLogger('e2e', 'silent') });
  });
  afterAll(() => system?.stop());

  it('invites the sponsor when licensing completes a matter, takes the rating, and the published figures and the institution show it', async () => {
    const sponsor = await bearer({ id: `sponsor-${randomUUID()}`, roles: ['MARKET_ENTITY'], creditCode: creditCodeFrom('52141010MJ0000401') });
    const policyLaw = await bearer({ id: 'e2e-policy-law', roles: ['BUREAU_STAFF'], office: 'POLICY_LAW' });
    const approval = await bearer({ id: 'e2e-approval', roles: ['APPROVAL_BUREAU_STAFF'] });
    const step = async (headers: Headers, field: string, args: string, params: string, variables: Record<string, unknown>) =>
      (await call<Record<string, { matter: { id: string; requirements: { code: string }[]; institution: { id: string } | null } }>>(`mutation(${params}) { ${field}(${args}) { matter { id requirements { code } institution { id } } } }`, variables, headers))[field]!.matter;
    const started = await step(sponsor, 'startMatter', 'input: $input', '$input: StartMatterInput!', { input: { type: 'ESTABLISHMENT', details: { school: { name: '育英小学', level: 'PRIMARY', districtCode: 'BJ', address: '滨江区育英路2号' } } } });
    for (const { code } of started.requirements) {
      await step(sponsor, 'attachMaterial', 'matterId: $id, code: $code, fileName: $file, sha256: $sha, sizeBytes: 1024', '$id: ID!, $code: String!, $file: String!, $sha: String!', { id: started.id, code, file: `${code}.pdf`, sha: SHA });
    }
    await step(sponsor, 'submitMatter', 'matterId: $id', '$id: ID!', { id: started.id });
    await step(policyLaw, 'acceptMatter', 'matterId: $id', '$id: ID!', { id: started.id });
    const decided = await step(approval, 'decide', 'matterId: $id, outcome: APPROVED, legalBasis: $basis, reason: "符合设置标准"', '$id: ID!, $basis: String!', { id: started.id, basis: '《中华人民共和国民办教育促进法》第十八条' });
    const schoolId = decided.institution!.id;

    const matter = await eventually(async () => {
      const { myServiceMatters } = await call<{ myServiceMatters: { id: string; item: string; itemName: string }[] }>('{ myServiceMatters { id item itemName } }', {}, sponsor);
      expect(myServiceMatters).toHaveLength(1);
      return myServiceMatters[0]!;
    });
    expect(matter).toMatchObject({ item: 'JY-XK-002', itemName: '民办学校正式设立审批' });
    const rated = await call<{ rateMatter: { level: string; bad: boolean } }>('mutation($id: ID!) { rateMatter(matterId: $id, level: VERY_SATISFIED, comment: "一次办好") { level bad } }', { id: matter.id }, sponsor);
    expect(rated.rateMatter).toEqual({ level: 'VERY_SATISFIED', bad: false });
    expect(await refusalOf(call('mutation($id: ID!) { rateMatter(matterId: $id, level: SATISFIED) { id } }', { id: matter.id }, sponsor))).toMatchObject({ code: 'ALREADY_RATED' });

    const period = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
    const { satisfaction } = await call<{ satisfaction: { groups: { key: string; ratings: number; satisfactionRate: number }[] } }>('query($p: String!) { satisfaction(by: OFFICE, period: $p) { groups { key ratings satisfactionRate } } }', { p: period });
    expect(satisfaction.groups).toContainEqual({ key: 'POLICY_LAW', ratings: 1, satisfactionRate: 1 });
    await eventually(async () => {
      const { institution } = await call<{ institution: { satisfaction: { ratings: number; average: number; badReviews: number; fixedShare: number | null } } }>('query($id: ID!) { institution(id: $id) { satisfaction { ratings average badReviews fixedShare } } }', { id: schoolId });
      expect(institution.satisfaction).toEqual({ ratings: 1, average: 5, badReviews: 0, fixedShare: null });
    });
  });
});
