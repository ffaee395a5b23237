import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken } from '@edugraph/gateway';
import { createLogger } from '@edugraph/platform';
import { eventually, graphql } from '@edugraph/testing';
import { startEmbeddedSystem } from '../tools/start/embedded-system.ts';
import type { EmbeddedSystem } from '../tools/start/embedded-system.ts';
import { CITY_QUESTION, ONE_INSTITUTION, REGISTER } from './city-question.ts';
import type { CityAnswer, CityInstitution } from './city-question.ts';

const JWT_SECRET = 'preschool-e2e-jwt-secret-0123456789abcdef';

type Headers = Record<string, string>;
interface Subsidy { status: string; amountFen: number; approvedFen: number; disbursedFen: number; undisbursedFen: number }
interface Ledger {
  entitledFen: number;
  approvedFen: number;
  disbursedFen: number;
  undisbursedFen: number;
  kindergartens: { kindergartenId: string; status: string; entitledFen: number; approvedFen: number; disbursedFen: number }[];
  entries: { kindergartenId: string; kind: string; amountFen: number }[];
}

const SUBSIDY = 'subsidy { status amountFen approvedFen disbursedFen undisbursedFen }';
const APPROVE = `mutation($k: ID!) { approveSubsidy(kindergartenId: $k, schoolYear: 2026) { ${SUBSIDY} } }`;
const DISBURSE = `mutation($k: ID!, $a: Int!, $v: String!) { recordDisbursement(kindergartenId: $k, schoolYear: 2026, amountFen: $a, voucherNo: $v) { ${SUBSIDY} } }`;
const ROSTER = `mutation($k: ID!, $n: Int!) { recordRoster(kindergartenId: $k, schoolYear: 2026, enrolled: $n) { kindergarten { enrolled } } }`;
const CASE = 'id state rectifiable licence { licenceNumber institutionId issuedOn }';

