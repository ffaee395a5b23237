import express from 'express';
import { ApolloServer } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { GraphQLError } from 'graphql';
import type { DocumentNode } from 'graphql';
import type { MikroORM } from '@mikro-orm/core';
import { ACTOR_TOKEN_HEADER, createActorVerifier } from '@edugraph/auth';
import type { Cache } from '@edugraph/cache';
import type { Logger } from 'pino';
import { AppError } from './app-error.ts';
import type { Metrics } from './metrics.ts';
import { createLoaderRegistry } from './request-context.ts';
import type { RequestContext } from './request-context.ts';
import { requestIds } from './request-log.ts';
import { createHttpApp, ensureBody, listen } from './http-server.ts';
import { mountRestRoutes } from './rest-routes.ts';
import type { RestRoute } from './rest-routes.ts';
import type { ReadinessCheck } from './http-server.ts';

/** Resolver map of a subgraph: type name → field name → resolver (or __resolveReference). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Resolvers = Record<string, Record<string, any>>;

/** One resolver map from several (a service's parts each resolve their own types and fields); a field resolved twice is a mistake. */
export function mergeResolvers(...maps: Resolvers[]): Resolvers {
  const merged: Resolvers = {};
  for (const map of maps) {
    for (const [type, fields] of Object.entries(map)) {
      const target = (merged[type] ??= {});
      for (const [field, resolver] of Object.entries(fields)) {
        if (field in target) throw new Error(`resolver ${type}.${field} is defined twice`);
        target[field] = resolver;
      }
    }
  }
  return merged;
}

export interface SubgraphServerOptions {
  name: string;
  host: string;
  port: number;
  typeDefs: DocumentNode;
  resolvers: Resolvers;
  orm: MikroORM;
  logger: Logger;
  metrics: Metrics;
  /** The gateway's public keys (JWKS JSON): a request counts only with a token they verify. */
  actorPublicKeys: string;
  /** Where used actor-token ids are remembered, so a mutation's token works once (shared by replicas). */
  cache: Cache;
  readiness: Record<string, ReadinessCheck>;
  /** Reported in /health/ready, never failing it. */
  dependencies?: Record<string, ReadinessCheck>;
  /** Called after each mutation: it may have written outbox rows that should leave now. */
  afterMutation(): void;
  restRoutes?: RestRoute[];
}

export interface RunningHttpServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The request context plus the actor token's id and remaining life, for the replay check. */
type SubgraphContext = RequestContext & { actorTokenId: string; actorTokenTtlSeconds: number };

type FormattedError = { message: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> };

/**
 * Turns an error into what the caller sees: our AppErrors keep their code, message and details;
 * anything unexpected is logged with its stack and shown as a generic internal error.
 */
function formatError(metrics: Metrics, logger: Logger) {
  return (formatted: FormattedError, error: unknown): FormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof AppError) {
      metrics.graphqlErrors.inc({ code: original.code });
      const extensions = { ...formatted.extensions, code: original.code, ...(original.details ? { details: original.details } : {}) };
      return { ...formatted, message: original.message, extensions };
    }
    if ((original as Error | undefined)?.name === 'OptimisticLockError') {
      metrics.graphqlErrors.inc({ code: 'CONFLICT' });
      const message = 'Someone else changed this at the same moment; reload it and try again.';
      return { message, ...(formatted.path ? { path: formatted.path } : {}), extensions: { code: 'CONFLICT' } };
    }
    const code = String(formatted.extensions?.['code'] ?? 'INTERNAL_SERVER_ERROR');
    metrics.graphqlErrors.inc({ code });
    if (code !== 'INTERNAL_SERVER_ERROR') return formatted;
    logger.error({ err: original, path: formatted.path }, 'unexpected error in resolver');
    return { message: 'Internal error; it has been logged. Please try again later.', ...(formatted.path ? { path: formatted.path } : {}), extensions: { code } };
  };
}

/** Refused before any resolver runs: the caller is not the gateway, or is replaying it. */
function refuse(reason: string): GraphQLError {
  return new GraphQLError(`Refused: ${reason}. Call this service through the gateway.`, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

type RawBodyRequest = express.Request & { rawBody?: Buffer };

export async function startSubgraphServer(o: SubgraphServerOptions): Promise<RunningHttpServer> {
  const { app, httpServer, mountGraphql } = createHttpApp({ service: o.name, logger: o.logger, metrics: o.metrics, readiness: o.readiness, ...(o.dependencies ? { dependencies: o.dependencies } : {}) });
  const verifier = createActorVerifier(o.actorPublicKeys, o.name);
  const apollo = new ApolloServer<SubgraphContext>({
    // The process's own shutdown (onShutdownSignal) stops it; Apollo's handler would re-raise the
    // signal, which reads as a second Ctrl+C and exits before the outbox is drained.
    stopOnTerminationSignals: false,
    schema: buildSubgraphSchema([{ typeDefs: o.typeDefs, resolvers: o.resolvers as never }]),
    formatError: formatError(o.metrics, o.logger),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginInlineTraceDisabled(),
      {
        async requestDidStart() {
          return {
            // A query may be repeated harmlessly (the token is bound to its body for 30 s); a
            // mutation's token is spent on first use, on every replica, so it cannot be replayed.
            async didResolveOperation({ operation, contextValue }) {
              if (operation?.operation !== 'mutation') return;
              const first = await o.cache.claim(`actor-token:${contextValue.actorTokenId}`, contextValue.actorTokenTtlSeconds);
              if (!first) throw refuse('this actor token was already used for a mutation');
            },
            async willSendResponse({ operation }) {
              if (operation?.operation === 'mutation') o.afterMutation();
            },
          };
        },
      },
    ],
    // Stack traces go to the log, never to callers.
    includeStacktraceInErrorResponses: false,
    introspection: true,
  });
  await apollo.start();

  mountRestRoutes(app, o.restRoutes ?? [], { orm: o.orm, verifier, cache: o.cache, logger: o.logger, afterWrite: o.afterMutation });
  mountGraphql([
    // The token carries the hash of the exact bytes the gateway sent: keep them to compare.
    express.json({ limit: '8mb', verify: (req, _res, buf) => ((req as RawBodyRequest).rawBody = buf) }),
    ensureBody,
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const token = req.header(ACTOR_TOKEN_HEADER);
        const verification = await verifier.verify(token, (req as RawBodyRequest).rawBody ?? '');
        if (!verification.ok) throw refuse(verification.reason);
        const { requestId, correlationId } = requestIds(res);
        // The request id rides along with every statement the request runs (MikroORM's logger context).
        const em = o.orm.em.fork({ loggerContext: { requestId } });
        return {
          actor: verification.actor,
          actorTokenId: verification.jti,
          actorTokenTtlSeconds: Math.max(1, verification.expiresAt - Math.floor(Date.now() / 1000) + 5),
          em,
          loaders: createLoaderRegistry(em),
          requestId,
          correlationId,
          logger: o.logger.child({ requestId, correlationId }),
        };
      },
    }),
  ]);

  const { port, url } = await listen(httpServer, o.host, o.port);
  return {
    url,
    port,
    close: async () => {
      await apollo.stop();
    },
  };
}
