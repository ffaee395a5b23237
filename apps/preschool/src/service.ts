import { loadSchema, mergeResolvers } from '@edugraph/platform';
import type { ServiceModule } from '@edugraph/platform';
import { Kindergarten } from './entities/kindergarten.entity.ts';
import { SUBSIDY_ENTITIES } from './entities/subsidy.entities.ts';
import { PLANNING_ENTITIES } from './entities/planning.entities.ts';
import { kindergartenResolvers } from './graphql/kindergarten.resolver.ts';
import { subsidyResolvers } from './graphql/subsidy.resolver.ts';
import { planningHandlers, planningResolvers } from './graphql/planning.resolver.ts';
import { institutionRegisteredHandler } from './consumers/institution-registered.handler.ts';
import { withCapacityProjects } from './consumers/capacity-project-registered.handler.ts';
import { migrations } from './migrations/index.ts';
import { runOverdueCasesJob } from './application/overdue-cases.job.ts';
import { todayInShanghai } from '@edugraph/rules';

/** How often rectification deadlines are looked at. */
const CASE_DEADLINE_JOB_EVERY_MS = 3_600_000;

export const preschoolService: ServiceModule = {
  name: 'preschool',
  entities: [Kindergarten, ...SUBSIDY_ENTITIES, ...PLANNING_ENTITIES],
  migrations,
  createService(infra) {
    const deps = { clock: infra.clock };
    return {
      typeDefs: loadSchema(new URL('./schema.graphql', import.meta.url)),
      resolvers: mergeResolvers(kindergartenResolvers(), subsidyResolvers(deps), planningResolvers(deps)),
      subscriptions: [
        // A registration answering a completed project gets that project's places.
        { from: ['licensing'], handlers: { 'licensing.institution.registered': withCapacityProjects(institutionRegisteredHandler), ...planningHandlers(deps) } },
      ],
      jobs: [{ name: 'unlicensed-case-deadlines', everyMs: CASE_DEADLINE_JOB_EVERY_MS, run: () => runOverdueCasesJob(infra.orm.em, todayInShanghai(infra.clock())) }],
    };
  },
};
