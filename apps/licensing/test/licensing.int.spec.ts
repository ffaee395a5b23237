import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsTopic } from '@edugraph/contracts';
import type { EventEnvelope } from '@edugraph/contracts';
import { anonymous, bureauStaff, eventually, parent, recordTopic, startTestService } from '@edugraph/testing';
import type { TestService } from '@edugraph/testing';
import { licensingService } from '../src/service.ts';

const REGISTER = `mutation($input: RegisterInstitutionInput!) {
  registerInstitution(input: $input) { institution { id name level ownership districtCode licence { number status } } }
}`;
const LIST = `query($first: Int, $after: String) { institutions(first: $first, after: $after) { nodes { id name } pageInfo { hasNextPage endCursor } totalCount } }`;

type Registered = { registerInstitution: { institution: { id: string; name: string; licence: { number: string; status: string } | null } } };
type List = { institutions: { nodes: { id: string; name: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null }; totalCount: number } };

describe('licensing subgraph (SQLite, in-process events)', () => {
  let t: TestService;
  let published: EventEnvelope[];
  beforeAll(async () => {
    t = await startTestService(licensingService);
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
});
