import { readFileSync } from 'node:fs';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloGateway } from '@apollo/gateway';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import { Lexer, Source, TokenKind } from 'graphql';
import type { DocumentNode, GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { createActorSigner } from '@edugraph/auth';
import type { Actor } from '@edugraph/auth';
import { CommandGuard, RedisDataVersions, closeRedis, connectRedis } from '@edugraph/cache';
import type { DataVersions, SharedRedis } from '@edugraph/cache';
import { createHttpApp, createMetrics, ensureBody, listen, requestIds, sendJsonError, startMetricsServer } from '@edugraph/platform';
import type { RunningMetricsServer } from '@edugraph/platform';
import { authenticate } from './authenticate.ts';
import { SUBGRAPH_NAMES } from './gateway-config.ts';
import type { GatewayConfig } from './gateway-config.ts';
import { ActorDataSource } from './actor-data-source.ts';
import { createEdgeLimits } from './edge-limits.ts';
import { mountRestProxy } from './rest-proxy.ts';
import type { EdgeContext } from './edge-limits.ts';
import { armorProtection, limitError } from './query-limits.ts';
import { legacyJsonStatus } from './http-status.ts';
import { publicResponseCache } from './response-cache.ts';

export interface RunningGateway {
  url: string;
  port: number;
  /** Base URL of the gateway's metrics server, when it runs one. */
  metricsUrl: string | undefined;
  metricsRegistry: ReturnType<typeof createMetrics>['registry'];
  stop(): Promise<void>;
}

/** Parsed documents and query plans kept per distinct query, each bounded to this many MiB. */
const PARSED_CACHE_MIB = 8;

const supergraphSdl = () => readFileSync(new URL('../supergraph.graphql', import.meta.url), 'utf8');

/** Apollo's own request errors that carry an HTTP status but no code get one a client can act on. */
const UNCODED_REQUEST_ERRORS: [RegExp, string, string][] = [
  [/^Unsupported persisted query version/, 'PERSISTED_QUERY_VERSION_UNSUPPORTED', 'Only version 1 of automatic persisted queries is supported.'],
  [/^provided sha does not match query/, 'PERSISTED_QUERY_HASH_MISMATCH', 'The persisted query hash does not match the query text (SHA-256 of the query, hex).'],
];

/** graphql-js stops parsing at the token limit without saying how many there were: count them. */
function countTokens(query: string): number {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) count++;
  } catch {
    // a syntax error further on: the count so far is what the parser had seen
  }
  return count;
}

const LIMIT_CODES = new Set(['QUERY_TOO_DEEP', 'TOO_MANY_ALIASES', 'TOO_MANY_DIRECTIVES', 'QUERY_TOO_COMPLEX']);

function formatGatewayError(logger: Logger, maxTokens: number) {
  return (formatted: { message: string; extensions?: Record<string, unknown> }, error: unknown) => {
    const source = (error as { source?: Source }).source;
    if (formatted.extensions?.['code'] === 'GRAPHQL_PARSE_FAILED' && source && /contains more th[ae][nt] \d+ tokens/.test(formatted.message)) {
      return { message: `The query has ${countTokens(source.body)} tokens; the limit is ${maxTokens}. Send a shorter query.`, extensions: { code: 'TOO_MANY_TOKENS' } };
    }
    // Apollo files every validation rule's error under GRAPHQL_VALIDATION_FAILED; the edge's limits keep their own code.
    const limitCode = ((error as GraphQLError).originalError as GraphQLError | undefined)?.extensions?.['code'];
    if (formatted.extensions?.['code'] === 'GRAPHQL_VALIDATION_FAILED' && typeof limitCode === 'string' && LIMIT_CODES.has(limitCode)) {
      return { ...formatted, extensions: { ...formatted.extensions, code: limitCode } };
    }
    if (formatted.extensions?.['code'] !== 'INTERNAL_SERVER_ERROR') return formatted;
    const original = unwrapResolverError(error) as { message?: string; extensions?: { http?: { status?: number } } } | undefined;
    const known = UNCODED_REQUEST_ERRORS.find(([pattern]) => pattern.test(original?.message ?? ''));
    if (known) return { message: known[2], extensions: { code: known[1] } };
    logger.error({ err: original }, 'unexpected error at the gateway');
    return { message: 'Internal error; it has been logged. Please try again later.', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

/** Several operations and no `operationName`: a request error, not an internal one. */
const operationChoice: ApolloServerPlugin<EdgeContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, request, document }) {
        if (operation) return;
        const count = document.definitions.filter((d) => d.kind === 'OperationDefinition').length;
        throw limitError(
          'OPERATION_RESOLUTION_FAILURE',
          request.operationName ? `The document has no operation named "${request.operationName}".` : `The document holds ${count} operations; say which to run with operationName.`,
        );
      },
    };
  },
};

/**
 * The public edge: authenticates people (JWT) and city systems (API keys), applies the query
 * limits and cost-based rate limits, and plans each query across the five subgraphs, calling each
 * with a fresh actor token only this gateway can sign.
 */
