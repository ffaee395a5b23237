import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken } from '@edugraph/gateway';
import { createLogger } from '@edugraph/platform';
import { creditCodeFrom, eventually, graphql, refusalOf } from '@edugraph/testing';
import { startEmbeddedSystem } from '../tools/start/embedded-system.ts';
import type { EmbeddedSystem } from '../tools/start/embedded-system.ts';
import { CITY_QUESTION, REGISTER } from './city-question.ts';
import type { CityAnswer, CityInstitution } from './city-question.ts';

const JWT_SECRET = 'licensing-matters-e2e-jwt-secret-0123456789';
const SPONSOR_CODE = creditCodeFrom('52141010MJ0000101');
const OTHER_CODE = creditCodeFrom('52141010MJ0000102');
const SHA = 'b'.repeat(64);

type Headers = Record<string, string>;
interface MatterJson {
  id: string;
  status: string;
  requirements: { code: string }[];
  institution: { id: string; name: string } | null;
}
const MATTER = 'id status requirements { code } institution { id name }';

const bearer = async (person: Parameters<typeof issueToken>[1]): Promise<Headers> => ({ authorization: `Bearer ${await issueToken(JWT_SECRET, person)}` });

describe('licensing matters through the gateway on the embedded default', () => {
  let system: EmbeddedSystem;
  let url: string;
  let sponsor: Headers, otherSponsor: Headers, staff: Headers, approval: Headers, leadership: Headers;
  let matter: MatterJson;
  let schoolId: string;

  const call = <T>(query: string, variables: Record<string, unknown> = {}, headers: Headers = {}) => graphql<T>(url, query, variables, headers);
  const step = async (headers: Headers, field: string, args: string, params: string, variables: Record<string, unknown>): Promise<MatterJson> =>
    (await call<Record<string, { matter: MatterJson }>>(`mutation(${params}) { ${field}(${args}) { matter { ${MATTER} } } }`, variables, headers))[field]!.matter;
  const cityInstitution = async (id: string): Promise<CityInstitution> => {
    const found = (await call<CityAnswer>(CITY_QUESTION)).institutions.nodes.find((n) => n.id === id);
    expect(found).toBeDefined();
    return found!;
  };

  beforeAll(async () => {
    system = await startEmbeddedSystem({ dataDir: ':memory:', gatewayPort: 0, jwtSecret: JWT_SECRET, logger: createLogger('e2e', 'silent') });
    url = system.gatewayUrl;
    sponsor = await bearer({ id: 'sponsor-person-1', roles: ['MARKET_ENTITY'], creditCode: SPONSOR_CODE });
    otherSponsor = await bearer({ id: 'sponsor-person-2', roles: ['MARKET_ENTITY'], creditCode: OTHER_CODE });
    staff = await bearer({ id: 'e2e-policy-law', roles: ['BUREAU_STAFF'], office: 'POLICY_LAW' });
    approval = await bearer({ id: 'e2e-approval', roles: ['APPROVAL_BUREAU_STAFF'] });
    leadership = await bearer({ id: 'e2e-leader', roles: ['LEADERSHIP'] });
  });
  afterAll(() => system?.stop());

  it('takes an establishment from start to licence, and CityQuestion shows the new school and then its licence', async () => {
    const school = { name: '启明双语学校', level: 'PRIMARY', districtCode: 'CG', address: '城关区启明路1号' };
    const started = await step(sponsor, 'startMatter', 'input: $input', '$input: StartMatterInput!', { input: { type: 'ESTABLISHMENT', details: { school } } });
    expect(started).toMatchObject({ status: 'DRAFT', institution: null });
    expect(started.requirements.length).toBeGreaterThan(0);
    for (const { code } of started.requirements) {
      await step(sponsor, 'attachMaterial', 'matterId: $id, code: $code, fileName: $file, sha256: $sha, sizeBytes: 2048', '$id: ID!, $code: String!, $file: String!, $sha: String!', {
        id: started.id, code, file: `${code}.pdf`, sha: SHA,
      });
    }
    const byId = { id: started.id };
    expect((await step(sponsor, 'submitMatter', 'matterId: $id', '$id: ID!', byId)).status).toBe('SUBMITTED');
    expect((await step(staff, 'acceptMatter', 'matterId: $id', '$id: ID!', byId)).status).toBe('ACCEPTED');
    matter = await step(approval, 'decide', 'matterId: $id, outcome: APPROVED, legalBasis: $basis, reason: "材料齐全，符合设置标准"', '$id: ID!, $basis: String!', {
      ...byId, basis: '《中华人民共和国民办教育促进法》第十八条',
    });
    expect(matter).toMatchObject({ status: 'APPROVED', institution: { name: school.name } });
    schoolId = matter.institution!.id;

    // The registry has it at once; the other subgraphs answer for it once their events are applied.
    await eventually(async () => {
      expect(await cityInstitution(schoolId)).toMatchObject({ name: school.name, level: 'PRIMARY', ownership: 'PRIVATE', licence: null, seatPools: [], kindergarten: null, programmes: [] });
    });

    // Enrollment learnt of the school through the events: it takes seat capacities for it.
    await eventually(() => call(`mutation { setSeatCapacity(input: { institutionId: "${schoolId}", year: 2026, grade: 1, capacity: 40 }) { seatPool { capacity } } }`, {}, staff));

    const { issueLicence } = await call<{ issueLicence: { licence: { number: string; status: string; issuedOn: string } } }>(
      'mutation($id: ID!) { issueLicence(matterId: $id) { licence { number status issuedOn } } }', byId, approval,
    );
    expect(issueLicence.licence).toMatchObject({ number: expect.stringMatching(/^教民/), status: 'VALID', issuedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    // The anonymous answer was cached; it is renewed once the licence event is applied.
    await eventually(async () => {
      expect(await cityInstitution(schoolId)).toMatchObject({ licence: { number: issueLicence.licence.number, status: 'VALID' }, seatPools: [{ year: 2026, grade: 1, capacity: 40, placed: 0 }] });
    });
  });

  it('shows Institution.matters to staff but not to the public, myMatters to the sponsor, and no one else’s matter', async () => {
    expect(schoolId).toBeDefined();
    const mattersOf = `query($id: ID!) { institution(id: $id) { matters { id type status } } }`;
    for (const reader of [staff, leadership, approval, sponsor]) {
      const { institution } = await call<{ institution: { matters: { id: string; type: string }[] } }>(mattersOf, { id: schoolId }, reader);
      expect(institution.matters).toEqual([{ id: matter.id, type: 'ESTABLISHMENT', status: 'APPROVED' }]);
    }
    expect((await call<{ institution: { matters: unknown[] } }>(mattersOf, { id: schoolId })).institution.matters).toEqual([]);
    expect((await call<{ institution: { matters: unknown[] } }>(mattersOf, { id: schoolId }, otherSponsor)).institution.matters).toEqual([]);

    const mine = await call<{ myMatters: { nodes: { id: string }[]; totalCount: number } }>('{ myMatters { nodes { id } totalCount } }', {}, sponsor);
    expect(mine.myMatters).toEqual({ nodes: [{ id: matter.id }], totalCount: 1 });
    const theirs = await call<{ myMatters: { totalCount: number } }>('{ myMatters { totalCount } }', {}, otherSponsor);
    expect(theirs.myMatters.totalCount).toBe(0);

    const one = `query($id: ID!) { matter(id: $id) { id applicant { creditCode } } }`;
    expect((await call<{ matter: { applicant: { creditCode: string } } }>(one, { id: matter.id }, sponsor)).matter.applicant.creditCode).toBe(SPONSOR_CODE);
    expect((await call<{ matter: { id: string } }>(one, { id: matter.id }, staff)).matter.id).toBe(matter.id);
    expect((await refusalOf(call(one, { id: matter.id }, otherSponsor))).code).toBe('FORBIDDEN');
  });

  it('lets a sponsor start a matter about its own registered school only', async () => {
    const input = { name: '育英民办小学', level: 'PRIMARY', ownership: 'PRIVATE', districtCode: 'CG', sponsorCreditCode: SPONSOR_CODE };
    const registered = await call<{ registerInstitution: { institution: { id: string } } }>(REGISTER, { input }, staff);
    const institutionId = registered.registerInstitution.institution.id;
    const change = { type: 'CHANGE_ADDRESS', institutionId, details: { newAddress: '城关区新华路9号' } };
    const started = await step(sponsor, 'startMatter', 'input: $input', '$input: StartMatterInput!', { input: change });
    expect(started).toMatchObject({ status: 'DRAFT', institution: { id: institutionId } });
    const refused = await refusalOf(step(otherSponsor, 'startMatter', 'input: $input', '$input: StartMatterInput!', { input: change }));
    expect(refused.code).toBe('FORBIDDEN');
  });

  it('refuses a market entity token without a valid credit code at the gateway', async () => {
    const code = creditCodeFrom('52141010MJ0000103');
    const wrongCheck = code.slice(0, 17) + (code.endsWith('0') ? '1' : '0');
    for (const creditCode of [undefined, wrongCheck, '123']) {
      const headers = await bearer({ id: 'sponsor-person-3', roles: ['MARKET_ENTITY'], ...(creditCode ? { creditCode } : {}) });
      expect((await refusalOf(call('{ myMatters { totalCount } }', {}, headers))).code).toBe('UNAUTHENTICATED');
    }
  });

  it('publishes the twelve service items to anyone', async () => {
    const { serviceItems } = await call<{ serviceItems: { code: string; matterType: string; fee: string }[] }>('{ serviceItems { code matterType fee } }');
    expect(serviceItems).toHaveLength(12);
    expect(new Set(serviceItems.map((i) => i.matterType)).size).toBe(12);
  });
});