describe('preschool end to end: rosters, inclusive subsidy, coverage and unlicensed cases through the gateway', () => {
  let system: EmbeddedSystem;
  let staff: Headers;
  let finance: Headers;
  let admissions: Headers;
  const bearer = async (claims: Parameters<typeof issueToken>[1]): Promise<Headers> => ({ authorization: `Bearer ${await issueToken(JWT_SECRET, claims)}` });
  const call = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, headers: Headers = {}) => graphql<T>(system.gatewayUrl, query, variables, headers);
  const codeOf = (p: Promise<unknown>) => p.then(() => 'ACCEPTED', (e: { code?: string }) => e.code);
  const one = async (id: string) => (await call<{ institution: CityInstitution | null }>(ONE_INSTITUTION, { id })).institution;

  beforeAll(async () => {
    system = await startEmbeddedSystem({ dataDir: ':memory:', gatewayPort: 0, jwtSecret: JWT_SECRET, logger: createLogger('e2e', 'silent') });
    staff = await bearer({ id: 'e2e-preschool-staff', roles: ['BUREAU_STAFF'] });
    finance = await bearer({ id: 'e2e-finance-audit', roles: ['BUREAU_STAFF'], office: 'FINANCE_AUDIT' });
    admissions = await bearer({ id: 'e2e-admissions', roles: ['BUREAU_STAFF'], office: 'ADMISSIONS' });
  }, 120_000);
  afterAll(() => system?.stop());

  it('registers a private kindergarten, recognises it inclusive and pays its 2026 subsidy exactly once', async () => {
    const input = { name: `民办幼儿园${randomUUID().slice(0, 6)}`, level: 'PRESCHOOL', ownership: 'PRIVATE', districtCode: 'PS1' };
    const k = (await call<{ registerInstitution: { institution: { id: string } } }>(REGISTER, { input }, staff)).registerInstitution.institution.id;
    // Preschool knows it once licensing.institution.registered reached it.
    await eventually(async () => expect((await one(k))?.kindergarten).toEqual({ places: 0, enrolled: 0, inclusive: false }));
    await call(`mutation($k: ID!) { setKindergartenPlaces(input: { institutionId: $k, places: 100 }) { kindergarten { places } } }`, { k }, staff);
    await call(`mutation($k: ID!) { setKindergartenProfile(input: { institutionId: $k, area: RURAL, nonProfit: true, monthlyFeeFen: 50000 }) { kindergarten { nonProfit } } }`, { k }, staff);

    expect(await codeOf(call(ROSTER, { k, n: 101 }, staff))).toBe('ABOVE_PLACES');
    expect((await call<{ recordRoster: { kindergarten: { enrolled: number } } }>(ROSTER, { k, n: 80 }, staff)).recordRoster.kindergarten.enrolled).toBe(80);
    const recognised = await call<{ recognizeInclusive: { kindergarten: Record<string, unknown> } }>(
      `mutation($k: ID!) { recognizeInclusive(kindergartenId: $k, schoolYear: 2026, decision: { documentNo: "普惠认字〔2026〕E2E号" }) { kindergarten { kind(schoolYear: 2026) inclusive nonProfit area } } }`, { k }, staff);
    expect(recognised.recognizeInclusive.kindergarten).toEqual({ kind: 'INCLUSIVE_PRIVATE', inclusive: true, nonProfit: true, area: 'RURAL' });

    const computed = await call<{ computeSubsidy: { subsidy: Subsidy } }>(`mutation($k: ID!) { computeSubsidy(kindergartenId: $k, schoolYear: 2026) { ${SUBSIDY} } }`, { k }, staff);
    expect(computed.computeSubsidy.subsidy).toMatchObject({ status: 'COMPUTED', amountFen: 80 * 20_000 });
    expect(await codeOf(call(APPROVE, { k }, admissions))).toBe('FORBIDDEN');
    expect(await codeOf(call(APPROVE, { k }, staff))).toBe('FORBIDDEN');
    const approved = await call<{ approveSubsidy: { subsidy: Subsidy } }>(APPROVE, { k }, finance);
    expect(approved.approveSubsidy.subsidy).toMatchObject({ status: 'APPROVED', approvedFen: 1_600_000, undisbursedFen: 1_600_000 });
    expect(await codeOf(call(APPROVE, { k }, finance))).toBe('ALREADY_APPROVED');
    expect(await codeOf(call(DISBURSE, { k, a: 1_599_999, v: 'PZ-E2E-0001' }, finance))).toBe('DISBURSEMENT_MISMATCH');
    const paid = await call<{ recordDisbursement: { subsidy: Subsidy } }>(DISBURSE, { k, a: 1_600_000, v: 'PZ-E2E-0001' }, finance);
    expect(paid.recordDisbursement.subsidy).toMatchObject({ status: 'DISBURSED', disbursedFen: 1_600_000, undisbursedFen: 0 });

    const { subsidyLedger: l } = await call<{ subsidyLedger: Ledger }>(
      `{ subsidyLedger(schoolYear: 2026) { entitledFen approvedFen disbursedFen undisbursedFen kindergartens { kindergartenId status entitledFen approvedFen disbursedFen } entries { kindergartenId kind amountFen } } }`, {}, finance);
    expect(l.kindergartens).toEqual([{ kindergartenId: k, status: 'DISBURSED', entitledFen: 1_600_000, approvedFen: 1_600_000, disbursedFen: 1_600_000 }]);
    expect(l).toMatchObject({ entitledFen: 1_600_000, approvedFen: 1_600_000, disbursedFen: 1_600_000, undisbursedFen: 0 });
    const sum = (f: (x: Ledger['kindergartens'][number]) => number) => l.kindergartens.reduce((s, x) => s + f(x), 0);
    expect([sum((x) => x.entitledFen), sum((x) => x.approvedFen), sum((x) => x.disbursedFen)]).toEqual([l.entitledFen, l.approvedFen, l.disbursedFen]);
    expect(l.entries.map((e) => [e.kind, e.amountFen])).toEqual([['COMPUTED', 1_600_000], ['APPROVED', 1_600_000], ['DISBURSED', 1_600_000]]);

    const seen = await call<{ institution: { kindergarten: unknown } }>(
      `query($id: ID!) { institution(id: $id) { kindergarten { places enrolled inclusive kind(schoolYear: 2026) area subsidy(schoolYear: 2026) { amountFen status } } } }`, { id: k });
    expect(seen.institution.kindergarten).toEqual({ places: 100, enrolled: 80, inclusive: true, kind: 'INCLUSIVE_PRIVATE', area: 'RURAL', subsidy: { amountFen: 1_600_000, status: 'DISBURSED' } });
  });

  it('answers coverage and planning gaps to anyone', async () => {
    const d = `CV-${randomUUID().slice(0, 6)}`;
    const input = { name: `公办幼儿园${d}`, level: 'PRESCHOOL', ownership: 'PUBLIC', districtCode: d };
    const k = (await call<{ registerInstitution: { institution: { id: string } } }>(REGISTER, { input }, staff)).registerInstitution.institution.id;
    await eventually(() => call(`mutation($k: ID!) { setKindergartenPlaces(input: { institutionId: $k, places: 400 }) { kindergarten { places } } }`, { k }, staff));
    await call(`mutation { setPreschoolPopulation(districtCode: "${d}", year: 2026, children: 500) { population { children } } }`, {}, staff);
    const { coverage } = await call<{ coverage: { byDistrict: Record<string, unknown>[]; belowTarget: string[] } }>(
      `{ coverage(year: 2026) { byDistrict { districtCode area children places inclusivePlaces coverageRate inclusiveRate coverage { perMille } coverageMet } belowTarget } }`);
    expect(coverage.byDistrict.find((x) => x['districtCode'] === d)).toEqual({ districtCode: d, area: expect.stringMatching(/^(URBAN|RURAL)$/), children: 500, places: 400, inclusivePlaces: 400, coverageRate: 0.8, inclusiveRate: 1, coverage: { perMille: 800 }, coverageMet: false });
    expect(coverage.belowTarget).toContain(d);
    const { planningGaps } = await call<{ planningGaps: { districtCode: string }[] }>(`{ planningGaps(year: 2026) { districtCode placesMissing inclusivePlacesMissing } }`);
    expect(planningGaps.find((g) => g.districtCode === d)).toEqual({ districtCode: d, placesMissing: 50, inclusivePlacesMissing: 0 });
  });

  it('licenses an unlicensed kindergarten that passed re-inspection, and CityQuestion shows it licensed', async () => {
    const d = `UL-${randomUUID().slice(0, 6)}`;
    const name = `无证园${d}`;
    type CaseOf = Record<string, { case: { id: string; state: string; rectifiable: boolean | null } }>;
    const caseOp = async (op: string, args: string) => (await call<CaseOf>(`mutation { ${op}(${args}) { case { ${CASE} } } }`, {}, staff))[op]!.case;
    const opened = await call<{ openUnlicensedCase: { case: { id: string; state: string } } }>(`mutation($i: OpenUnlicensedCaseInput!) { openUnlicensedCase(input: $i) { case { ${CASE} } } }`,
      { i: { name, address: '城南路1号', districtCode: d, children: 40, hazards: [{ description: '消防通道堵塞', serious: false }] } }, staff);
    const id = opened.openUnlicensedCase.case.id;
    expect(opened.openUnlicensedCase.case.state).toBe('OPEN');
    expect(await caseOp('assessUnlicensedCase', `caseId: "${id}", licenceBasis: true`)).toMatchObject({ state: 'OPEN', rectifiable: true });
    expect(await caseOp('orderRectification', `caseId: "${id}", dueOn: "2099-12-31", items: ["疏通消防通道"]`)).toMatchObject({ state: 'RECTIFYING' });
    expect(await caseOp('reinspect', `caseId: "${id}", passed: true, findings: []`)).toMatchObject({ state: 'PASSED' });

    type Cases = { unlicensedCases: { nodes: { id: string; state: string; licence: { licenceNumber: string; institutionId: string } | null }[] } };
    const licensed = await eventually(async () => {
      const r = await call<Cases>(`{ unlicensedCases(filter: { districtCode: "${d}" }) { nodes { ${CASE} } } }`, {}, staff);
      expect(r.unlicensedCases.nodes).toMatchObject([{ id, state: 'LICENSED', licence: { licenceNumber: expect.any(String) } }]);
      return r.unlicensedCases.nodes[0]!.licence!;
    });
    const kid = licensed.institutionId;
    await eventually(async () => {
      const { institutions } = await call<CityAnswer>(CITY_QUESTION);
      expect(institutions.nodes.find((n) => n.id === kid)).toMatchObject({ name, level: 'PRESCHOOL', ownership: 'PRIVATE', licence: { number: licensed.licenceNumber, status: 'VALID' }, kindergarten: { inclusive: false } });
    });
    expect(await one(kid)).toMatchObject({ licence: { number: licensed.licenceNumber, status: 'VALID' }, kindergarten: { places: 0, enrolled: 0, inclusive: false } });
    expect(await codeOf(call(`{ unlicensedCases { totalCount } }`))).toBe('UNAUTHENTICATED');
    expect(await codeOf(call(`{ unlicensedCases { totalCount } }`, {}, await bearer({ id: 'e2e-parent', roles: ['PARENT'] })))).toBe('FORBIDDEN');
  });
});
