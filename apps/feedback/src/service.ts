import { loadSchema } from '@edugraph/platform';
import type { ServiceModule } from '@edugraph/platform';
import { KnownInstitution } from './entities/known-institution.entity.ts';
import { Rating } from './entities/rating.entity.ts';
import { satisfactionResolvers } from './graphql/satisfaction.resolver.ts';
import { institutionRegisteredHandler } from './consumers/institution-registered.handler.ts';
import { migrations } from './migrations/index.ts';

export const feedbackService: ServiceModule = {
  name: 'feedback',
  entities: [KnownInstitution, Rating],
  migrations,
  createService() {
    return {
      typeDefs: loadSchema(new URL('./schema.graphql', import.meta.url)),
      resolvers: satisfactionResolvers(),
      subscriptions: [{ from: ['licensing'], handlers: { 'licensing.institution.registered': institutionRegisteredHandler } }],
    };
  },
};
