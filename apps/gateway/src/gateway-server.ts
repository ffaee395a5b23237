import { readFileSync } from 'node:fs';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { signActorHeaders } from '@edugraph/auth';
import type { Actor } from '@edugraph/auth';
import { RateLimitExceeded, connectRedis, createRateLimit } from '@edugraph/cache';
import type { RedisClient } from '@edugraph/cache';
import { CORRELATION_ID_HEADER, REQUEST_ID_HEADER, createHttpApp, createMetrics, listen, requestIds } from '@edugraph/platform';
import { authenticate } from './authenticate.ts';
import type { GatewayConfig } from './gateway-config.ts';
import { aliasLimit, depthAndCostLimit } from './query-limits.ts';

interface GatewayContext {
  actor: Actor;
  requestId: string;
  correlationId: string;
}

export interface RunningGateway {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const supergraphSdl = () => readFileSync(new URL('../supergraph.graphql', import.meta.url), 'utf8');

/** Forwards who asks to every subgraph in a header signed with the shared secret. */
class SignedActorDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly actorSecret: string;
  constructor(url: string, actorSecret: string) {
    super({ url });
    this.actorSecret = actorSecret;
  }
  override willSendRequest({ request, context }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0]): void {
    if (!context.actor) return; // the gateway's own health probes carry no actor
    for (const [name, value] of Object.entries(signActorHeaders(context.actor, this.actorSecret))) request.http?.headers.set(name, value);
    request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
    request.http?.headers.set(CORRELATION_ID_HEADER, context.correlationId);
  }
}

/**
 * The public edge: authenticates people (JWT) and city systems (API keys), applies depth, alias,
 * token and rate limits, and plans each query across the five subgraphs.
 */
export async function startGateway(config: GatewayConfig, logger: Logger): Promise<RunningGateway> {
  const metrics = createMetrics('gateway', true);
  const redis: RedisClient | undefined = config.redisUrl ? await connectRedis(config.redisUrl, () => {}) : undefined;
  const limiter = createRateLimit({ points: config.limits.requestsPerMinute, durationSeconds: 60, keyPrefix: 'gateway-rate', ...(redis ? { redis } : {}) });
  const gateway = new ApolloGateway({
    supergraphSdl: supergraphSdl(),
    buildService: ({ name, url }) => new SignedActorDataSource(config.subgraphUrls[name] ?? url!, config.actorSecret),
  });
  // Ready when every subgraph answers: the gateway alone cannot answer anything.
  const readiness = Object.fromEntries(
    Object.entries(config.subgraphUrls).map(([name, url]) => [
      name,
      () => fetch(url.replace(/\/graphql$/, '/health/live'), { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false),
    ]),
  );
  const { app, httpServer } = createHttpApp({ service: 'gateway', logger, metrics, readiness });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer })],
    validationRules: [depthAndCostLimit(config.limits.maxDepth, config.limits.maxCost), aliasLimit(config.limits.maxAliases)],
    parseOptions: { maxTokens: config.limits.maxTokens },
    includeStacktraceInErrorResponses: false,
    introspection: true,
  });
  await apollo.start();

  app.set('trust proxy', config.trustProxy);
  app.use(
    '/graphql',
    express.json({ limit: '256kb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const auth = await authenticate({ authorization: req.header('authorization'), apiKey: req.header('x-api-key') }, config.jwtSecret, config.apiKeys);
        if (!auth.ok) throw new GraphQLError(auth.message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
        try {
          await limiter.consume(auth.actor.kind === 'anonymous' ? `ip:${req.ip}` : `actor:${auth.actor.id}`);
        } catch (error) {
          if (error instanceof RateLimitExceeded) {
            throw new GraphQLError(`Too many requests: ${error.message}.`, {
              extensions: { code: 'RATE_LIMITED', http: { status: 429, headers: new Map([['retry-after', String(Math.ceil(error.retryAfterMs / 1000))]]) } },
            });
          }
          throw error;
        }
        return { actor: auth.actor, ...requestIds(res) };
      },
    }),
  );

  const { port, url } = await listen(httpServer, config.host, config.port);
  logger.info({ url, subgraphs: config.subgraphUrls }, 'gateway ready');
  return {
    url,
    port,
    stop: async () => {
      await apollo.stop();
      if (redis?.isOpen) await redis.close();
    },
  };
}
