import { CachedFamily } from '@edugraph/cache';
import { loadSchema } from '@edugraph/platform';
import type { ServiceModule } from '@edugraph/platform';
import { Institution } from './entities/institution.entity.ts';
import { institutionResolvers } from './graphql/institution.resolver.ts';
import { registryChangedHandler } from './consumers/registry-changed.handler.ts';
import { migrations } from './migrations/index.ts';

/** Seconds the public institutions list may be served from cache before it is read again. */
const LIST_CACHE_SECONDS = 30;

export const licensingService: ServiceModule = {
  name: 'licensing',
  entities: [Institution],
  migrations,
  createService(infra) {
    const listCache = new CachedFamily(infra.cache, 'institutions', LIST_CACHE_SECONDS);
    return {
      typeDefs: loadSchema(new URL('./schema.graphql', import.meta.url)),
      resolvers: institutionResolvers({ listCache }),
      subscriptions: [
        {
          from: ['licensing'],
          consumer: 'licensing-registry-cache',
          handlers: { 'licensing.institution.registered': registryChangedHandler(listCache) },
        },
      ],
    };
  },
};
