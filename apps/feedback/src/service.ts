import { loadSchema, mergeResolvers } from '@edugraph/platform';
import type { ServiceModule } from '@edugraph/platform';
import { KnownInstitution } from './entities/known-institution.entity.ts';
import { Rating } from './entities/rating.entity.ts';
import { reportEntities } from './entities/report.entities.ts';
import { reviewEntities } from './entities/review.entities.ts';
import { measureEntities } from './entities/measure.entities.ts';
import { decisionEntities } from './entities/decision.entities.ts';
import { standardEntities } from './entities/standard.entities.ts';
import { policyEntities } from './entities/policy.entities.ts';
import { satisfactionResolvers } from './graphql/satisfaction.resolver.ts';
import { reportResolvers } from './graphql/report.resolver.ts';
import { reviewResolvers } from './graphql/review.resolver.ts';
import { measureResolvers } from './graphql/measure.resolver.ts';
import { decisionResolvers } from './graphql/decision.resolver.ts';
import { standardResolvers } from './graphql/standard.resolver.ts';
import { policyResolvers } from './graphql/policy.resolver.ts';
import { institutionRegisteredHandler } from './consumers/institution-registered.handler.ts';
import { applicationCompletedHandler, matterCompletedHandler, reportClosedHandler, subsidyDisbursedHandler } from './consumers/completions.handlers.ts';
import { measureHandlers } from './consumers/measure.handlers.ts';
import { caseClockJob } from './application/review/case-clock.job.ts';
import { open311Routes } from './application/open311/routes.ts';
import { reportJobs } from './application/reports/report-jobs.ts';
import { measureJobs } from './application/measures/measure-jobs.ts';
import { decisionJobs } from './application/decisions/decision-jobs.ts';
import { standardJobs } from './application/standards/standard-jobs.ts';
import { policyJobs } from './application/policies/policy-jobs.ts';
import { migrations } from './migrations/index.ts';

/**
 * Feedback and supervision (督促检查、满意度测评): 好差评 ratings and their cases, reports and Open311,
 * the measures board, major decisions, service standards and training, policies and interpretations.
 */
export const feedbackService: ServiceModule = {
  name: 'feedback',
  entities: [KnownInstitution, Rating, ...reviewEntities, ...reportEntities, ...measureEntities, ...decisionEntities, ...standardEntities, ...policyEntities],
  migrations,
  createService(infra) {
    return {
      typeDefs: loadSchema(new URL('./schema.graphql', import.meta.url)),
      resolvers: mergeResolvers(
        satisfactionResolvers(),
        reviewResolvers(infra),
        reportResolvers(infra),
        measureResolvers(infra),
        decisionResolvers(infra),
        standardResolvers(infra),
        policyResolvers(infra),
      ),
      subscriptions: [
        {
          from: ['licensing', 'enrollment', 'preschool', 'feedback'],
          handlers: {
            'licensing.institution.registered': institutionRegisteredHandler,
            'licensing.matter.completed': matterCompletedHandler,
            'enrollment.application.completed': applicationCompletedHandler,
            'preschool.subsidy.disbursed': subsidyDisbursedHandler,
            'feedback.report.closed': reportClosedHandler,
            ...measureHandlers,
          },
        },
      ],
      restRoutes: open311Routes(infra),
      jobs: [caseClockJob(infra.orm, infra.clock), ...reportJobs(infra), ...measureJobs(infra), ...decisionJobs(infra), ...standardJobs(infra), ...policyJobs(infra)],
    };
  },
};
