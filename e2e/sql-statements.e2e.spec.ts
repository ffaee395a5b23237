import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTOR_TOKEN_HEADER, createActorSigner } from '@edugraph/auth';
import type { ServiceName } from '@edugraph/contracts';
import { InProcessTransport } from '@edugraph/events';
import { SUBGRAPH_NAMES, embeddedGatewayLimits, issueToken, startGateway } from '@edugraph/gateway';
import type { RunningGateway } from '@edugraph/gateway';
import { observeStatements } from '@edugraph/persistence';
import type { ObservedStatement } from '@edugraph/persistence';
import { REQUEST_ID_HEADER, createLogger } from '@edugraph/platform';
import type { ServiceModule } from '@edugraph/platform';
import { TEST_ACTOR_KEYS, anonymous, graphql, serviceTestDatabases, startTestService } from '@edugraph/testing';
import type { TestService } from '@edugraph/testing';
import { SERVICE_MODULES } from '../tools/start/service-modules.ts';
import { loadDemoCity } from '../tools/demo/load-demo-city.ts';
import { CITY_QUESTION, REGISTER } from './city-question.ts';
import type { CityAnswer } from './city-question.ts';

/**
 * No N+1: a page of institutions costs each subgraph at most 2 SQL statements, however many
 * institutions it holds, whether the gateway asks (CityQuestion) or references arrive directly
 * (`_entities`). Statements are counted per subgraph and per request (the request id rides in
 * MikroORM's logger context), so the relays and consumers working beside it do not count.
 */
const MAX_STATEMENTS = 2;
const JWT_SECRET = 'sql-statements-e2e-jwt-secret-0123456789abcdef';
const logger = createLogger('sql-statements', 'silent');
const signer = await createActorSigner(TEST_ACTOR_KEYS.privateJwk);

/** What each subgraph adds to Institution, as the gateway would ask it in `_entities`. */
const ENTITY_FIELDS: Record<ServiceName, string> = {
  licensing: 'id name level ownership licence { number status }',
  enrollment: 'seatPools { year grade capacity placed }',
  preschool: 'kindergarten { places enrolled inclusive }',
  vocational: 'programmes { code name annualIntake }',
  feedback: 'satisfaction { ratings average }',
};

/** What a subgraph answers for an institution it has nothing on. */
const NOTHING: Record<Exclude<ServiceName, 'licensing'>, Record<string, unknown>> = {
  enrollment: { seatPools: [] },
  preschool: { kindergarten: null },
  vocational: { programmes: [] },
  feedback: { satisfaction: { ratings: 0, average: null } },
};

const databases = await serviceTestDatabases();

