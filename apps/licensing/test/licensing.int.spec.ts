import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsTopic } from '@edugraph/contracts';
import type { EventEnvelope } from '@edugraph/contracts';
import { anonymous, bureauStaff, entitiesQuery, eventually, parent, recordTopic, refusalOf, serviceTestDatabases, startTestService } from '@edugraph/testing';
import type { TestService } from '@edugraph/testing';
import { licensingService } from '../src/service.ts';

const REGISTER = `mutation($input: RegisterInstitutionInput!) {
  registerInstitution(input: $input) { institution { id name level ownership districtCode licence { number status } } }
}`;
const LIST = `query($first: Int, $after: String) { institutions(first: $first, after: $after) { nodes { id name } pageInfo { hasNextPage endCursor } totalCount } }`;

type Registered = { registerInstitution: { institution: { id: string; name: string; licence: { number: string; status: string } | null } } };
type List = { institutions: { nodes: { id: string; name: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null }; totalCount: number } };

for (const database of await serviceTestDatabases()) describe(`licensing subgraph (${database.label}, in-process events)`, () => {
  let t: TestService;
  let published: EventEnvelope[];
  beforeAll(async () => {
    t = await startTestService(licensingService, { database });
    published = await recordTopic(t.transport, eventsTopic('licensing'));
  });
  afterAll(() => t.stop());

  const input = (name: string, extra: Record<string, unknown> = {}) => ({ name, level: 'PRIMARY', ownership: 'PUBLIC', districtCode: 'D01', ...extra });

  it('registers an institution and emits licensing.institution.registered through the outbox', async () => {
    const r = await t.as(bureauStaff)<Registered>(REGISTER, { input: input('Riverside Primary', { licenceNumber: 'LIC-2026-001' }) });
    expect(r.registerInstitution.institution).toMatchObject({ name: 'Riverside Primary', licence: { number: 'LIC-2026-001', status: 'VALID' } });
    const event = await eventually(async () => {
      const e = published.find((p) => p.aggregateId === r.registerInstitution.institution.id);
      if (!e) throw new Error('not yet published');
      return e;
    });
    expect(event).toMatchObject({ type: 'licensing.institution.registered', version: 1, actor: { id: bureauStaff.id } });
    expect(event.payload).toMatchObject({ name: 'Riverside Primary', level: 'PRIMARY', districtCode: 'D01' });
  });

  it('refuses the same institution twice, even when both requests arrive at once', async () => {
    const results = await Promise.allSettled([t.as(bureauStaff)(REGISTER, { input: input('Twin School') }), t.as(bureauStaff)(REGISTER, { input: input('Twin School') })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason.code).toBe('ALREADY_EXISTS');
  });

  it('lists every problem of a bad registration with BAD_USER_INPUT', async () => {
    const error = await t.as(bureauStaff)(REGISTER, { input: input('x', { districtCode: 'bad code', creditCode: '91350100M000100Y4Z' }) }).catch((e) => e);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/name must be/);
    expect(error.message).toMatch(/districtCode/);
    expect(error.message).toMatch(/creditCode/);
  });

  it('lets only bureau staff register', async () => {
    expect((await t.as(parent)(REGISTER, { input: input('Parent School') }).catch((e) => e)).code).toBe('FORBIDDEN');
    expect((await t.as(anonymous)(REGISTER, { input: input('Anon School') }).catch((e) => e)).code).toBe('UNAUTHENTICATED');
  });

  it('pages through the public list with cursors, and the list follows new registrations', async () => {
    for (const n of [1, 2, 3]) await t.as(bureauStaff)(REGISTER, { input: input(`Paging School ${n}`) });
    const all = await eventually(async () => {
      const r = await t.as(anonymous)<List>(LIST, { first: 100 });
      expect(r.institutions.totalCount).toBe(5);
      return r.institutions.nodes;
    });
    const page1 = await t.as(anonymous)<List>(LIST, { first: 2 });
    expect(page1.institutions.pageInfo.hasNextPage).toBe(true);
    const page2 = await t.as(anonymous)<List>(LIST, { first: 2, after: page1.institutions.pageInfo.endCursor });
    expect([...page1.institutions.nodes, ...page2.institutions.nodes].map((n) => n.id)).toEqual(all.slice(0, 4).map((n) => n.id));
  });

  it('refuses page sizes outside 1–100 and foreign cursors', async () => {
    expect((await t.as(anonymous)(LIST, { first: 0 }).catch((e) => e)).code).toBe('BAD_USER_INPUT');
    expect((await t.as(anonymous)(LIST, { first: 101 }).catch((e) => e)).code).toBe('BAD_USER_INPUT');
    expect((await t.as(anonymous)(LIST, { first: 5, after: 'bm90LWEtY3Vyc29y' }).catch((e) => e)).code).toBe('BAD_USER_INPUT');
  });

  it('refuses a request that was not signed by the gateway', async () => {
    const response = await fetch(t.service.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ institutions { totalCount } }' }) });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('answers health on the public port and metrics only on the metrics port', async () => {
    const base = t.service.url.replace('/graphql', '');
    expect(await (await fetch(`${base}/health/live`)).json()).toMatchObject({ status: 'ok' });
    expect(await (await fetch(`${base}/health/ready`)).json()).toMatchObject({ status: 'ready', checks: { database: true } });
    const publicMetrics = await fetch(`${base}/metrics`);
    expect(publicMetrics.status).toBe(404);
    expect(await publicMetrics.json()).toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND' } }] });
    expect(await (await fetch(`${t.service.metricsUrl}/metrics`)).text()).toMatch(/edugraph_http_request_duration_seconds/);
  });

  it('tells the operator how its outbox and consumers are doing', async () => {
    const value = (text: string, metric: string) => Number(new RegExp(`^${metric}\\{[^}]*\\} (\\S+)$`, 'm').exec(text)?.[1]);
    await eventually(async () => {
      const text = await (await fetch(`${t.service.metricsUrl}/metrics`)).text();
      // the registrations above were published, none waits or is parked, and its consumer keeps up
      expect(value(text, 'edugraph_outbox_published_total')).toBeGreaterThan(0);
      expect(value(text, 'edugraph_outbox_unsent')).toBe(0);
      expect(value(text, 'edugraph_outbox_parked')).toBe(0);
      expect(value(text, 'edugraph_outbox_oldest_unsent_seconds')).toBe(0);
      expect(value(text, 'edugraph_consumer_lag')).toBe(0);
    });
  });
  // The tests below register more institutions: they come after the ones that count them.
  describe('bad input gets the same answer on SQLite and PostgreSQL', () => {
    const register = (extra: Record<string, unknown>) =>
      t.as(bureauStaff)<Registered>(REGISTER, { input: input('Input Check School', { districtCode: 'D09', ...extra }) });
    const refusal = (extra: Record<string, unknown>) => refusalOf(register(extra));

    it('refuses an address longer than its column, naming the limit, instead of storing or failing on it', async () => {
      expect(await refusal({ address: 'x'.repeat(70_000) })).toEqual({ code: 'BAD_USER_INPUT', message: 'address must be at most 300 characters (got 70000).' });
      expect(await refusal({ name: 'n'.repeat(201) })).toEqual({ code: 'BAD_USER_INPUT', message: 'name must be at most 200 characters (got 201).' });
    });

    it('counts characters, not UTF-16 units', async () => {
      const name = '𠮷'.repeat(200);
      expect((await register({ name })).registerInstitution.institution.name).toBe(name);
      expect(await refusal({ name: '𠮷'.repeat(201) })).toMatchObject({ code: 'BAD_USER_INPUT', message: 'name must be at most 200 characters (got 201).' });
    });

    it.each([
      ['NUL in the name', { name: 'Null\u0000School' }, /^name must not contain control characters \(found U\+0000 at character 5\)/],
      ['escape in the address', { address: 'Road 1\u001B[2J' }, /^address must not contain control characters \(found U\+001B/],
      ['a line break in the district code', { districtCode: 'D0\u00851' }, /^districtCode must not contain control characters \(found U\+0085/],
      ['a right-to-left override in the name', { name: 'School\u202Eloohcs' }, /^name must not contain bidirectional control characters/],
      ['an isolate in the licence number', { licenceNumber: 'LIC\u2066-1' }, /^licenceNumber must not contain bidirectional control characters/],
      ['an unpaired surrogate in the name', { name: 'School \uD800' }, /^name must be well-formed Unicode/],
    ])('refuses %s with BAD_USER_INPUT', async (_, extra, message) => {
      const answer = await refusal(extra);
      expect(answer.code).toBe('BAD_USER_INPUT');
      expect(answer.message).toMatch(message);
    });

    it('stores names composed (NFC), trimmed and single-spaced', async () => {
      const r = await register({ name: '  E\u0301cole   du\tLac ', districtCode: 'D10' });
      expect(r.registerInstitution.institution.name).toBe('École du Lac');
    });

    it.each([
      ['case', 'REL valid one'],
      ['a zero-width space', 'Rel Valid\u200B One'],
      ['other zero-width characters', '\uFEFFRel Va\u200Dlid One\u2060'],
      ['full-width letters', 'Ｒｅｌ Ｖａｌｉｄ Ｏｎｅ'],
      ['spacing', ' Rel  Valid   One '],
    ])('refuses a name that differs only by %s as ALREADY_EXISTS', async (_, variant) => {
      const first = await t.as(bureauStaff)<Registered>(REGISTER, { input: input('Rel Valid One', { districtCode: 'D11' }) }).catch(() => null);
      const again = await t.as(bureauStaff)(REGISTER, { input: input(variant, { districtCode: 'D11' }) }).catch((e) => e);
      expect(again.code).toBe('ALREADY_EXISTS');
      if (first) expect(again.errors[0].extensions.details.institutionId).toBe(first.registerInstitution.institution.id);
    });

    it('refuses the NFD spelling of a registered name as ALREADY_EXISTS, and lets another district use the name', async () => {
      await register({ name: 'École Rel Valid', districtCode: 'D12' });
      expect((await refusal({ name: 'E\u0301cole Rel Valid', districtCode: 'D12' })).code).toBe('ALREADY_EXISTS');
      expect((await register({ name: 'E\u0301cole Rel Valid', districtCode: 'D13' })).registerInstitution.institution.name).toBe('École Rel Valid');
    });

    it('answers null for an institution id that is not a UUID, and refuses bad filters and cursors', async () => {
      expect(await t.as(anonymous)('query($id: ID!) { institution(id: $id) { id } }', { id: 'not-a-uuid' })).toEqual({ institution: null });
      const entities = await t.as(anonymous)<{ _entities: unknown[] }>(entitiesQuery('name'), { r: [{ __typename: 'Institution', id: '1' }] });
      expect(entities._entities).toEqual([null]);
      const filter = await t.as(anonymous)('query($d: String) { institutions(districtCode: $d) { totalCount } }', { d: 'D\u0000' }).catch((e) => e);
      expect(filter.code).toBe('BAD_USER_INPUT');
      const dashes = Buffer.from('-'.repeat(36)).toString('base64url');
      expect((await t.as(anonymous)(LIST, { first: 5, after: dashes }).catch((e) => e)).code).toBe('BAD_USER_INPUT');
    });
  });
});
