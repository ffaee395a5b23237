import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import jsonld from 'jsonld';
import type { JsonLdDocument, NodeObject } from 'jsonld';
import { issueToken } from '@edugraph/gateway';
import { createLogger } from '@edugraph/platform';
import { graphql } from '@edugraph/testing';
import { startEmbeddedSystem } from '../tools/start/embedded-system.ts';
import type { EmbeddedSystem } from '../tools/start/embedded-system.ts';
import { loadDemoCity } from '../tools/demo/load-demo-city.ts';
import { DEMO_CATALOGUE_SCHOOL, demoCatalogueSyncKey } from '../tools/demo/catalogue-sync-key.demo.ts';

const JWT_SECRET = 'vocational-e2e-jwt-secret-0123456789abcdef';
const CTDL_CONTEXT_URL = 'https://credreg.net/ctdl/schema/context/json';
/** A local copy of the CTDL context's terms the export uses: tests run offline. */
const CTDL_CONTEXT = JSON.parse(readFileSync(new URL('../apps/vocational/test/fixtures/ctdl-context.json', import.meta.url), 'utf8')) as object;
const CTDL = 'https://purl.org/ctdl/terms/';

const PROGRAMMES = `query($id: ID!) { institution(id: $id) { programmes { id code name annualIntake enrolled featured level partnerEnterprises { name creditCode } industries { code name } } } }`;
const STATS = `{ vocationalStats(year: 2026) { year alignedIntakeShare alignedIntake totalIntake intakeByIndustry { industry name kind intake } growth { year intake } oversubscribed { programme code applicants annualIntake } } }`;
const ALIGN = `mutation($id: ID!, $codes: [String!]!) { alignProgramme(programmeId: $id, industryCodes: $codes) { programme { code industries { code } } } }`;
const PUBLISH = `mutation($input: PublishProgrammeInput!) { publishProgramme(input: $input) { programme { code } } }`;
const SYNC = `mutation($schoolId: ID!, $snapshot: CatalogueSnapshotInput!, $dryRun: Boolean) { syncCatalogue(schoolId: $schoolId, snapshot: $snapshot, dryRun: $dryRun) { dryRun unchanged rejected { code } } }`;

interface Programme {
  id: string;
  code: string;
  name: string;
  annualIntake: number;
  industries: { code: string; name: string }[];
  partnerEnterprises: { name: string; creditCode: string }[];
}

