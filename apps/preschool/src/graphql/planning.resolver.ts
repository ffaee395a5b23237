import type { EventHandler } from '@edugraph/events';
import { requireRole } from '@edugraph/platform';
import type { RequestContext, Resolvers } from '@edugraph/platform';
import { todayInShanghai } from '@edugraph/rules';
import {
  addProjectMilestone,
  beginConstruction,
  cancelCapacityProject,
  completeCapacityProject,
  completeProjectMilestone,
  startCapacityProject,
} from '../application/capacity-project.commands.ts';
import type { StartCapacityProject } from '../application/capacity-project.commands.ts';
import { capacityProjects } from '../application/capacity-project.query.ts';
import type { CapacityProjectFilter } from '../application/capacity-project.query.ts';
import { coverage, planningGaps, setPreschoolPopulation } from '../application/coverage.query.ts';
import type { PlanningContext } from '../application/planning-support.ts';
import {
  assessUnlicensedCase,
  closeKindergarten,
  closeOverdueCase,
  confirmDiversion,
  divertChildren,
  openUnlicensedCase,
  orderRectification,
  reinspect,
} from '../application/unlicensed-case.commands.ts';
import type { OpenUnlicensedCase } from '../application/unlicensed-case.commands.ts';
import { unlicensedCases } from '../application/unlicensed-case.query.ts';
import type { UnlicensedCaseFilter } from '../application/unlicensed-case.query.ts';
import { licenceIssuedHandler } from '../consumers/licence-issued.handler.ts';

type Page = { first?: number | null; after?: string | null };

/** Capacity projects, coverage and unlicensed-kindergarten cases: thin resolvers, today from the service's clock. */
export function planningResolvers(deps: { clock: () => Date }): Resolvers {
  const use = (ctx: RequestContext): PlanningContext => ({ em: ctx.em, actor: ctx.actor, correlationId: ctx.correlationId, today: todayInShanghai(deps.clock()) });
  const project = async (p: Promise<unknown>) => ({ project: await p });
  const unlicensedCase = async (p: Promise<unknown>) => ({ case: await p });
  return {
    Query: {
      capacityProjects: (_: unknown, args: Page & { filter?: CapacityProjectFilter }, ctx: RequestContext) => capacityProjects(ctx.em, use(ctx).today, args),
      coverage: (_: unknown, args: { year: number }, ctx: RequestContext) => coverage(ctx.em, args.year),
      planningGaps: (_: unknown, args: { year: number }, ctx: RequestContext) => planningGaps(ctx.em, args.year),
      unlicensedCases: (_: unknown, args: Page & { filter?: UnlicensedCaseFilter }, ctx: RequestContext) => {
        requireRole(ctx.actor, ['BUREAU_STAFF'], 'read unlicensed kindergarten cases');
        return unlicensedCases(ctx.em, use(ctx).today, args);
      },
      divertChildren: async (_: unknown, a: { caseId: string; distances?: { kindergartenId: string; metres: number }[] | null }, ctx: RequestContext) => {
        const d = await divertChildren(use(ctx), a.caseId, a.distances ?? []);
        return { ...d, proposals: d.proposals.map((p) => ({ ...p, distanceMetres: p.distanceMetres === Number.MAX_SAFE_INTEGER ? null : p.distanceMetres })) };
      },
    },
    Mutation: {
      startCapacityProject: (_: unknown, a: { input: StartCapacityProject }, ctx: RequestContext) => project(startCapacityProject(use(ctx), a.input)),
      addProjectMilestone: (_: unknown, a: { projectId: string; name: string; plannedOn: string }, ctx: RequestContext) =>
        project(addProjectMilestone(use(ctx), a.projectId, a.name, a.plannedOn)),
      completeProjectMilestone: (_: unknown, a: { projectId: string; name: string; doneOn?: string | null }, ctx: RequestContext) =>
        project(completeProjectMilestone(use(ctx), a.projectId, a.name, a.doneOn)),
      beginConstruction: (_: unknown, a: { projectId: string; on?: string | null }, ctx: RequestContext) => project(beginConstruction(use(ctx), a.projectId, a.on)),
      completeCapacityProject: (_: unknown, a: { projectId: string; on?: string | null }, ctx: RequestContext) => project(completeCapacityProject(use(ctx), a.projectId, a.on)),
      cancelCapacityProject: (_: unknown, a: { projectId: string; reason: string }, ctx: RequestContext) => project(cancelCapacityProject(use(ctx), a.projectId, a.reason)),
      setPreschoolPopulation: async (_: unknown, a: { districtCode: string; year: number; children: number }, ctx: RequestContext) => ({
        population: await setPreschoolPopulation(use(ctx), a),
      }),
      openUnlicensedCase: (_: unknown, a: { input: OpenUnlicensedCase }, ctx: RequestContext) => unlicensedCase(openUnlicensedCase(use(ctx), a.input)),
      assessUnlicensedCase: (_: unknown, a: { caseId: string; licenceBasis: boolean }, ctx: RequestContext) => unlicensedCase(assessUnlicensedCase(use(ctx), a.caseId, a.licenceBasis)),
      orderRectification: (_: unknown, a: { caseId: string; dueOn: string; items: string[] }, ctx: RequestContext) =>
        unlicensedCase(orderRectification(use(ctx), a.caseId, a.dueOn, a.items)),
      reinspect: (_: unknown, a: { caseId: string; passed: boolean; findings: string[] }, ctx: RequestContext) => unlicensedCase(reinspect(use(ctx), a.caseId, a.passed, a.findings)),
      closeOverdueCase: (_: unknown, a: { caseId: string }, ctx: RequestContext) => unlicensedCase(closeOverdueCase(use(ctx), a.caseId)),
      confirmDiversion: (_: unknown, a: { caseId: string; placements: { kindergartenId: string; children: number }[] }, ctx: RequestContext) =>
        unlicensedCase(confirmDiversion(use(ctx), a.caseId, a.placements)),
      closeKindergarten: (_: unknown, a: { caseId: string }, ctx: RequestContext) => unlicensedCase(closeKindergarten(use(ctx), a.caseId)),
    },
  };
}

/**
 * Licensing's answers that concern planning. licensing.institution.registered is not here: its key
 * belongs to institutionRegisteredHandler; a completed project's places follow it through
 * withCapacityProjects (consumers/capacity-project-registered.handler.ts).
 */
export function planningHandlers(_deps: { clock: () => Date }): Partial<Record<string, EventHandler>> {
  return { 'licensing.licence.issued': licenceIssuedHandler };
}
