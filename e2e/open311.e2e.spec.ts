import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken } from '@edugraph/gateway';
import { createLogger } from '@edugraph/platform';
import { graphql } from '@edugraph/testing';
import { startEmbeddedSystem } from '../tools/start/embedded-system.ts';
import type { EmbeddedSystem } from '../tools/start/embedded-system.ts';

const JWT_SECRET = 'open311-e2e-jwt-secret-0123456789abcdef';
const CITY_KEY = 'open311-e2e-city-12345-key-0123456789';

describe('Open311 GeoReport v2 through the gateway on the embedded default', () => {
  let system: EmbeddedSystem;
  let open311: string;
  let staff: Record<string, string>;
  beforeAll(async () => {
    system = await startEmbeddedSystem({
      dataDir: ':memory:',
      gatewayPort: 0,
      jwtSecret: JWT_SECRET,
      apiKeys: [{ name: 'city-12345', key: CITY_KEY, roles: ['CITY_SYSTEM'] }],
      logger: createLogger('e2e', process.env['E2E_LOG'] ?? 'silent'),
    });
    open311 = system.gatewayUrl.replace(/\/graphql$/, '/open311/v2');
    staff = { authorization: `Bearer ${await issueToken(JWT_SECRET, { id: 'e2e-staff', roles: ['BUREAU_STAFF'], office: 'FINANCE_AUDIT' })}` };
  });
  afterAll(() => system?.stop());

  const form = new URLSearchParams({ service_code: 'FEES', description: '幼儿园收取“兴趣班”费用未公示。', address_string: '迎泽区青年路 1 号', first_name: '小明', last_name: '王', phone: '13811112222' });

  it('lists the services publicly', async () => {
    const response = await fetch(`${open311}/services.json`);
    expect(response.status).toBe(200);
    const services = (await response.json()) as { service_code: string; service_name: string }[];
    expect(services.map((s) => s.service_name)).toEqual(expect.arrayContaining(['入学入园', '搞变通', '打折扣', '设路障']));
  });

  it('refuses a request without an API key (403, the standard’s error format)', async () => {
    const response = await fetch(`${open311}/requests.json`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual([{ code: 403, description: expect.stringContaining('API key') }]);
  });

  it('takes a form-encoded request with the city’s key, shows it back publicly, and staff see it as a report', async () => {
    const body = new URLSearchParams(form);
    body.set('api_key', CITY_KEY);
    const created = await fetch(`${open311}/requests.json`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: body.toString() });
    expect(created.status).toBe(201);
    const [{ service_request_id: id }] = (await created.json()) as [{ service_request_id: string }];

    const viaHeader = await fetch(`${open311}/requests.json`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-api-key': CITY_KEY }, body: form.toString() });
    expect(viaHeader.status).toBe(201);

    const read = await fetch(`${open311}/requests/${id}.json`);
    expect(read.status).toBe(200);
    const [request] = (await read.json()) as Record<string, unknown>[];
    expect(request).toMatchObject({ service_request_id: id, status: 'open', service_code: 'FEES', address: '迎泽区青年路 1 号' });
    expect(JSON.stringify(request)).not.toMatch(/王|13811112222/);

    const { reports } = await graphql<{ reports: { nodes: { id: string; channel: string; kind: string; reporter: { name: string; masked: boolean } | null }[] } }>(
      system.gatewayUrl,
      `{ reports(filter: { category: "FEES" }, first: 100) { nodes { id channel kind reporter { name masked } } totalCount } }`,
      {},
      staff,
    );
    expect(reports.nodes.find((n) => n.id === id)).toEqual({ id, channel: 'OPEN311', kind: 'COMPLAINT', reporter: { name: '王**', masked: true } });
  });
});
