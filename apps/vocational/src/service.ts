import { loadSchema } from '@edugraph/platform';
import type { ServiceModule } from '@edugraph/platform';
import { Programme } from './entities/programme.entity.ts';
import { VocationalSchool } from './entities/vocational-school.entity.ts';
import { programmeResolvers } from './graphql/programme.resolver.ts';
import { institutionRegisteredHandler } from './consumers/institution-registered.handler.ts';
import { migrations } from './migrations/index.ts';

export const vocationalService: ServiceModule = {
  name: 'vocational',
  entities: [VocationalSchool, Programme],
  migrations,
  createService() {
    return {
      typeDefs: loadSchema(new URL('./schema.graphql', import.meta.url)),
      resolvers: programmeResolvers(),
      subscriptions: [{ from: ['licensing'], handlers: { 'licensing.institution.registered': institutionRegisteredHandler } }],
    };
  },
};
