import express from 'express';
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import type { Actor, ActorVerifier } from '@edugraph/auth';
import { ACTOR_TOKEN_HEADER } from '@edugraph/auth';
import type { Cache } from '@edugraph/cache';
import type { Logger } from 'pino';
import { sendJsonError } from './http-server.ts';
import { requestIds } from './request-log.ts';

/** The header in which the gateway tells a subgraph the base URL its caller used. */
export const PUBLIC_BASE_HEADER = 'x-edugraph-public-base';

/** Path prefixes the gateway proxies to a subgraph's REST routes, beside GraphQL. */
export const REST_PREFIXES: Readonly<Record<string, string>> = {
  '/open-data/': 'vocational',
  '/open311/': 'feedback',
};

export interface RestRequest {
  method: 'GET' | 'POST';
  params: Record<string, string>;
  query: Record<string, string>;
  /** The body exactly as sent (form, JSON or nothing); the route parses what it accepts. */
  body: Buffer;
  contentType: string | undefined;
  /** Who calls, as the gateway signed it: anonymous, a person or a system with an API key. */
  actor: Actor;
  em: EntityManager;
  /** The base URL the caller used (scheme and host of the gateway), for links in answers. */
  publicBase: string;
  correlationId: string;
}

export interface RestResponse {
  status: number;
  contentType: string;
  body: string;
}

/**
 * A plain HTTP route a service serves beside GraphQL (open data, Open311). Only the gateway may
 * call it, with an actor token over the exact body as for GraphQL; a POST's token works once.
 */
export interface RestRoute {
  method: 'GET' | 'POST';
  /** An Express path under one of REST_PREFIXES, e.g. `/open311/v2/requests/:id.:format`. */
  path: string;
  handle(request: RestRequest): Promise<RestResponse>;
}

/** Mounts a service's REST routes: verified actor, a forked entity manager, errors as JSON. */
export function mountRestRoutes(
  app: express.Express,
  routes: readonly RestRoute[],
  o: { orm: MikroORM; verifier: ActorVerifier; cache: Cache; logger: Logger; afterWrite(): void },
): void {
  const raw = express.raw({ type: () => true, limit: '1mb' });
  for (const route of routes) {
    const method = route.method === 'GET' ? 'get' : 'post';
    app[method](route.path, raw, async (req, res, next) => {
      try {
        const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const verified = await o.verifier.verify(req.header(ACTOR_TOKEN_HEADER), body);
        if (!verified.ok) return sendJsonError(res, 401, 'UNAUTHENTICATED', `Refused: ${verified.reason}. Call this service through the gateway.`);
        if (route.method === 'POST' && !(await o.cache.claim(`actor-token:${verified.jti}`, Math.max(1, verified.expiresAt - Math.floor(Date.now() / 1000))))) {
          return sendJsonError(res, 401, 'UNAUTHENTICATED', 'Refused: this actor token was already used for a write. Call this service through the gateway.');
        }
        const { correlationId, requestId } = requestIds(res);
        const answer = await route.handle({
          method: route.method,
          params: req.params as Record<string, string>,
          query: Object.fromEntries(Object.entries(req.query).map(([k, v]) => [k, Array.isArray(v) ? String(v[0]) : String(v)])),
          body,
          contentType: req.header('content-type'),
          actor: verified.actor,
          em: o.orm.em.fork({ loggerContext: { requestId } }),
          publicBase: req.header(PUBLIC_BASE_HEADER) ?? `${req.protocol}://${req.header('host') ?? 'localhost'}`,
          correlationId,
        });
        if (route.method === 'POST') o.afterWrite();
        res.status(answer.status).type(answer.contentType).send(answer.body);
      } catch (error) {
        next(error);
      }
    });
  }
}