export async function startGateway(config: GatewayConfig, logger: Logger, options: { dataVersions?: DataVersions } = {}): Promise<RunningGateway> {
  const metrics = createMetrics('gateway', true);
  // The guard bounds every Redis command, falls back to memory while Redis is down or hung, and
  // logs the outage (the client's own error events repeat on every reconnect attempt: not logged).
  const redis: SharedRedis | undefined = config.redisUrl
    ? {
        client: await connectRedis(config.redisUrl, () => {}),
        guard: new CommandGuard({ logger, backend: 'Redis', fallback: 'counting rate limits in this process', commandTimeoutMs: config.redisCommandTimeoutMs }),
      }
    : undefined;
  const limits = createEdgeLimits(config.limits, redis);
  // The subgraphs' data versions: shared in memory by the embedded default, else in Redis. A
  // gateway that can see neither caches nothing (it could not tell when an answer went stale).
  const dataVersions =
    options.dataVersions ??
    (redis
      ? new RedisDataVersions(
          { client: redis.client, guard: new CommandGuard({ logger, backend: 'Redis (data versions)', fallback: 'answering without the response cache', commandTimeoutMs: config.redisCommandTimeoutMs }) },
          { prefix: config.keyPrefix },
        )
      : undefined);
  const responseCache =
    dataVersions && config.responseCache.maxMiB > 0
      ? publicResponseCache({ versions: dataVersions, services: SUBGRAPH_NAMES, ...config.responseCache, registry: metrics.registry })
      : [];
  const signer = await createActorSigner(config.actorPrivateKey);
  const dataSources: ActorDataSource[] = [];
  const gateway = new ApolloGateway({
    supergraphSdl: supergraphSdl(),
    // Each distinct query leaves a plan behind; bound them (Apollo's default is 30 MiB).
    experimental_approximateQueryPlanStoreMiB: PARSED_CACHE_MIB,
    buildService: ({ name, url }) => {
      const source = new ActorDataSource({ name, url: config.subgraphUrls[name] ?? url!, signer, timeoutMs: config.subgraphTimeoutMs, logger });
      dataSources.push(source);
      return source;
    },
  });
  // Ready when every subgraph answers: the gateway alone cannot answer anything.
  const readiness = Object.fromEntries(
    Object.entries(config.subgraphUrls).map(([name, url]) => [
      name,
      () => fetch(url.replace(/\/graphql$/, '/health/live'), { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false),
    ]),
  );
  const { app, httpServer, mountGraphql } = createHttpApp({ service: 'gateway', logger, metrics, readiness });
  mountRestProxy(app, { subgraphUrls: config.subgraphUrls, signer, credentials: config, logger, timeoutMs: config.subgraphTimeoutMs, charge: limits.restCall, publicUrl: config.publicUrl });
  const armor = armorProtection(config.limits);
  const apollo = new ApolloServer<EdgeContext>({
    gateway,
    // The process's own shutdown (onShutdownSignal) stops it; Apollo's handler would re-raise the signal.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ...(config.introspection ? [] : [ApolloServerPluginLandingPageDisabled()]),
      // graphql-armor's types name the CommonJS build of @apollo/server; the plugins are the same.
      ...(armor.plugins as unknown as ApolloServerPlugin<EdgeContext>[]),
      operationChoice,
      limits.costPlugin(),
      ...responseCache,
    ],
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: config.limits.maxTokens },
    formatError: formatGatewayError(logger, config.limits.maxTokens),
    // Automatic persisted queries in a cache bounded in size (characters of query text); registrations are rate limited per caller.
    documentStore: new InMemoryLRUCache<DocumentNode>({ maxSize: PARSED_CACHE_MIB * 2 ** 20 }),
    persistedQueries: { cache: new InMemoryLRUCache<string>({ maxSize: config.limits.persistedQueryCacheSize }), ttl: 3600 },
    allowBatchedHttpRequests: false,
    // Credentials travel only in headers (a bearer token, an API key), never in cookies, so a
    // cross-site request carries nobody's authority; GET queries must work for plain HTTP clients.
    csrfPrevention: false,
    includeStacktraceInErrorResponses: false,
    introspection: config.introspection,
  });
  await apollo.start();

  app.set('trust proxy', config.trustProxy);
  // The caller is authenticated once, before the body is read: the public sends short queries, a
  // signed-in caller may send a school's whole catalogue snapshot (up to 2,000 programmes) as
  // variables, and a made-up credential buys nothing. The answer is kept for the GraphQL context.
  const publicBody = express.json({ limit: '256kb' });
  const signedInBody = express.json({ limit: '4mb' });
  const jsonBody: express.RequestHandler = async (req, res, next) => {
    const auth = await authenticate({ authorization: req.header('authorization'), apiKey: req.header('x-api-key') }, config);
    if (!auth.ok) return sendJsonError(res, 401, 'UNAUTHENTICATED', auth.message);
    res.locals['actor'] = auth.actor;
    return (auth.actor.kind === 'anonymous' ? publicBody : signedInBody)(req, res, next);
  };
  mountGraphql([
    limits.arrival,
    jsonBody,
    ensureBody,
    limits.queryLength,
    legacyJsonStatus,
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const actor = res.locals['actor'] as Actor;
        const ipKey = `ip:${req.ip}`;
        const callerKey = actor.kind === 'anonymous' ? ipKey : `actor:${actor.id}`;
        await limits.persistedQueryRegistration(req.body, callerKey);
        return { actor, callerKey, ipKey, ...requestIds(res) };
      },
    }),
  ]);

  let metricsServer: RunningMetricsServer | undefined;
  if (config.metrics) metricsServer = await startMetricsServer(config.metrics.host, config.metrics.port, { gateway: metrics.registry });
  const { port, url } = await listen(httpServer, config.host, config.port);
  logger.info(
    { url, metrics: metricsServer?.url, subgraphs: config.subgraphUrls, introspection: config.introspection, responseCache: responseCache.length > 0 ? `${config.responseCache.maxMiB} MiB` : 'off' },
    'gateway ready',
  );
  return {
    url,
    port,
    metricsUrl: metricsServer?.url,
    metricsRegistry: metrics.registry,
    stop: async () => {
      await apollo.stop();
      await Promise.all(dataSources.map((s) => s.close()));
      await metricsServer?.close();
      if (redis) await closeRedis(redis.client);
    },
  };
}
