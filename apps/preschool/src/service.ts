import { loadSchema } from '@edugraph/platform';
import type { ServiceModule } from '@edugraph/platform';
import { Kindergarten } from './entities/kindergarten.entity.ts';
import { kindergartenResolvers } from './graphql/kindergarten.resolver.ts';
import { institutionRegisteredHandler } from './consumers/institution-registered.handler.ts';
import { migrations } from './migrations/index.ts';

export const preschoolService: ServiceModule = {
  name: 'preschool',
  entities: [Kindergarten],
  migrations,
  createService(infra) {
    return {
      typeDefs: loadSchema(new URL('./schema.graphql', import.meta.url)),
      resolvers: kindergartenResolvers({ topicPrefix: infra.topicPrefix, eventsWritten: infra.eventsWritten }),
      subscriptions: [{ from: ['licensing'], handlers: { 'licensing.institution.registered': institutionRegisteredHandler(infra.topicPrefix) } }],
    };
  },
};