describe('vocational education through the gateway on the embedded default', () => {
  let system: EmbeddedSystem;
  let staff: Record<string, string>;
  let centreId: string;
  let centreKey: string;
  const apiKeys: Parameters<typeof startEmbeddedSystem>[0]['apiKeys'] = [];
  const programmesOf = async (id: string) => (await graphql<{ institution: { programmes: Programme[] } }>(system.gatewayUrl, PROGRAMMES, { id })).institution.programmes;

  beforeAll(async () => {
    system = await startEmbeddedSystem({ dataDir: ':memory:', gatewayPort: 0, jwtSecret: JWT_SECRET, apiKeys, logger: createLogger('e2e', process.env['E2E_LOG'] ?? 'silent') });
    const token = await issueToken(JWT_SECRET, { id: 'e2e-staff', roles: ['BUREAU_STAFF'] });
    staff = { authorization: `Bearer ${token}` };
    await loadDemoCity(system.gatewayUrl, token, JWT_SECRET);
    const key = (await demoCatalogueSyncKey(system.gatewayUrl, JWT_SECRET))!;
    apiKeys!.push(key.apiKey);
    centreId = key.schoolId;
    centreKey = key.apiKey.key;
  });
  afterAll(() => system?.stop());

  it('shows the demo centre’s synced catalogue, aligned to the city’s industries, with its partners', async () => {
    const programmes = await programmesOf(centreId);
    expect(programmes.map((p) => [p.code, p.name, p.industries.map((i) => i.code)])).toEqual([
      ['660301', '机电技术应用', ['EQUIP']],
      ['710201', '计算机应用', ['ELEC']],
      ['720201', '护理', ['CARE']],
      ['740101', '旅游服务与管理', ['TOUR']],
    ]);
    expect(programmes[0]!.partnerEnterprises).toEqual([{ name: '城关精工装备制造有限公司', creditCode: expect.stringMatching(/^91141010MA0A00001.$/) }]);
  });

  it('syncs with the demo school’s scoped API key, and refuses it for another school', async () => {
    const current = await programmesOf(centreId);
    const snapshot = {
      year: 2026,
      programmes: current.map((p) => ({ code: p.code, name: p.name, lengthYears: 3, annualIntake: p.annualIntake, enrolled: (p as unknown as { enrolled: number }).enrolled, applicants: 0 })),
    };
    const dry = await graphql<{ syncCatalogue: { dryRun: boolean; rejected: unknown[] } }>(system.gatewayUrl, SYNC, { schoolId: centreId, snapshot, dryRun: true }, { 'x-api-key': centreKey });
    expect(dry.syncCatalogue).toMatchObject({ dryRun: true, rejected: [] });
    const { institutions } = await graphql<{ institutions: { nodes: { id: string; name: string }[] } }>(system.gatewayUrl, '{ institutions(first: 100, level: VOCATIONAL) { nodes { id name } } }');
    const other = institutions.nodes.find((n) => n.name !== DEMO_CATALOGUE_SCHOOL)!;
    const refused = await graphql(system.gatewayUrl, SYNC, { schoolId: other.id, snapshot, dryRun: true }, { 'x-api-key': centreKey }).catch((e) => e);
    expect(refused.code).toBe('FORBIDDEN');
    const unknownKey = await graphql(system.gatewayUrl, SYNC, { schoolId: centreId, snapshot }, { 'x-api-key': 'x'.repeat(40) }).catch((e) => e);
    expect(unknownKey.code).toBe('UNAUTHENTICATED');
  });

  it('publishes the city’s vocational figures, and follows an alignment change', async () => {
    const before = (await graphql<{ vocationalStats: { alignedIntake: number; totalIntake: number; alignedIntakeShare: number; intakeByIndustry: { industry: string; intake: number }[]; oversubscribed: { programme: string; code: string }[] } }>(system.gatewayUrl, STATS)).vocationalStats;
    // The centre's 560 places are all aligned; the private school's 90 in 电子商务 are not.
    expect(before).toMatchObject({ alignedIntake: 560, totalIntake: 650, alignedIntakeShare: 0.8615 });
    expect(before.intakeByIndustry.find((i) => i.industry === 'EQUIP')!.intake).toBe(200);
    // 210 applicants for 160 places, then 260 for 200.
    expect(before.oversubscribed.map((o) => [o.code, o.programme])).toEqual([['710201', '计算机应用'], ['660301', '机电技术应用']]);
    const tourism = (await programmesOf(centreId)).find((p) => p.code === '740101')!;
    const aligned = await graphql<{ alignProgramme: { programme: { industries: { code: string }[] } } }>(system.gatewayUrl, ALIGN, { id: tourism.id, codes: ['TOUR', 'LOGI'] }, staff);
    expect(aligned.alignProgramme.programme.industries.map((i) => i.code)).toEqual(['LOGI', 'TOUR']);
    const after = (await graphql<{ vocationalStats: { intakeByIndustry: { industry: string; intake: number }[] } }>(system.gatewayUrl, STATS)).vocationalStats;
    expect(after.intakeByIndustry.find((i) => i.industry === 'LOGI')!.intake).toBe(80);
  });

  it('refuses a programme whose code is not in the loaded catalogue, unless approved outside it', async () => {
    const input = { institutionId: centreId, code: '710299', name: '人工智能应用', lengthYears: 3, annualIntake: 40 };
    const refused = await graphql(system.gatewayUrl, PUBLISH, { input }, staff).catch((e) => e);
    expect(refused.code).toBe('UNKNOWN_CATALOGUE_CODE');
    const approved = await graphql<{ publishProgramme: { programme: { code: string } } }>(system.gatewayUrl, PUBLISH, { input: { ...input, outOfCatalogueReference: '教职成函〔2026〕5号' } }, staff);
    expect(approved.publishProgramme.programme.code).toBe('710299');
  });

  it('never lets a REST path climb out of its prefix to another path of the subgraph', async () => {
    const { port } = new URL(system.gatewayUrl);
    // Sent byte for byte (fetch would resolve the dot segments before sending).
    const statusOf = (path: string) =>
      new Promise<number>((resolve, reject) => {
        const body = JSON.stringify({ query: '{ _service { sdl } }' });
        const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end(body);
      });
    for (const path of ['/open-data/../graphql', '/open-data/%2e%2e/graphql', '/open-data/%2E%2E/health/ready', '/open311/v2/..%2fgraphql', '/open311/v2/../../graphql']) {
      expect([path, await statusOf(path)]).toEqual([path, 404]);
    }
  });

  it('reads a large body only from a caller whose credentials hold', async () => {
    const big = JSON.stringify({ query: '{ industries { code } }', variables: { pad: 'x'.repeat(300_000) } });
    const forged = await fetch(system.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer x' }, body: big });
    expect(forged.status).toBe(401);
    const anonymous = await fetch(system.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
    expect(anonymous.status).toBe(413);
    const signedIn = await fetch(system.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...staff }, body: big });
    expect(signedIn.status).toBe(200);
  });

  it('exports every published programme as CTDL JSON-LD at /open-data/programmes.jsonld, which parses back', async () => {
    const url = system.gatewayUrl.replace(/\/graphql$/, '/open-data/programmes.jsonld');
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/ld\+json/);
    const document = (await response.json()) as { '@context': string; '@graph': Record<string, unknown>[] };
    expect(document['@context']).toBe(CTDL_CONTEXT_URL);
    const documentLoader = async (requested: string) => {
      if (requested !== CTDL_CONTEXT_URL) throw new Error(`unexpected context ${requested}`);
      return { contextUrl: undefined, documentUrl: requested, document: CTDL_CONTEXT };
    };
    const expanded = (await jsonld.expand(document as JsonLdDocument, { documentLoader } as never)) as unknown as NodeObject[];
    const programmes = expanded.filter((n) => (n['@type'] as string[] | undefined)?.includes(`${CTDL}LearningProgram`));
    const { institutions } = await graphql<{ institutions: { nodes: { programmes: { code: string }[] }[] } }>(system.gatewayUrl, '{ institutions(first: 100, level: VOCATIONAL) { nodes { programmes { code } } } }');
    expect(programmes).toHaveLength(institutions.nodes.flatMap((n) => n.programmes).length);
    const value = (node: NodeObject, term: string) => (node[`${CTDL}${term}`] as { '@value'?: unknown; '@id'?: string }[] | undefined)?.[0];
    const mechatronics = programmes.find((p) => value(p, 'codedNotation')?.['@value'] === '660301')!;
    expect(value(mechatronics, 'name')).toEqual({ '@value': '机电技术应用', '@language': 'zh-cn' });
    expect(value(mechatronics, 'ctid')?.['@value']).toMatch(/^ce-[0-9a-f-]{36}$/);
    expect(mechatronics['@id']).toMatch(new RegExp(`^${url.replace(/\/programmes\.jsonld$/, '')}/resources/ce-`));
    const offeredBy = value(mechatronics, 'offeredBy')!;
    expect(offeredBy['@id']).toContain(`ce-${centreId}`);
    const duration = (mechatronics[`${CTDL}estimatedDuration`] as NodeObject[])[0]!;
    expect(value(duration, 'exactDuration')?.['@value']).toBe('P3Y');
    const industries = (mechatronics[`${CTDL}industryType`] as NodeObject[]).map((i) => value(i, 'codedNotation')?.['@value']);
    expect(industries).toEqual(['EQUIP']);
  });
});
