import type { EntityManager } from '@mikro-orm/core';
import { z } from 'zod';
import { emitEvent } from '@edugraph/events';
import type { EventActor } from '@edugraph/contracts';
import { AppError, idInput, parseInput, requireRole, textInput } from '@edugraph/platform';
import { newId } from '@edugraph/persistence';
import { checkPlaces, handleProject, planProject, PROJECT_KINDS } from '../domain/index.ts';
import type { CapacityProject, ProjectCommand } from '../domain/index.ts';
import { Kindergarten } from '../entities/kindergarten.entity.ts';
import { CapacityProjectRow } from '../entities/planning.entities.ts';
import { toProject, saveProject, toProjectView } from './capacity-project.view.ts';
import type { CapacityProjectView } from './capacity-project.view.ts';
import { queueEvents, refusal } from './planning-support.ts';
import type { PlanningContext } from './planning-support.ts';

const ACTION = 'manage capacity projects';

// Counts and dates are checked by the domain (INVALID_PLACES, INVALID_DATE), so the refusal names the rule.
const startInput = z.object({
  kind: z.enum(PROJECT_KINDS),
  name: textInput({ max: 200 }),
  districtCode: textInput({ max: 40, form: 'NFKC' }),
  plannedPlaces: z.number(),
  plannedOn: z.string(),
  kindergartenId: idInput().nullish(),
  milestones: z.array(z.object({ name: textInput({ max: 100 }), plannedOn: z.string() })).max(30).nullish(),
});
export type StartCapacityProject = z.input<typeof startInput>;

/**
 * Plans a project (with its milestones) in one transaction: preschool.capacity-project.planned.
 * A REBUILD or RURAL_UPGRADE must name a kindergarten preschool knows; a NEW_BUILD or COMMUNITY
 * names none, its name is the kindergarten's to be.
 */
export async function startCapacityProject(ctx: PlanningContext, raw: StartCapacityProject): Promise<CapacityProjectView> {
  requireRole(ctx.actor, ['BUREAU_STAFF'], ACTION);
  const input = parseInput(startInput, raw);
  const id = newId();
  const planned = planProject(id, {
    kind: input.kind,
    name: input.name,
    districtCode: input.districtCode,
    plannedPlaces: input.plannedPlaces,
    plannedOn: input.plannedOn,
    ...(input.kindergartenId ? { kindergartenId: input.kindergartenId } : {}),
  });
  if (!planned.ok) throw refusal(planned.error);
  let project = planned.value.state;
  const events = [...planned.value.events];
  for (const m of input.milestones ?? []) {
    const added = handleProject(project, { type: 'addMilestone', name: m.name, plannedOn: m.plannedOn });
    if (!added.ok) throw refusal(added.error);
    project = added.value.state;
    events.push(...added.value.events);
  }
  return ctx.em.fork().transactional(async (tx) => {
    if (input.kindergartenId) {
      const k = await tx.findOne(Kindergarten, { institutionId: input.kindergartenId });
      if (!k) throw new AppError('NOT_FOUND', 'No kindergarten with this id is known to preschool; a rebuild or upgrade names an existing kindergarten.');
      if (k.districtCode !== input.districtCode) {
        throw new AppError('BAD_USER_INPUT', `The kindergarten is in district ${k.districtCode}, not ${input.districtCode}.`);
      }
    }
    const row = tx.create(CapacityProjectRow, {
      id,
      kind: project.kind,
      name: project.name,
      districtCode: project.districtCode,
      plannedPlaces: project.plannedPlaces,
      plannedOn: project.plannedOn,
      kindergartenId: project.kindergartenId ?? null,
      state: project.state,
      milestones: [],
      placesApplied: false,
    });
    saveProject(row, project);
    queueEvents(tx, ctx, { type: 'CapacityProject', id }, events);
    await tx.flush();
    return toProjectView(row, ctx.today);
  });
}

const projectId = z.object({ projectId: idInput() });

