import type { RequestContext, Resolvers } from '@edugraph/platform';
import { completeMilestone } from '../application/complete-milestone.command.ts';
import type { CompleteMilestone } from '../application/complete-milestone.command.ts';
import { recordSchoolProject } from '../application/record-school-project.command.ts';
import type { RecordSchoolProject } from '../application/record-school-project.command.ts';
import { listLateMilestones, listSchoolProjects } from '../application/school-projects.query.ts';
import type { SchoolProjectFilter } from '../application/school-projects.query.ts';

/**
 * Social-capital school projects. Each use case checks the actor's role itself (reading: bureau
 * staff and leadership; writing: bureau staff), so no caller can skip it. Milestones are stored with
 * their project, so a list of projects costs no query per node.
 */
export function schoolProjectResolvers(): Resolvers {
  return {
    Query: {
      schoolProjects: (_: unknown, args: SchoolProjectFilter, ctx: RequestContext) => listSchoolProjects(ctx, args),
      lateMilestones: (_: unknown, __: unknown, ctx: RequestContext) => listLateMilestones(ctx),
    },
    Mutation: {
      recordSchoolProject: async (_: unknown, args: { input: RecordSchoolProject }, ctx: RequestContext) => ({ project: await recordSchoolProject(ctx, args.input) }),
      completeMilestone: async (_: unknown, args: CompleteMilestone, ctx: RequestContext) => ({ project: await completeMilestone(ctx, args) }),
    },
  };
}
