import type { EntityManager } from '@mikro-orm/core';
import { z } from 'zod';
import { AppError, idInput, parseInput, requireRole, textInput } from '@edugraph/platform';
import { newId } from '@edugraph/persistence';
import { divertChildren as proposeDiversion, handleCase, openCase } from '../domain/index.ts';
import type { CaseCommand, Diversion, UnlicensedCase } from '../domain/index.ts';
import { Kindergarten } from '../entities/kindergarten.entity.ts';
import { UnlicensedCaseRow } from '../entities/planning.entities.ts';
import { queueEvents, refusal } from './planning-support.ts';
import type { PlanningContext } from './planning-support.ts';
import { saveCase, toCase, toCaseView } from './unlicensed-case.view.ts';
import type { UnlicensedCaseView } from './unlicensed-case.view.ts';

const ACTION = 'handle unlicensed kindergarten cases';
const text = (max: number) => textInput({ max });

const openInput = z.object({
  name: text(200),
  address: text(300),
  districtCode: textInput({ max: 40, form: 'NFKC' }),
  children: z.number(),
  hazards: z.array(z.object({ description: text(500), serious: z.boolean() })).max(50),
});
export type OpenUnlicensedCase = z.input<typeof openInput>;

/** A found unlicensed kindergarten becomes a case (preschool.case.opened). Children: a whole number, 0 or more (INVALID_CASE). */
export async function openUnlicensedCase(ctx: PlanningContext, raw: OpenUnlicensedCase): Promise<UnlicensedCaseView> {
  requireRole(ctx.actor, ['BUREAU_STAFF'], ACTION);
  const input = parseInput(openInput, raw);
  const id = newId();
  const opened = openCase(id, input);
  if (!opened.ok) throw refusal(opened.error);
  return ctx.em.fork().transactional(async (tx) => {
    const c = opened.value.state;
    const row = tx.create(UnlicensedCaseRow, {
      id,
      name: c.name,
      address: c.address,
      districtCode: c.districtCode,
      children: c.children,
      hazards: c.hazards.map((h) => ({ ...h })),
      state: c.state,
      inspections: [],
      placements: [],
      openedOn: ctx.today,
    });
    queueEvents(tx, ctx, { type: 'UnlicensedCase', id }, opened.value.events);
    await tx.flush();
    return toCaseView(row, ctx.today);
  });
}

/** Loads a case, lets the state machine decide, saves it and queues its events: one transaction. */
async function changeCase(
  ctx: PlanningContext,
  caseId: string,
  command: (tx: EntityManager, c: UnlicensedCase) => CaseCommand | Promise<CaseCommand>,
  effects?: (tx: EntityManager, row: UnlicensedCaseRow) => Promise<void>,
): Promise<UnlicensedCaseView> {
  requireRole(ctx.actor, ['BUREAU_STAFF'], ACTION);
  const { id } = parseInput(z.object({ id: idInput() }), { id: caseId });
  try {
    return await ctx.em.fork().transactional(async (tx) => {
      const row = await tx.findOne(UnlicensedCaseRow, { id });
      if (!row) throw new AppError('NOT_FOUND', 'No unlicensed kindergarten case has this id.');
      const result = handleCase(toCase(row), await command(tx, toCase(row)));
      if (!result.ok) throw refusal(result.error);
      saveCase(row, result.value.state);
      const envelopes = queueEvents(tx, ctx, { type: 'UnlicensedCase', id: row.id }, result.value.events);
      const passed = envelopes.find((e) => e.type === 'preschool.case.passed');
      if (passed) row.licenceRequestEventId = passed.id;
      await effects?.(tx, row);
      await tx.flush();
      return toCaseView(row, ctx.today);
    });
  } catch (error) {
    if ((error as Error).name === 'OptimisticLockError') throw new AppError('CONFLICT', 'The case or a kindergarten was changed at the same time; read it again and retry.');
    throw error;
  }
}

/** Serious hazards or no licence basis: closing (the children must be re-placed). Otherwise rectifiable. */
export const assessUnlicensedCase = (ctx: PlanningContext, caseId: string, licenceBasis: boolean) =>
  changeCase(ctx, caseId, () => ({ type: 'assess', licenceBasis, on: ctx.today }));

export const orderRectification = (ctx: PlanningContext, caseId: string, dueOn: string, items: readonly string[]) =>
  changeCase(ctx, caseId, () => ({ type: 'orderRectification', dueOn, items: items.map((i) => i.trim()), on: ctx.today }));

