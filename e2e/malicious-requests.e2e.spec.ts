import { createHash } from 'node:crypto';
import { createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT, importJWK } from 'jose';
import { auditServer } from 'graphql-http';
import { ACTOR_TOKEN_HEADER, bodyHash, createActorSigner, generateActorKeyPair } from '@edugraph/auth';
import type { Actor } from '@edugraph/auth';
import { createLogger, loadServiceConfig } from '@edugraph/platform';
import { bureauStaff } from '@edugraph/testing';
import { embeddedGatewayLimits, issueToken, loadGatewayConfig, startGateway } from '@edugraph/gateway';
import type { EdgeLimits, GatewayConfig, RunningGateway } from '@edugraph/gateway';
import { startEmbeddedSystem } from '../tools/start/embedded-system.ts';
import type { EmbeddedSystem } from '../tools/start/embedded-system.ts';
import { loadDemoCity } from '../tools/demo/load-demo-city.ts';

/**
 * The malicious-request suite: each case is what an attacker sends, and what refuses it (HTTP
 * status and `extensions.code`). Runs on the embedded default plus three gateways configured for
 * the case at hand (tight budgets, an untrusted proxy, broken subgraphs).
 */
const JWT_SECRET = 'malicious-suite-jwt-secret-0123456789abcdef';
const keys = await generateActorKeyPair('malicious-suite');
const logger = createLogger('malicious', 'silent');

type Answer = { status: number; body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string; service?: string } }[] }; text: string; headers: Headers };

async function send(url: string, body: string, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as Answer['body'], text, headers: response.headers };
}
const gql = (url: string, query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) => send(url, JSON.stringify({ query, variables }), headers);
const codes = (a: Answer) => a.body.errors?.map((e) => e.extensions?.code);