describe.each(databases)('SQL statements per subgraph and request on $label', (database) => {
  const transport = new InProcessTransport();
  const seen = new Map<ServiceName, ObservedStatement[]>(SERVICE_MODULES.map((m) => [m.name, []]));
  const services = new Map<ServiceName, TestService>();
  let gateway: RunningGateway | undefined;
  let institutionIds: string[] = [];

  /** The statements each subgraph ran for the request with this id. */
  const statementsOf = (requestId: string) =>
    Object.fromEntries([...seen].map(([name, statements]) => [name, statements.filter((s) => s.context['requestId'] === requestId).length]));

  beforeAll(async () => {
    for (const module of SERVICE_MODULES) {
      const watched: ServiceModule = {
        ...module,
        createService: (infra) => {
          observeStatements(infra.orm, (statement) => seen.get(module.name)!.push(statement));
          return module.createService(infra);
        },
      };
      services.set(module.name, await startTestService(watched, { transport, database }));
    }
    gateway = await startGateway(
      {
        host: '127.0.0.1',
        port: 0,
        metrics: null,
        actorPrivateKey: JSON.stringify(TEST_ACTOR_KEYS.privateJwk),
        jwtSecret: JWT_SECRET,
        jwtAudience: 'edugraph',
        apiKeys: [],
        redisUrl: undefined,
        keyPrefix: '',
        responseCache: { maxMiB: 0, ttlSeconds: 1 },
        subgraphUrls: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, services.get(name)!.service.url])),
        trustProxy: 'loopback',
        limits: embeddedGatewayLimits,
        subgraphTimeoutMs: 30_000,
        introspection: false,
        logLevel: 'silent',
      },
      logger,
    );
    const token = await issueToken(JWT_SECRET, { id: 'sql-statements-staff', roles: ['BUREAU_STAFF'] });
    expect(await loadDemoCity(gateway.url, token, JWT_SECRET)).toEqual({ loaded: true, institutions: 20 });
    // More than a page: CityQuestion(first: 50) answers 50 institutions.
    const levels = ['PRIMARY', 'PRESCHOOL', 'VOCATIONAL', 'TRAINING'];
    for (let n = 0; n < 35; n++) {
      const input = { name: `批量学校${n}`, level: levels[n % levels.length], ownership: 'PUBLIC', districtCode: 'XS' };
      await graphql(gateway.url, REGISTER, { input }, { authorization: `Bearer ${token}` });
    }
  });
  afterAll(async () => {
    await gateway?.stop();
    for (const s of [...services.values()].reverse()) await s.stop();
    await transport.close();
  });

  it(`answers CityQuestion(first: 50) through the gateway with at most ${MAX_STATEMENTS} statements per subgraph`, async () => {
    const requestId = randomUUID();
    const { institutions } = await graphql<CityAnswer>(gateway!.url, CITY_QUESTION, {}, { [REQUEST_ID_HEADER]: requestId });
    expect(institutions.nodes).toHaveLength(50);
    expect(institutions.pageInfo.hasNextPage).toBe(true);
    institutionIds = institutions.nodes.map((n) => n.id);
    const counts = statementsOf(requestId);
    for (const name of SUBGRAPH_NAMES) expect(counts[name], name).toBeLessThanOrEqual(MAX_STATEMENTS);
    // Every subgraph that adds fields was asked, and its statements were seen (the counter works).
    for (const name of ['enrollment', 'preschool', 'vocational', 'feedback']) expect(counts[name], name).toBeGreaterThan(0);
  });

  it(`resolves 100 references sent to each subgraph directly with at most ${MAX_STATEMENTS} statements, a malformed id answering empty`, async () => {
    expect(institutionIds).toHaveLength(50);
    const unknown = Array.from({ length: 45 }, () => randomUUID());
    const malformed = ['not-a-uuid', '', "'; drop table institution; --", 'ZZZZZZZZ-0000-0000-0000-000000000000', '12345'];
    const ids = [...institutionIds, ...unknown, ...malformed];
    expect(ids).toHaveLength(100);
    const counts: Record<string, number> = {};
    for (const name of SUBGRAPH_NAMES) {
      const service = services.get(name)!;
      const requestId = randomUUID();
      const query = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Institution { ${ENTITY_FIELDS[name]} } } }`;
      const representations = ids.map((id) => ({ __typename: 'Institution', id }));
      const { _entities } = await graphql<{ _entities: (Record<string, unknown> | null)[] }>(
        service.service.url,
        query,
        { representations },
        { [REQUEST_ID_HEADER]: requestId },
        async (body) => ({ [ACTOR_TOKEN_HEADER]: await signer.sign(anonymous, name, body) }),
      );
      expect(_entities).toHaveLength(100);
      counts[name] = statementsOf(requestId)[name]!;
      // A malformed id names nothing, and does not spoil the batch it came in.
      const last = _entities.slice(-malformed.length);
      if (name === 'licensing') {
        expect(_entities.slice(0, 50).map((e) => e?.['id'])).toEqual(institutionIds);
        expect(_entities.slice(50)).toEqual(Array(50).fill(null));
      } else {
        expect(last).toEqual(Array(malformed.length).fill(NOTHING[name]));
      }
    }
    for (const name of SUBGRAPH_NAMES) {
      expect(counts[name], name).toBeGreaterThan(0);
      expect(counts[name], name).toBeLessThanOrEqual(MAX_STATEMENTS);
    }
  });

  it('batches seat pools asked for different years in one request (aliases) in one statement, each alias its own year', async () => {
    const requestId = randomUUID();
    const query = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Institution {
      all: seatPools { year } this: seatPools(year: 2026) { year } last: seatPools(year: 2025) { year } } } }`;
    const representations = institutionIds.map((id) => ({ __typename: 'Institution', id }));
    const { _entities } = await graphql<{ _entities: Record<'all' | 'this' | 'last', { year: number }[]>[] }>(
      services.get('enrollment')!.service.url,
      query,
      { representations },
      { [REQUEST_ID_HEADER]: requestId },
      async (body) => ({ [ACTOR_TOKEN_HEADER]: await signer.sign(anonymous, 'enrollment', body) }),
    );
    expect(_entities.some((e) => e.all.length > 0)).toBe(true);
    for (const e of _entities) {
      expect(e.this).toEqual(e.all.filter((p) => p.year === 2026));
      expect(e.last).toEqual([]);
    }
    expect(statementsOf(requestId)['enrollment']).toBe(1);
  });
});
