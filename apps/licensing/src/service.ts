import { CachedFamily } from '@edugraph/cache';
import { loadSchema, mergeResolvers } from '@edugraph/platform';
import type { ServiceModule } from '@edugraph/platform';
import { todayInShanghai } from '@edugraph/rules';
import { HolidayArrangement } from './entities/holiday-arrangement.entity.ts';
import { Institution } from './entities/institution.entity.ts';
import { Matter } from './entities/matter.entity.ts';
import { MatterTypeSetting } from './entities/matter-type-setting.entity.ts';
import { SchoolProject } from './entities/school-project.entity.ts';
import { Training, TrainingRegistration } from './entities/training.entity.ts';
import { institutionResolvers } from './graphql/institution.resolver.ts';
import { matterResolvers } from './graphql/matter.resolver.ts';
import { schoolProjectResolvers } from './graphql/school-project.resolver.ts';
import { trainingResolvers } from './graphql/training.resolver.ts';
import { registryChangedHandler } from './consumers/registry-changed.handler.ts';
import { runMatterClockJob } from './application/matter-clock.job.ts';
import { capacityProjectCompletedHandler } from './consumers/capacity-project-completed.handler.ts';
import { casePassedHandler } from './consumers/case-passed.handler.ts';
import { migrations } from './migrations/index.ts';

/** Seconds the public institutions list may be served from cache before it is read again. */
const LIST_CACHE_SECONDS = 30;
/** How often the statutory clocks are looked at (deemed acceptance, lapses, overdue alerts). */
const CLOCK_JOB_EVERY_MS = 60_000;

export const licensingService: ServiceModule = {
  name: 'licensing',
  entities: [Institution, Matter, MatterTypeSetting, HolidayArrangement, SchoolProject, Training, TrainingRegistration],
  migrations,
  createService(infra) {
    const listCache = new CachedFamily(infra.cache, 'institutions', LIST_CACHE_SECONDS);
    const invalidateList = registryChangedHandler(listCache);
    return {
      typeDefs: loadSchema(new URL('./schema.graphql', import.meta.url)),
      resolvers: mergeResolvers(institutionResolvers({ listCache }), matterResolvers({ clock: infra.clock }), schoolProjectResolvers(), trainingResolvers()),
      subscriptions: [
        {
          from: ['licensing'],
          consumer: 'licensing-registry-cache',
          handlers: {
            'licensing.institution.registered': invalidateList,
            'licensing.institution.changed': invalidateList,
            'licensing.institution.retired': invalidateList,
            'licensing.licence.issued': invalidateList,
          },
        },
        // Preschool asks the registry for kindergartens: a completed new-build project, a rectified case to license.
        {
          from: ['preschool'],
          consumer: 'licensing-preschool-requests',
          handlers: { 'preschool.capacity-project.completed': capacityProjectCompletedHandler, 'preschool.case.passed': casePassedHandler({ clock: infra.clock }) },
        },
      ],
      jobs: [{ name: 'matter-clocks', everyMs: CLOCK_JOB_EVERY_MS, run: () => runMatterClockJob(infra.orm.em, todayInShanghai(infra.clock())) }],
    };
  },
};
