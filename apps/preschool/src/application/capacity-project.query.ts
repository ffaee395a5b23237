import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { pageById } from '@edugraph/platform';
import type { Connection } from '@edugraph/platform';
import { z } from 'zod';
import { parseInput, textInput } from '@edugraph/platform';
import type { CalendarDate } from '@edugraph/rules';
import { isLate, PROJECT_KINDS } from '../domain/index.ts';
import { CapacityProjectRow } from '../entities/planning.entities.ts';
import { toProject, toProjectView } from './capacity-project.view.ts';
import type { CapacityProjectView } from './capacity-project.view.ts';

const filterInput = z
  .object({
    districtCode: textInput({ max: 40, form: 'NFKC' }).nullish(),
    kind: z.enum(PROJECT_KINDS).nullish(),
    state: z.enum(['PLANNED', 'UNDER_CONSTRUCTION', 'COMPLETED', 'CANCELLED']).nullish(),
    lateOnly: z.boolean().nullish(),
  })
  .nullish();
export type CapacityProjectFilter = z.input<typeof filterInput>;

/**
 * Projects by filter, oldest first. `lateOnly` is derived from today's date (never stored): it keeps
 * the open projects past their date or with a milestone past its date.
 */
export async function capacityProjects(
  em: EntityManager,
  today: CalendarDate,
  args: { filter?: CapacityProjectFilter; first?: number | null; after?: string | null },
): Promise<Connection<CapacityProjectView>> {
  const f = parseInput(filterInput, args.filter) ?? {};
  const where: FilterQuery<CapacityProjectRow> = {
    ...(f.districtCode ? { districtCode: f.districtCode } : {}),
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.state ? { state: f.state } : {}),
  };
  if (f.lateOnly) {
    // Lateness depends on milestones in JSON: the candidates (open projects) are read and filtered here.
    const open = await em.find(CapacityProjectRow, { ...where, state: { $in: ['PLANNED', 'UNDER_CONSTRUCTION'] } }, { orderBy: { id: 'asc' } });
    const late = open.filter((r) => isLate(toProject(r), today));
    return pageById(
      async () => late.length,
      async (w, limit) => late.filter((r) => !w.id || r.id > w.id.$gt).slice(0, limit),
      (r) => toProjectView(r, today),
      args,
    );
  }
  return pageById(
    () => em.count(CapacityProjectRow, where),
    (w, limit) => em.find(CapacityProjectRow, { ...where, ...w } as FilterQuery<CapacityProjectRow>, { orderBy: { id: 'asc' }, limit }),
    (r) => toProjectView(r, today),
    args,
  );
}
