import { z } from 'zod';
import { checkPageSize, decodeCursor, encodeCursor, parseInput, requireRole } from '@edugraph/platform';
import type { UseCaseContext } from '@edugraph/platform';
import { todayInShanghai } from '@edugraph/rules';
import { SCHOOL_PROJECT_STATUSES, daysLate, isLate } from '../domain/school-project.ts';
import { SchoolProject } from '../entities/school-project.entity.ts';
import { toMilestoneView, toSchoolProjectView } from './school-project.view.ts';
import type { MilestoneView, SchoolProjectView } from './school-project.view.ts';

const filterInput = z.object({
  first: z.number().nullish(),
  after: z.string().nullish(),
  status: z.enum(SCHOOL_PROJECT_STATUSES).nullish(),
});
export type SchoolProjectFilter = z.input<typeof filterInput>;

export interface SchoolProjectPage {
  nodes: SchoolProjectView[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

export interface LateMilestoneView {
  project: SchoolProjectView;
  milestone: MilestoneView;
  daysLate: number;
}

/** Who may read the projects: they name sponsors and their investments, so not the public. */
const READERS = ['BUREAU_STAFF', 'LEADERSHIP'] as const;

/** Projects, oldest recorded first, keyset-paginated by id (ids are time-ordered), like institutions. */
export async function listSchoolProjects(ctx: UseCaseContext, raw: SchoolProjectFilter): Promise<SchoolProjectPage> {
  requireRole(ctx.actor, [...READERS], 'read school projects');
  const filter = parseInput(filterInput, raw);
  const first = checkPageSize(filter.first);
  const afterId = decodeCursor(filter.after);
  const where = filter.status ? { status: filter.status } : {};
  const [rows, totalCount] = await Promise.all([
    ctx.em.find(SchoolProject, { ...where, ...(afterId ? { id: { $gt: afterId } } : {}) }, { orderBy: { id: 'asc' }, limit: first + 1 }),
    ctx.em.count(SchoolProject, where),
  ]);
  const today = todayInShanghai();
  const nodes = rows.slice(0, first).map((row) => toSchoolProjectView(row, today));
  return {
    nodes,
    pageInfo: { hasNextPage: rows.length > first, endCursor: nodes.length ? encodeCursor(nodes[nodes.length - 1]!.id) : null },
    totalCount,
  };
}

/**
 * Every milestone past its planned day and not done, oldest planned first. One query: only projects
 * whose earliest open milestone is before today can have one.
 */
export async function listLateMilestones(ctx: UseCaseContext): Promise<LateMilestoneView[]> {
  requireRole(ctx.actor, [...READERS], 'read late milestones');
  const today = todayInShanghai();
  const rows = await ctx.em.find(SchoolProject, { earliestOpenOn: { $lt: today } }, { orderBy: { id: 'asc' } });
  const late = rows.flatMap((row) => {
    const project = toSchoolProjectView(row, today);
    return row.milestones.filter((m) => isLate(m, today)).map((m) => ({ project, milestone: toMilestoneView(m, today), daysLate: daysLate(m, today) }));
  });
  return late.sort((a, b) => a.milestone.plannedOn.localeCompare(b.milestone.plannedOn));
}
