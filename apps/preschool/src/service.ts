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
  createService() {
    return {
      typeDefs: loadSchema(new URL('./schema.graphql', import.meta.url)),
      resolvers: kindergartenResolvers(),
      subscriptions: [{ from: ['licensing'], handlers: { 'licensing.institution.registered': institutionRegisteredHandler } }],
    };
  },
};
