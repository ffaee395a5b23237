import { loadSchema, mergeResolvers } from '@edugraph/platform';
import type { ServiceModule } from '@edugraph/platform';
import { Application, PlacementRound, Student } from './entities/application.entity.ts';
import { District, DistrictDistance } from './entities/district.entity.ts';
import { PiiAccess } from './entities/pii-access.entity.ts';
import { School } from './entities/school.entity.ts';
import { SeatPool } from './entities/seat-pool.entity.ts';
import { seatPoolResolvers } from './graphql/seat-pool.resolver.ts';
import { applicationResolvers } from './graphql/application.resolver.ts';
import { districtResolvers } from './graphql/district.resolver.ts';
import { institutionRegisteredHandler } from './consumers/institution-registered.handler.ts';
import { enrollmentCipher } from './application/personal-data.ts';
import { migrations } from './migrations/index.ts';

export const enrollmentService: ServiceModule = {
  name: 'enrollment',
  entities: [School, SeatPool, District, DistrictDistance, Application, PlacementRound, Student, PiiAccess],
  migrations,
  createService(infra) {
    const cipher = enrollmentCipher(infra.piiKeyring);
    return {
      typeDefs: loadSchema(new URL('./schema.graphql', import.meta.url)),
      resolvers: mergeResolvers(seatPoolResolvers(), districtResolvers(), applicationResolvers({ clock: infra.clock, cipher })),
      subscriptions: [{ from: ['licensing'], handlers: { 'licensing.institution.registered': institutionRegisteredHandler } }],
    };
  },
};