/** A refusal is JSON with a code and a message; never HTML, a stack trace or a file path. */
function expectRefused(a: Answer, status: number, code: string, message?: RegExp) {
  expect({ status: a.status, codes: codes(a) }).toEqual({ status, codes: [code] });
  if (message) expect(a.body.errors![0]!.message).toMatch(message);
  expect(a.text).not.toMatch(/<html|<pre|\s+at .+\(|\/work\/|node_modules|https?:\/\//i);
}

const CITY = '{ institutions(first: 50) { nodes { id name seatPools { grade capacity } programmes { code } satisfaction { ratings } } } }';
const aliased = (args: string, count = 30) =>
  `query Q${args.includes('$n') ? '($n: Int)' : ''} { ${Array.from({ length: count }, (_, i) => `a${i}: institutions${args} { nodes { id seatPools { capacity } programmes { code } } }`).join(' ')} }`;

function gatewayConfig(system: EmbeddedSystem, overrides: Partial<Omit<GatewayConfig, 'limits'>> & { limits?: Partial<EdgeLimits> }): GatewayConfig {
  const base = loadGatewayConfig({ EDUGRAPH_ACTOR_PRIVATE_KEY: JSON.stringify(keys.privateJwk), EDUGRAPH_JWT_SECRET: JWT_SECRET, HOST: '127.0.0.1' });
  const subgraphUrls = Object.fromEntries(system.services.map((s) => [s.name, s.url]));
  return { ...base, port: 0, metrics: null, subgraphUrls, ...overrides, limits: { ...embeddedGatewayLimits, ...overrides.limits } };
}

describe('malicious requests: refused at the edge and at the subgraphs, with a code', () => {
  let system: EmbeddedSystem;
  let url: string;
  const extra: RunningGateway[] = [];
  const sockets: Socket[] = [];
  let hanging: Server;

  beforeAll(async () => {
    system = await startEmbeddedSystem({ dataDir: ':memory:', gatewayPort: 0, jwtSecret: JWT_SECRET, actorKeys: keys, logger });
    url = system.gatewayUrl;
    const token = await issueToken(JWT_SECRET, { id: 'suite-staff', roles: ['BUREAU_STAFF'] });
    await loadDemoCity(url, token, JWT_SECRET);
    hanging = createServer((socket) => sockets.push(socket)); // accepts, never answers
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    for (const g of extra) await g.stop();
    for (const s of sockets) s.destroy();
    hanging?.close();
    await system?.stop();
  });

  describe('1. query cost and shape', () => {
    it('a page size passed as a variable costs what the literal costs: refused', async () => {
      expectRefused(await gql(url, aliased('(first: $n)'), { n: 100 }), 200, 'QUERY_TOO_COSTLY', /about 69060 fields; the limit is 10000/);
      expectRefused(await gql(url, aliased('(first: 100)')), 200, 'QUERY_TOO_COSTLY', /about 69060 fields/);
    });

    it('first left out costs the schema default page: refused', async () => {
      expectRefused(await gql(url, aliased('')), 200, 'QUERY_TOO_COSTLY', /about 13860 fields; the limit is 10000/);
    });

    it('the README CityQuestion of 50 institutions stays well inside the limits', async () => {
      const a = await gql(url, CITY);
      expect(a.status).toBe(200);
      expect(a.body.errors).toBeUndefined();
    });

    it('depth, aliases, directives, tokens and length each name their limit and the value found', async () => {
      const nested = `{ __type(name: "Query") { fields { type { ${'ofType { '.repeat(9)}name${' }'.repeat(9)} } } } }`;
      expectRefused(await gql(url, nested), 200, 'QUERY_TOO_DEEP', /Query depth limit of 10 exceeded, found 13/);
      expectRefused(await gql(url, aliased('(first: 1)', 31)), 200, 'TOO_MANY_ALIASES', /Aliases limit of 30 exceeded, found 31/);
      const directives = `{ institutions(first: 1) { nodes { ${Array.from({ length: 21 }, () => 'id @include(if: true)').join(' ')} } } }`;
      expectRefused(await gql(url, directives), 200, 'TOO_MANY_DIRECTIVES', /Directives limit of 20 exceeded, found 21/);
      expectRefused(await gql(url, `{ ${'a '.repeat(2500)}}`), 200, 'TOO_MANY_TOKENS', /The query has 2502 tokens; the limit is 2000/);
      expectRefused(await gql(url, `{ institution(id: "${'x'.repeat(25_000)}") { id } }`), 413, 'QUERY_TOO_LONG', /25030 characters long; the limit is 20000/);
    });

    it('does not suggest field names, so the schema cannot be guessed', async () => {
      const a = await gql(url, '{ institutionz(first: 1) { nodes { id } } }');
      expect(codes(a)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(a.body.errors![0]!.message).not.toMatch(/Did you mean/);
    });

    it('a GraphQL-response client gets 400 for the same refusal a legacy JSON client gets as 200', async () => {
      const a = await gql(url, aliased('(first: $n)'), { n: 100 }, { accept: 'application/graphql-response+json' });
      expect({ status: a.status, codes: codes(a) }).toEqual({ status: 400, codes: ['QUERY_TOO_COSTLY'] });
    });
  });

  describe('1. rate limits charge query cost, per IP before authentication and per caller after', () => {
    let budget: RunningGateway;
    let tight: RunningGateway;
    let untrusting: RunningGateway;
    beforeAll(async () => {
      budget = await startGateway(gatewayConfig(system, { trustProxy: 'loopback', limits: { costPerMinute: 1_100, ipCostPerMinute: 1_200, persistedQueryRegistrationsPerMinute: 3 } }), logger);
      tight = await startGateway(gatewayConfig(system, { trustProxy: 'loopback', limits: { ipCostPerMinute: 5 } }), logger);
      untrusting = await startGateway(gatewayConfig(system, { trustProxy: false, limits: { ipCostPerMinute: 5 } }), logger);
      extra.push(budget, tight, untrusting);
    });

    it('a caller spends its budget by cost: a few costly queries, then 429 with Retry-After; others are unaffected', async () => {
      const parent = { authorization: `Bearer ${await issueToken(JWT_SECRET, { id: 'budget-parent', roles: ['PARENT'] })}`, 'x-forwarded-for': '10.1.0.1' };
      const query = '{ institutions(first: 20) { nodes { id name seatPools { capacity } } } }'; // 1 + 1 + 20 × (1 + 1 + (1 + 10)) = 262: four fit in 1100
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await gql(budget.url, query, {}, parent)).status);
      expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
      const refused = await gql(budget.url, query, {}, parent);
      expectRefused(refused, 429, 'RATE_LIMITED', /query budget for the minute is spent/);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      const other = { authorization: `Bearer ${await issueToken(JWT_SECRET, { id: 'budget-other', roles: ['PARENT'] })}`, 'x-forwarded-for': '10.1.0.2' };
      expect((await gql(budget.url, '{ __typename }', {}, other)).status).toBe(200);
    });

    it('a flood of bad tokens from one address is stopped before authentication; a trusted proxy’s client addresses count apart', async () => {
      const bad = { authorization: 'Bearer not-a-token', 'x-forwarded-for': '10.2.0.1' };
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await gql(tight.url, '{ __typename }', {}, bad)).status);
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
      expectRefused(await gql(tight.url, '{ __typename }', {}, bad), 429, 'RATE_LIMITED', /this address has spent its query budget/);
      expectRefused(await gql(tight.url, '{ __typename }', {}, { ...bad, 'x-forwarded-for': '10.2.0.2' }), 401, 'UNAUTHENTICATED');
    });

    it('X-Forwarded-For from a proxy that is not trusted is ignored: the socket address is charged', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await gql(untrusting.url, '{ __typename }', {}, { 'x-forwarded-for': `10.3.0.${i}` })).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    });

    it('new persisted queries are limited per caller', async () => {
      const register = (n: number) => {
        const query = `{ institutions(first: ${n}) { totalCount } }`;
        const sha256Hash = createHash('sha256').update(query).digest('hex');
        return send(budget.url, JSON.stringify({ query, extensions: { persistedQuery: { version: 1, sha256Hash } } }), { 'x-forwarded-for': '10.4.0.1' });
      };
      const statuses = [];
      for (let n = 1; n <= 4; n++) statuses.push((await register(n)).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      expectRefused(await register(5), 429, 'RATE_LIMITED', /too many new persisted queries/);
    });
  });

  describe('2. the actor the subgraphs trust', () => {
    const signer = createActorSigner(keys.privateJwk);
    const licensingUrl = () => system.services.find((s) => s.name === 'licensing')!.url;
    const register = (name: string) =>
      JSON.stringify({ query: `mutation { registerInstitution(input: { name: "${name}", level: PRIMARY, ownership: PUBLIC, districtCode: "D07" }) { institution { id } } }` });
    const direct = (body: string, token?: string, extraHeaders: Record<string, string> = {}) => send(licensingUrl(), body, { ...(token ? { [ACTOR_TOKEN_HEADER]: token } : {}), ...extraHeaders });
    async function crafted(iat: number, exp: number, body: string, actor: Actor = bureauStaff) {
      return new SignJWT({ actor, bh: bodyHash(body) })
        .setProtectedHeader({ alg: 'EdDSA', kid: 'malicious-suite' })
        .setIssuer('edugraph-gateway')
        .setAudience('licensing')
        .setIssuedAt(iat)
        .setExpirationTime(exp)
        .setJti(`crafted-${iat}`)
        .sign(await importJWK(keys.privateJwk, 'EdDSA'));
    }
    const now = () => Math.floor(Date.now() / 1000);

    it('a call without the token, or with the old shared-secret headers, is refused', async () => {
      expectRefused(await direct('{"query":"{ __typename }"}'), 401, 'UNAUTHENTICATED', /missing actor token/);
      const oldStyle = { 'x-edugraph-actor': Buffer.from(JSON.stringify(bureauStaff)).toString('base64url'), 'x-edugraph-actor-signature': `t=${Date.now()},s=abc` };
      expectRefused(await direct(register('Old Header School'), undefined, oldStyle), 401, 'UNAUTHENTICATED');
    });

    it('a captured mutation token works once: replayed, or replayed with another mutation, it is refused', async () => {
      const body = register('Captured Token School');
      const token = await (await signer).sign(bureauStaff, 'licensing', body);
      expect((await direct(body, token)).body.data).toMatchObject({ registerInstitution: { institution: { id: expect.any(String) } } });
      expectRefused(await direct(body, token), 401, 'UNAUTHENTICATED', /already used for a mutation/);
      expectRefused(await direct(register('Another School'), token), 401, 'UNAUTHENTICATED', /another request body/);
    });

    it('a token for another subgraph, from another key, expired, or dated in the future is refused', async () => {
      const body = register('Wrong Token School');
      expectRefused(await direct(body, await (await signer).sign(bureauStaff, 'enrollment', body)), 401, 'UNAUTHENTICATED', /for another service/);
      const forger = await createActorSigner((await generateActorKeyPair('malicious-suite')).privateJwk);
      expectRefused(await direct(body, await forger.sign(bureauStaff, 'licensing', body)), 401, 'UNAUTHENTICATED', /bad actor token signature/);
      expectRefused(await direct(body, await crafted(now() - 100, now() - 70, body)), 401, 'UNAUTHENTICATED', /expired/);
      expectRefused(await direct(body, await crafted(now() + 240, now() + 270, body)), 401, 'UNAUTHENTICATED', /dated in the future/);
      expectRefused(await direct(body, await crafted(now(), now() + 600, body)), 401, 'UNAUTHENTICATED', /lives longer than 60 s/);
    });

    it('subgraphs listen on loopback unless configured otherwise', () => {
      const env = { DATABASE_URL: 'sqlite::memory:', KAFKA_BROKERS: '127.0.0.1:9092', REDIS_URL: 'redis://127.0.0.1:6379', EDUGRAPH_ACTOR_PUBLIC_KEYS: JSON.stringify({ keys: [keys.publicJwk] }) };
      expect(loadServiceConfig('licensing', env).host).toBe('127.0.0.1');
      expect(loadServiceConfig('licensing', { ...env, HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    });

    it('people’s tokens must carry an expiry and the configured audience', async () => {
      const secret = new TextEncoder().encode(JWT_SECRET);
      const noExp = await new SignJWT({ roles: ['BUREAU_STAFF'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('u').setIssuer('edugraph').setAudience('edugraph').sign(secret);
      expectRefused(await gql(url, '{ __typename }', {}, { authorization: `Bearer ${noExp}` }), 401, 'UNAUTHENTICATED', /no expiry/);
      const otherAudience = await issueToken(JWT_SECRET, { id: 'u', roles: ['BUREAU_STAFF'] }, '1h', 'another-system');
      expectRefused(await gql(url, '{ __typename }', {}, { authorization: `Bearer ${otherAudience}` }), 401, 'UNAUTHENTICATED', /another audience/);
    });
  });

  describe('3. subgraph calls are bounded; a failing subgraph nulls only its own fields', () => {
    let faults: RunningGateway;
    beforeAll(async () => {
      const subgraphUrls = Object.fromEntries(system.services.map((s) => [s.name, s.url]));
      const { port } = hanging.address() as { port: number };
      subgraphUrls['vocational'] = `http://127.0.0.1:${port}/graphql`; // hangs
      subgraphUrls['feedback'] = 'http://127.0.0.1:1/graphql'; // refuses connections
      faults = await startGateway(gatewayConfig(system, { subgraphUrls, subgraphTimeoutMs: 500, introspection: false }), logger);
      extra.push(faults);
    });

    it('CityQuestion answers with the other services’ data; the hung and the down service are named, their URLs are not', async () => {
      const a = await gql(faults.url, CITY);
      expect(a.status).toBe(200);
      const nodes = (a.body.data!['institutions'] as { nodes: { name: string; seatPools: unknown[] | null; programmes: unknown; satisfaction: unknown }[] }).nodes;
      expect(nodes.length).toBeGreaterThanOrEqual(20);
      expect(nodes.every((n) => n.programmes === null && n.satisfaction === null)).toBe(true);
      expect(nodes.some((n) => (n.seatPools?.length ?? 0) > 0)).toBe(true);
      const errors = a.body.errors!.map((e) => [e.extensions?.code, e.extensions?.service]);
      expect(errors).toEqual(expect.arrayContaining([['SUBGRAPH_TIMEOUT', 'vocational'], ['SUBGRAPH_UNAVAILABLE', 'feedback']]));
      expect(a.text).not.toMatch(/127\.0\.0\.1|http:\/\/|ECONNREFUSED/);
    });
  });

  describe('4. every error is JSON with a 4xx status, never HTML with a stack', () => {
    it('malformed JSON, a null body, an unsupported charset, an oversized body', async () => {
      expectRefused(await send(url, '{"query": '), 400, 'BAD_REQUEST');
      expectRefused(await send(url, 'null'), 400, 'BAD_REQUEST');
      expectRefused(await send(url, '{"query":"{ __typename }"}', { 'content-type': 'application/json; charset=latin1' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
      expectRefused(await send(url, JSON.stringify({ query: '{ __typename }', pad: 'x'.repeat(300_000) })), 413, 'PAYLOAD_TOO_LARGE');
      const subgraph = system.services.find((s) => s.name === 'enrollment')!.url;
      expectRefused(await send(subgraph, '{"query": '), 400, 'BAD_REQUEST');
      // A GET without the token: refused in JSON too (it used to be a plain-text 500)
      const get = await fetch(`${subgraph}?query=%7B__typename%7D`, { headers: { 'apollo-require-preflight': 'true' } });
      expect({ status: get.status, body: await get.json() }).toMatchObject({ status: 401, body: { errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] } });
      expectRefused(await send(url.replace('/graphql', '/nothing-here'), '{}'), 404, 'NOT_FOUND');
    });

    it('two operations without operationName is a request error, not a 500', async () => {
      expectRefused(await gql(url, 'query A { __typename } query B { __typename }'), 200, 'OPERATION_RESOLUTION_FAILURE', /2 operations; say which to run with operationName/);
    });

    it('persisted-query errors carry their own codes', async () => {
      const apq = (query: string | undefined, version: number, sha256Hash: string) => send(url, JSON.stringify({ query, extensions: { persistedQuery: { version, sha256Hash } } }));
      expectRefused(await apq(undefined, 1, 'f'.repeat(64)), 200, 'PERSISTED_QUERY_NOT_FOUND');
      expectRefused(await apq('{ __typename }', 1, 'f'.repeat(64)), 400, 'PERSISTED_QUERY_HASH_MISMATCH');
      expectRefused(await apq('{ __typename }', 2, 'f'.repeat(64)), 400, 'PERSISTED_QUERY_VERSION_UNSUPPORTED');
    });
  });

  describe('5. what the public can see', () => {
    it('introspection: on for the embedded default, off where configured (production’s default)', async () => {
      expect((await gql(url, '{ __schema { queryType { name } } }')).body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
      const faults = extra.at(-1)!;
      expectRefused(await gql(faults.url, '{ __schema { queryType { name } } }'), 200, 'GRAPHQL_VALIDATION_FAILED', /introspection is not allowed/);
      expect(loadGatewayConfig({ EDUGRAPH_ACTOR_PRIVATE_KEY: 'k', EDUGRAPH_JWT_SECRET: JWT_SECRET, NODE_ENV: 'production' }).introspection).toBe(false);
    });

    it('/metrics is not on any public port, only on the metrics port', async () => {
      expectRefused(await send(url.replace('/graphql', '/metrics'), ''), 404, 'NOT_FOUND');
      for (const s of system.services) expect((await fetch(s.url.replace('/graphql', '/metrics'))).status).toBe(404);
      expect(await (await fetch(`${system.metricsUrl}/metrics/gateway`)).text()).toMatch(/edugraph_http_request_duration_seconds/);
      expect(await (await fetch(`${system.metricsUrl}/metrics/licensing`)).text()).toMatch(/service="licensing"/);
    });
  });

  describe('6. GraphQL over HTTP', () => {
    it('passes every check of the graphql-http audit', async () => {
      const results = await auditServer({ url });
      const notOk = results.filter((r) => r.status !== 'ok').map((r) => `${r.status} ${r.id} ${r.name}`);
      expect({ checks: results.length, notOk }).toEqual({ checks: 61, notOk: [] });
    });
  });
});
