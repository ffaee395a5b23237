import { ACTOR_TOKEN_HEADER, createActorSigner, generateActorKeyPair, generatePiiKeyring } from '@edugraph/auth';
import type { Actor } from '@edugraph/auth';
import { InProcessTransport } from '@edugraph/events';
import { createLogger, startService } from '@edugraph/platform';
import type { RunningService, ServiceModule } from '@edugraph/platform';
import { GraphQLRequestError, graphql } from './graphql-client.ts';
import { createTestDatabase, infraUrl } from './infra.ts';

/** One keyring for personal data per test run. */
export const TEST_PII_KEYS = generatePiiKeyring('test-pii');

/** The key pair test services trust: tests sign as the gateway would, with its private half. */
export const TEST_ACTOR_KEYS = await generateActorKeyPair('test-key');
export const TEST_ACTOR_PUBLIC_KEYS = JSON.stringify({ keys: [TEST_ACTOR_KEYS.publicJwk] });
const signer = await createActorSigner(TEST_ACTOR_KEYS.privateJwk);

export interface TestService {
  service: RunningService;
  transport: InProcessTransport;
  /** Sends a GraphQL operation as `actor`, signed as the gateway would. */
  as(actor: Actor): <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>) => Promise<T>;
  stop(): Promise<void>;
}

/** A database service-level tests run on; the label names it in the suite's title. */
export interface ServiceTestDatabase {
  label: 'SQLite' | 'PostgreSQL';
  /** PostgreSQL's admin URL: each service started on it gets a database of its own, dropped on stop. */
  adminUrl?: string;
}

export const SQLITE_IN_MEMORY: ServiceTestDatabase = { label: 'SQLite' };

/**
 * Every database a service-level suite runs on, so that both answer the same: SQLite in memory
 * always, and PostgreSQL from DATABASE_URL (or Docker). Without one, the PostgreSQL runs are skipped
 * with one loud line, and with EDUGRAPH_REQUIRE_INFRA=1 the run fails.
 */
export async function serviceTestDatabases(): Promise<ServiceTestDatabase[]> {
  const adminUrl = await infraUrl('postgres');
  return adminUrl ? [SQLITE_IN_MEMORY, { label: 'PostgreSQL', adminUrl }] : [SQLITE_IN_MEMORY];
}

/** One subgraph with in-process events, on SQLite in memory unless told otherwise: the service-level test setup. */
export async function startTestService(
  module: ServiceModule,
  options: { transport?: InProcessTransport; database?: ServiceTestDatabase; clock?: () => Date } = {},
): Promise<TestService> {
  const transport = options.transport ?? new InProcessTransport();
  const adminUrl = options.database?.adminUrl;
  const database = adminUrl ? await createTestDatabase(adminUrl, module.name) : undefined;
  const service = await startService(
    module,
    {
      host: '127.0.0.1',
      port: 0,
      databaseUrl: database?.url ?? 'sqlite::memory:',
      kafkaBrokers: undefined,
      redisUrl: undefined,
      actorPublicKeys: TEST_ACTOR_PUBLIC_KEYS,
      metrics: { host: '127.0.0.1', port: 0 },
      topicPrefix: '',
      piiKeys: TEST_PII_KEYS,
      logLevel: 'silent',
    },
    {
      transport,
      logger: createLogger(module.name, process.env['TEST_LOG_LEVEL'] ?? 'silent'),
      collectDefaultMetrics: false,
      // Longer than any test waits: events leave only because mutations and reactions nudge the
      // relay (a nudge that comes mid-round sends it round again), on both databases.
      relayPollIntervalMs: 60_000,
      // Scheduled jobs run when a test calls service.runJobs(), at the time its clock says.
      scheduleJobs: false,
      ...(options.clock ? { clock: options.clock } : {}),
    },
  ).catch(async (error: unknown) => {
    await database?.drop();
    throw error;
  });
  return {
    service,
    transport,
    as: (actor) => (query, variables = {}) =>
      graphql(service.url, query, variables, {}, async (body) => ({ [ACTOR_TOKEN_HEADER]: await signer.sign(actor, module.name, body) })),
    stop: async () => {
      try {
        await service.stop();
      } finally {
        await database?.drop();
      }
    },
  };
}

/** Polls until `check` passes (events cross services asynchronously); fails with the last error. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 15_000, intervalMs = 100): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  }
}

/** The first error a refused operation answered, as the caller sees it; fails when it was not refused. */
export async function refusalOf(operation: Promise<unknown>): Promise<{ code: string | undefined; message: string | undefined }> {
  try {
    await operation;
  } catch (error) {
    if (!(error instanceof GraphQLRequestError)) throw error;
    return { code: error.code, message: error.errors[0]?.message };
  }
  throw new Error('expected the operation to be refused, but it succeeded');
}
