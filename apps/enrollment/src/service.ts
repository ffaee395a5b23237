import { loadSchema } from '@edugraph/platform';
import type { ServiceModule } from '@edugraph/platform';
import { School } from './entities/school.entity.ts';
import { SeatPool } from './entities/seat-pool.entity.ts';
import { seatPoolResolvers } from './graphql/seat-pool.resolver.ts';
import { institutionRegisteredHandler } from './consumers/institution-registered.handler.ts';
import { migrations } from './migrations/index.ts';

export const enrollmentService: ServiceModule = {
  name: 'enrollment',
  entities: [School, SeatPool],
  migrations,
  createService() {
    return {
      typeDefs: loadSchema(new URL('./schema.graphql', import.meta.url)),
      resolvers: seatPoolResolvers(),
      subscriptions: [{ from: ['licensing'], handlers: { 'licensing.institution.registered': institutionRegisteredHandler } }],
    };
  },
};