/** One command on one project, in one transaction; the row's version catches a concurrent change (CONFLICT). */
async function changeProject(
  ctx: PlanningContext,
  id: string,
  command: (p: CapacityProject) => ProjectCommand,
  effects?: (tx: EntityManager, row: CapacityProjectRow, after: CapacityProject) => Promise<void>,
): Promise<CapacityProjectView> {
  requireRole(ctx.actor, ['BUREAU_STAFF'], ACTION);
  const { projectId: pid } = parseInput(projectId, { projectId: id });
  try {
    return await ctx.em.fork().transactional(async (tx) => {
      const row = await tx.findOne(CapacityProjectRow, { id: pid });
      if (!row) throw new AppError('NOT_FOUND', 'No capacity project has this id.');
      const result = handleProject(toProject(row), command(toProject(row)));
      if (!result.ok) throw refusal(result.error);
      saveProject(row, result.value.state);
      const [completed] = queueEvents(tx, ctx, { type: 'CapacityProject', id: row.id }, result.value.events).filter((e) => e.type === 'preschool.capacity-project.completed');
      if (completed) row.completedEventId = completed.id;
      await effects?.(tx, row, result.value.state);
      await tx.flush();
      return toProjectView(row, ctx.today);
    });
  } catch (error) {
    if ((error as Error).name === 'OptimisticLockError') throw new AppError('CONFLICT', 'The project was changed at the same time; read it again and retry.');
    throw error;
  }
}

export const addProjectMilestone = (ctx: PlanningContext, id: string, name: string, plannedOn: string) =>
  changeProject(ctx, id, () => ({ type: 'addMilestone', name: name.trim(), plannedOn }));

export const completeProjectMilestone = (ctx: PlanningContext, id: string, name: string, doneOn?: string | null) =>
  changeProject(ctx, id, () => ({ type: 'completeMilestone', name: name.trim(), doneOn: doneOn ?? ctx.today }));

export const beginConstruction = (ctx: PlanningContext, id: string, on?: string | null) => changeProject(ctx, id, () => ({ type: 'start', on: on ?? ctx.today }));

export const cancelCapacityProject = (ctx: PlanningContext, id: string, reason: string) => changeProject(ctx, id, () => ({ type: 'cancel', on: ctx.today, reason }));

/**
 * Completion is when places count. A rebuild or upgrade adds its places to its kindergarten in the
 * same transaction (preschool.kindergarten.places-set). A new kindergarten does not exist yet: the
 * completed event asks licensing to register it; licensing answers licensing.institution.registered
 * with this event's id as causationId, and applyProjectPlaces then gives the new row its places.
 */
export const completeCapacityProject = (ctx: PlanningContext, id: string, on?: string | null) =>
  changeProject(ctx, id, () => ({ type: 'complete', on: on ?? ctx.today }), async (tx, row) => {
    if (!row.kindergartenId) return;
    const k = await tx.findOne(Kindergarten, { institutionId: row.kindergartenId });
    if (!k) throw new AppError('NOT_FOUND', 'The kindergarten of this project is no longer known to preschool.');
    addPlaces(tx, ctx, k, row);
  });

/** Adds a completed project's places to its kindergarten, with places-set; once per project. */
export function addPlaces(tx: EntityManager, ctx: { actor: EventActor; correlationId: string; causationId?: string | null }, k: Kindergarten, row: CapacityProjectRow): void {
  const previousPlaces = k.places;
  const places = previousPlaces + row.plannedPlaces;
  const problems = checkPlaces(places, k.enrolled);
  if (problems.length > 0) throw new AppError('INVALID_PLACES', `The kindergarten cannot take the project's places: ${problems.join('; ')}`);
  k.places = places;
  row.placesApplied = true;
  row.kindergartenId = k.institutionId;
  emitEvent(tx, {
    type: 'preschool.kindergarten.places-set',
    aggregateType: 'Kindergarten',
    aggregateId: k.institutionId,
    actor: ctx.actor,
    correlationId: ctx.correlationId,
    causationId: ctx.causationId ?? null,
    payload: { institutionId: k.institutionId, places, previousPlaces },
  });
}
