import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTOR_TOKEN_HEADER, createActorSigner } from '@edugraph/auth';
import type { Actor } from '@edugraph/auth';
import { TEST_ACTOR_KEYS, anonymous, parent, serviceTestDatabases, startTestService } from '@edugraph/testing';
import type { TestService } from '@edugraph/testing';
import { feedbackService } from '../src/service.ts';

const signer = await createActorSigner(TEST_ACTOR_KEYS.privateJwk);
const cityHotline: Actor = { id: 'system:city-12345', kind: 'system', roles: ['CITY_SYSTEM'], institutionId: null, office: null, creditCode: null };
const staff: Actor = { id: 'staff-hall', kind: 'person', roles: ['BUREAU_STAFF'], institutionId: null, office: 'SERVICE_HALL', creditCode: null };

interface Answer {
  status: number;
  contentType: string;
  text: string;
  json: <T = unknown>() => T;
}

for (const database of await serviceTestDatabases()) describe(`Open311 GeoReport v2 (${database.label})`, () => {
  let t: TestService;
  let base: string;
  beforeAll(async () => {
    t = await startTestService(feedbackService, { database });
    base = t.service.url.replace(/\/graphql$/, '');
  });
  afterAll(() => t.stop());

  /** Calls a route as the gateway would: an actor token signed over the exact body (GET: none). */
  async function call(actor: Actor, method: 'GET' | 'POST', path: string, body?: { form?: Record<string, string>; json?: unknown }): Promise<Answer> {
    const payload = body?.form ? new URLSearchParams(body.form).toString() : body?.json !== undefined ? JSON.stringify(body.json) : '';
    const headers: Record<string, string> = { [ACTOR_TOKEN_HEADER]: await signer.sign(actor, 'feedback', Buffer.from(payload, 'utf8')) };
    if (body?.form) headers['content-type'] = 'application/x-www-form-urlencoded';
    if (body?.json !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${base}${path}`, { method, headers, ...(method === 'POST' ? { body: payload } : {}) });
    const text = await response.text();
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', text, json: <T>() => JSON.parse(text) as T };
  }
  const post = (actor: Actor, form: Record<string, string>) => call(actor, 'POST', '/open311/v2/requests.json', { form });
  const complaint = { service_code: 'FEES', description: '幼儿园收取“兴趣班”费用未公示。', lat: '37.8706', long: '112.5489', first_name: '小明', last_name: '王', phone: '13811112222', email: 'wang@example.cn' };

  it('lists the report categories as services, and defines each (404 in the standard’s format for an unknown code)', async () => {
    const list = await call(anonymous, 'GET', '/open311/v2/services.json');
    expect(list.status).toBe(200);
    expect(list.contentType).toMatch(/^application\/json/);
    const services = list.json<Record<string, unknown>[]>();
    expect(services.map((s) => s['service_name'])).toEqual(expect.arrayContaining(['入学入园', '收费', '搞变通', '打折扣', '设路障', '其他']));
    expect(services.find((s) => s['service_code'] === 'FEES')).toMatchObject({ metadata: false, type: 'realtime', group: '教育服务', keywords: expect.stringContaining('收费') });
    const definition = await call(anonymous, 'GET', '/open311/v2/services/FEES.json');
    expect(definition.json()).toEqual({ service_code: 'FEES', attributes: [] });
    const unknown = await call(anonymous, 'GET', '/open311/v2/services/NO_SUCH.json');
    expect(unknown.status).toBe(404);
    expect(unknown.json()).toEqual([{ code: 404, description: expect.stringContaining('NO_SUCH') }]);
    const discovery = await call(anonymous, 'GET', '/open311/v2/discovery.json');
    expect(discovery.json<{ endpoints: { specification: string; url: string }[] }>().endpoints[0]).toMatchObject({ specification: 'http://wiki.open311.org/GeoReport_v2', url: expect.stringMatching(/\/open311\/v2$/) });
  });

  it('answers in XML too', async () => {
    const xml = await call(anonymous, 'GET', '/open311/v2/services.xml');
    expect(xml.status).toBe(200);
    expect(xml.contentType).toMatch(/^text\/xml/);
    expect(xml.text).toContain('<services><service><service_code>ENROLMENT</service_code>');
    const missing = await call(anonymous, 'GET', '/open311/v2/requests/0190a6f2-7b1c-7d3e-8f00-1234567890ab.xml');
    expect(missing.status).toBe(404);
    expect(missing.text).toMatch(/<errors><error><code>404<\/code><description>.+<\/description><\/error><\/errors>/);
  });

  it('takes a request from a city system (form-encoded or JSON) as a complaint, and shows it publicly without the reporter', async () => {
    const created = await post(cityHotline, { ...complaint, api_key: 'ignored-here' });
    expect(created.status).toBe(201);
    const [{ service_request_id: id }] = created.json<[{ service_request_id: string }]>();
    const one = await call(anonymous, 'GET', `/open311/v2/requests/${id}.json`);
    expect(one.status).toBe(200);
    const [request] = one.json<Record<string, unknown>[]>();
    expect(request).toMatchObject({ service_request_id: id, status: 'open', service_code: 'FEES', service_name: '收费', description: complaint.description, lat: 37.8706, long: 112.5489 });
    expect(request!['requested_datetime']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    expect(one.text).not.toMatch(/王|13811112222|wang@/);

    const json = await call(cityHotline, 'POST', '/open311/v2/requests.json', { json: { service_code: 'CAMPUS_SAFETY', description: '校门口接送车辆拥堵。', address_string: '迎泽大街 100 号' } });
    expect(json.status).toBe(201);

    // Staff see it as a report like any other: channel OPEN311, a complaint, the reporter masked outside the assigned office.
    const seen = await t.as(staff)<{ report: { channel: string; kind: string; status: string; reporter: { name: string; phone: string; masked: boolean } } }>(
      `query($id: ID!) { report(id: $id) { channel kind status reporter { name phone masked } } }`,
      { id },
    );
    expect(seen.report).toEqual({ channel: 'OPEN311', kind: 'COMPLAINT', status: 'SUBMITTED', reporter: { name: '王**', phone: '138****2222', masked: true } });
  });

  it('refuses to take a request without an API key (403), and bad requests (400), in the standard’s error format', async () => {
    for (const actor of [anonymous, parent]) {
      const refused = await post(actor, complaint);
      expect(refused.status).toBe(403);
      expect(refused.json()).toEqual([{ code: 403, description: expect.stringContaining('API key') }]);
    }
    const bad: [Record<string, string>, RegExp][] = [
      [{ ...complaint, service_code: 'NO_SUCH' }, /service_code NO_SUCH/],
      [{ ...complaint, service_code: '' }, /service_code is required/],
      [{ service_code: 'FEES', description: '无位置' }, /location is required/],
      [{ ...complaint, lat: 'north' }, /decimal degrees/],
      [{ ...complaint, description: '' }, /subject or a body/],
      [{ ...complaint, description: '长'.repeat(5001) }, /at most 5000/],
    ];
    for (const [form, message] of bad) {
      const refused = await post(cityHotline, form);
      expect(refused.status, JSON.stringify(form)).toBe(400);
      expect(refused.json()).toEqual([{ code: 400, description: expect.stringMatching(message) }]);
    }
    const notJson = await call(cityHotline, 'POST', '/open311/v2/requests.json', { json: [1, 2] });
    expect(notJson.status).toBe(400);
  });

  it('filters requests by id, service code, status and dates, and shows a tip-off as nothing but its status', async () => {
    const [{ service_request_id: a }] = (await post(cityHotline, complaint)).json<[{ service_request_id: string }]>();
    const tipOff = await t.as(parent)<{ submitReport: { report: { id: string } } }>(
      `mutation($input: SubmitReportInput!) { submitReport(input: $input) { report { id } } }`,
      { input: { channel: 'ONLINE', kind: 'TIP_OFF', category: 'TEACHER_CONDUCT', subject: '某教师有偿补课', anonymous: false, reporterName: '赵六' } },
    );
    const b = tipOff.submitReport.report.id;
    const byIds = await call(anonymous, 'GET', `/open311/v2/requests.json?service_request_id=${a},${b}`);
    const requests = byIds.json<Record<string, unknown>[]>();
    expect(requests.map((r) => r['service_request_id']).sort()).toEqual([a, b].sort());
    expect(requests.find((r) => r['service_request_id'] === b)).toEqual({ service_request_id: b, status: 'open' });
    // A complaint made online was not written for publication: its category shows, not its words or place.
    const online = await t.as(parent)<{ submitReport: { report: { id: string } } }>(
      `mutation($input: SubmitReportInput!) { submitReport(input: $input) { report { id } } }`,
      { input: { channel: 'ONLINE', kind: 'COMPLAINT', category: 'FEES', subject: '我是王五，孩子在某校被多收费', anonymous: false, location: { address: '城关区某小区 3 栋', lat: 37.87, long: 112.55 } } },
    );
    const [shown] = (await call(anonymous, 'GET', `/open311/v2/requests/${online.submitReport.report.id}.json`)).json<Record<string, unknown>[]>();
    expect(shown).toMatchObject({ description: '收费', address_string: null, lat: null, long: null });

    const fees = (await call(anonymous, 'GET', '/open311/v2/requests.json?service_code=FEES&status=open')).json<Record<string, unknown>[]>();
    expect(fees.length).toBeGreaterThan(0);
    expect(fees.every((r) => r['service_code'] === 'FEES' && r['status'] === 'open')).toBe(true);
    expect((await call(anonymous, 'GET', '/open311/v2/requests.json?status=closed')).json()).toEqual([]);
    expect((await call(anonymous, 'GET', '/open311/v2/requests.json?start_date=2000-01-01T00:00:00Z&end_date=2000-12-31T00:00:00Z')).json()).toEqual([]);

    const badStatus = await call(anonymous, 'GET', '/open311/v2/requests.json?status=pending');
    expect(badStatus.status).toBe(400);
    expect(badStatus.json()).toEqual([{ code: 400, description: expect.stringContaining('status') }]);
    expect((await call(anonymous, 'GET', '/open311/v2/requests.json?start_date=yesterday')).status).toBe(400);
    expect((await call(anonymous, 'GET', '/open311/v2/requests/not-an-id.json')).status).toBe(404);
  });
});