/** Passed: licensing is asked for the licence (preschool.case.passed). Failed or late: closing. A closed case: CASE_CLOSED. */
export const reinspect = (ctx: PlanningContext, caseId: string, passed: boolean, findings: readonly string[]) =>
  changeCase(ctx, caseId, () => ({ type: 'reinspect', passed, findings: findings.map((f) => f.trim()).filter((f) => f !== ''), on: ctx.today }));

/** A rectification past its deadline without a re-inspection: closing (NOT_OVERDUE before the deadline). */
export const closeOverdueCase = (ctx: PlanningContext, caseId: string) => changeCase(ctx, caseId, () => ({ type: 'closeOverdue', on: ctx.today }));

/** The closure completes only when every child is re-placed (CHILDREN_WAITING otherwise). */
export const closeKindergarten = (ctx: PlanningContext, caseId: string) => changeCase(ctx, caseId, () => ({ type: 'close', on: ctx.today }));

const free = (k: Kindergarten) => Math.max(0, k.places - k.enrolled);

const placementsInput = z.array(z.object({ kindergartenId: idInput(), children: z.number() })).min(1).max(100);

/**
 * Staff confirm where the children go. Free places are re-checked now (KINDERGARTEN_FULL), the
 * children are added to each kindergarten's enrolled count (its version catches a concurrent
 * confirmation: CONFLICT), and preschool.case.children-placed is queued, all in one transaction.
 */
export const confirmDiversion = (ctx: PlanningContext, caseId: string, raw: { kindergartenId: string; children: number }[]) => {
  const placements = parseInput(placementsInput, raw);
  let targets: Kindergarten[] = [];
  return changeCase(
    ctx,
    caseId,
    async (tx) => {
      targets = await tx.find(Kindergarten, { institutionId: { $in: [...new Set(placements.map((p) => p.kindergartenId))] } });
      const freePlaces = Object.fromEntries(targets.map((k) => [k.institutionId, free(k)]));
      return { type: 'confirmPlacements', placements, freePlaces, on: ctx.today };
    },
    async () => {
      for (const p of placements) {
        const k = targets.find((t) => t.institutionId === p.kindergartenId)!;
        k.enrolled += p.children;
      }
    },
  );
};

export interface DiversionView extends Diversion {
  caseId: string;
  waiting: number;
}

/**
 * Proposes kindergartens with free places for a closing case's waiting children: the case's district
 * first, then nearest first. Kindergartens have no coordinates in preschool yet, so distances are
 * what staff supply (metres, per kindergarten); one without a distance comes after those with one.
 * A proposal changes nothing: staff confirm with confirmDiversion.
 */
export async function divertChildren(ctx: PlanningContext, caseId: string, distances: readonly { kindergartenId: string; metres: number }[] = []): Promise<DiversionView> {
  requireRole(ctx.actor, ['BUREAU_STAFF'], ACTION);
  const { id } = parseInput(z.object({ id: idInput() }), { id: caseId });
  for (const d of distances) {
    if (!Number.isSafeInteger(d.metres) || d.metres < 0) throw new AppError('BAD_USER_INPUT', `distance to ${d.kindergartenId} must be whole metres, 0 or more (got ${d.metres}).`);
  }
  const em = ctx.em.fork();
  const row = await em.findOne(UnlicensedCaseRow, { id });
  if (!row) throw new AppError('NOT_FOUND', 'No unlicensed kindergarten case has this id.');
  if (row.state !== 'CLOSING') throw new AppError('INVALID_TRANSITION', `Children are diverted from a closing case; this one is ${row.state}.`, { state: row.state });
  const metres = new Map(distances.map((d) => [d.kindergartenId.toLowerCase(), d.metres]));
  const kindergartens = (await em.find(Kindergarten, {})).filter((k) => free(k) > 0);
  const c = toCase(row);
  const diversion = proposeDiversion(
    c,
    kindergartens.map((k) => ({ kindergartenId: k.institutionId, districtCode: k.districtCode, distanceMetres: metres.get(k.institutionId) ?? Number.MAX_SAFE_INTEGER, freePlaces: free(k) })),
  );
  const view = toCaseView(row, ctx.today);
  return { caseId: row.id, waiting: view.childrenWaiting, proposals: diversion.proposals, unplaced: diversion.unplaced };
}
