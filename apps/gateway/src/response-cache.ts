import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import { Counter } from 'prom-client';
import type { Registry } from 'prom-client';
import type { DataVersions } from '@edugraph/cache';
import type { EdgeContext } from './edge-limits.ts';

export interface ResponseCacheOptions {
  versions: DataVersions;
  /** Every subgraph: an answer is keyed by all their versions, whichever it asked. */
  services: readonly string[];
  /** Memory the cached answers may take in this gateway (least recently used go first). */
  maxMiB: number;
  /** Longest an answer is kept even if nothing changes; invalidation does not wait for it. */
  ttlSeconds: number;
  registry: Registry;
}

/** The only caller class whose answers are cached: the anonymous public sees only public data. */
const PUBLIC = 'public';
const callerClass = (context: EdgeContext) => (context.actor.kind === 'anonymous' ? PUBLIC : null);

/**
 * Anonymous queries are answered from a cache keyed by the document, operation name, variables,
 * caller class and the data version of every subgraph (see DataVersions). A subgraph replaces its
 * version after each committed change — a mutation, its events published, another service's event
 * applied — so a cached answer is never served after a change it does not show, and an answer
 * computed while a reaction was still under way is replaced once the reaction commits. Versions
 * are read before the subgraphs are asked, so an answer is only ever newer than its key.
 * People and city systems are never answered from the cache nor stored in it: what they see
 * depends on who they are. Answers with errors are not stored. No HTTP caching headers are sent:
 * a proxy could not know when an answer went stale.
 */
export function publicResponseCache(o: ResponseCacheOptions): ApolloServerPlugin<EdgeContext>[] {
  const answers = new Counter({
    name: 'edugraph_gateway_response_cache_total',
    help: 'Queries by response-cache outcome: hit, miss (stored for the next), bypass (not public, or versions unknown)',
    labelNames: ['outcome'],
    registers: [o.registry],
  });
  const cacheable = (request: GraphQLRequestContext<EdgeContext>) => callerClass(request.contextValue) !== null && request.contextValue.dataVersions !== undefined;
  const outcome: ApolloServerPlugin<EdgeContext> = {
    async requestDidStart() {
      return {
        async willSendResponse(request) {
          if (request.operation?.operation !== 'query') return;
          const result = !cacheable(request) ? 'bypass' : request.metrics.responseCacheHit ? 'hit' : 'miss';
          answers.inc({ outcome: result });
          request.response.http.headers.set('x-edugraph-cache', result);
          // The cache's storage rule reads the request's cache policy: public, for the configured time.
          if (result === 'miss') request.overallCachePolicy.replace({ maxAge: o.ttlSeconds, scope: 'PUBLIC' });
        },
      };
    },
  };
  return [
    ApolloServerPluginCacheControl({ calculateHttpHeaders: false, defaultMaxAge: 0 }),
    outcome,
    responseCachePlugin<EdgeContext>({
      cache: new InMemoryLRUCache<string>({ maxSize: o.maxMiB * 2 ** 20 }),
      sessionId: async () => null,
      extraCacheKeyData: async (request) => {
        const context = request.contextValue;
        const caller = callerClass(context);
        if (caller === null) return null;
        context.dataVersions = await o.versions.read(o.services);
        return { caller, versions: context.dataVersions };
      },
      shouldReadFromCache: async (request) => cacheable(request),
      shouldWriteToCache: async (request) => cacheable(request),
    }),
  ];
}
