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
import { fundingResolvers } from './graphql/funding.resolver.ts';
import { waitlistHandlers, waitlistResolvers } from './graphql/waitlist.resolver.ts';
import { FUNDING_ENTITIES } from './entities/funding.entity.ts';
import { institutionRegisteredHandler } from './consumers/institution-registered.handler.ts';
import { institutionChangedHandler, institutionRetiredHandler } from './consumers/institution-changed.handler.ts';
import { enrollmentCipher } from './application/personal-data.ts';
import { migrations } from './migrations/index.ts';
import { runPersonalDataJob } from './application/personal-data.job.ts';
import { todayInShanghai } from '@edugraph/rules';

/** Closing finished applications and erasing expired personal data: a day's work, looked at hourly. */
const PERSONAL_DATA_JOB_EVERY_MS = 3_600_000;

export const enrollmentService: ServiceModule = {
  name: 'enrollment',
  entities: [School, SeatPool, District, DistrictDistance, Application, PlacementRound, Student, PiiAccess, ...FUNDING_ENTITIES],
  migrations,
  createService(infra) {
    const cipher = enrollmentCipher(infra.piiKeyring);
    const deps = { clock: infra.clock, cipher };
    return {
      typeDefs: loadSchema(new URL('./schema.graphql', import.meta.url)),
      resolvers: mergeResolvers(seatPoolResolvers(), districtResolvers(), applicationResolvers(deps), fundingResolvers(deps), waitlistResolvers(deps)),
      subscriptions: [
        {
          from: ['licensing'],
          handlers: {
            'licensing.institution.registered': institutionRegisteredHandler,
            'licensing.institution.changed': institutionChangedHandler,
            'licensing.institution.retired': institutionRetiredHandler,
          },
        },
        // Its own events: a seat added or given back re-places waitlisted children.
        { from: ['enrollment'], consumer: 'enrollment-waitlist', handlers: waitlistHandlers(deps) },
      ],
      jobs: [{ name: 'personal-data-retention', everyMs: PERSONAL_DATA_JOB_EVERY_MS, run: () => runPersonalDataJob(infra.orm.em, todayInShanghai(infra.clock()), cipher) }],
    };
  },
};
