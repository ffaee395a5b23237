import { ACTOR_TOKEN_HEADER, createActorSigner, generateActorKeyPair } from '@edugraph/auth';
import type { Actor } from '@edugraph/auth';
import { InProcessTransport } from '@edugraph/events';
import { createLogger, startService } from '@edugraph/platform';
import type { RunningService, ServiceModule } from '@edugraph/platform';
import { graphql } from './graphql-client.ts';

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

/** One subgraph on SQLite in memory with in-process events: the service-level test setup. */
export async function startTestService(module: ServiceModule, options: { transport?: InProcessTransport } = {}): Promise<TestService> {
  const transport = options.transport ?? new InProcessTransport();
  const service = await startService(
    module,
    {
      host: '127.0.0.1',
      port: 0,
      databaseUrl: 'sqlite::memory:',
      kafkaBrokers: undefined,
      redisUrl: undefined,
      actorPublicKeys: TEST_ACTOR_PUBLIC_KEYS,
      metrics: { host: '127.0.0.1', port: 0 },
      topicPrefix: '',
      logLevel: 'silent',
    },
    {
      transport,
      logger: createLogger(module.name, process.env['TEST_LOG_LEVEL'] ?? 'silent'),
      collectDefaultMetrics: false,
      // Longer than any test waits: events leave only because mutations and reactions nudge the relay.
      relayPollIntervalMs: 60_000,
    },
  );
  return {
    service,
    transport,
    as: (actor) => (query, variables = {}) =>
      graphql(service.url, query, variables, {}, async (body) => ({ [ACTOR_TOKEN_HEADER]: await signer.sign(actor, module.name, body) })),
    stop: () => service.stop(),
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
