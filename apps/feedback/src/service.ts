import { loadSchema, mergeResolvers } from '@edugraph/platform';
import type { ServiceModule } from '@edugraph/platform';
import { KnownInstitution } from './entities/known-institution.entity.ts';
import { Rating } from './entities/rating.entity.ts';
import { reportEntities } from './entities/report.entities.ts';
import { reviewEntities } from './entities/review.entities.ts';
import { satisfactionResolvers } from './graphql/satisfaction.resolver.ts';
import { reportResolvers } from './graphql/report.resolver.ts';
import { reviewResolvers } from './graphql/review.resolver.ts';
import { institutionRegisteredHandler } from './consumers/institution-registered.handler.ts';
import { applicationCompletedHandler, matterCompletedHandler, reportClosedHandler, subsidyDisbursedHandler } from './consumers/completions.handlers.ts';
import { caseClockJob } from './application/review/case-clock.job.ts';
import { open311Routes } from './application/open311/routes.ts';
import { reportJobs } from './application/reports/report-jobs.ts';
import { migrations } from './migrations/index.ts';

export const feedbackService: ServiceModule = {
  name: 'feedback',
  entities: [KnownInstitution, Rating, ...reviewEntities, ...reportEntities],
  migrations,
  createService(infra) {
    return {
      typeDefs: loadSchema(new URL('./schema.graphql', import.meta.url)),
      resolvers: mergeResolvers(satisfactionResolvers(), reviewResolvers(infra), reportResolvers(infra)),
      subscriptions: [
        {
          from: ['licensing', 'enrollment', 'preschool', 'feedback'],
          handlers: {
            'licensing.institution.registered': institutionRegisteredHandler,
            'licensing.matter.completed': matterCompletedHandler,
            'enrollment.application.completed': applicationCompletedHandler,
            'preschool.subsidy.disbursed': subsidyDisbursedHandler,
            'feedback.report.closed': reportClosedHandler,
          },
        },
      ],
      restRoutes: open311Routes(infra),
      jobs: [caseClockJob(infra.orm, infra.clock), ...reportJobs(infra)],
    };
  },
};
