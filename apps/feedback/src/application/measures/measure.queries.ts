import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { AppError, idInput, pageById, parseInput, requireRole } from '@edugraph/platform';
import type { Connection } from '@edugraph/platform';
import type { UseCaseContext } from '@edugraph/platform';
import { isUuid } from '@edugraph/rules';
import { OFFICES } from '../../domain/offices.ts';
import { parsePeriod } from '../../domain/review/period.ts';
import type { Period } from '../../domain/review/period.ts';
import { BOARD_ORDERING, boardRows } from '../../domain/measures/index.ts';
import type { BoardRow, ItemState } from '../../domain/measures/index.ts';
import { KnownInstitution } from '../../entities/known-institution.entity.ts';
import { MeasureRecord, SupervisionItemRecord } from '../../entities/measure.entities.ts';
import type { MeasureUseCaseContext } from './measure.commands.ts';
import { measureContext } from './measure-context.ts';

/** A keyset page of one entity ordered by id (time-ordered UUIDs: oldest first). */
function page<T extends { id: string }>(em: EntityManager, entity: never, where: object, first: number | null | undefined, after: string | null | undefined): Promise<Connection<T>> {
  return pageById<T, T>(
    () => em.count(entity, where as never),
    (from, limit) => em.find(entity, (from.id ? { $and: [where, from] } : where) as never, { orderBy: { id: 'asc' } as never, limit }) as Promise<T[]>,
    (row) => row,
    { first, after },
  );
}

function periodOf(text: string): Period {
  const period = parsePeriod(text);
  if (!period.ok) throw new AppError('INVALID_PERIOD', `${period.error.message}.`);
  return period.value;
}

const BOARD_READERS = ['BUREAU_STAFF', 'LEADERSHIP'] as const;

/** Bureau staff and the leadership group see every measure; a school's staff their school's. */
function readableBy(ctx: UseCaseContext): FilterQuery<MeasureRecord> {
  if (ctx.actor.roles.some((r) => (BOARD_READERS as readonly string[]).includes(r))) return {};
  requireRole(ctx.actor, ['BUREAU_STAFF', 'LEADERSHIP', 'INSTITUTION_STAFF'], 'read measures');
  if (!ctx.actor.institutionId) throw new AppError('FORBIDDEN', 'Only a school with an institution can read its own measures.');
  return { ownerKind: 'INSTITUTION', owner: ctx.actor.institutionId.toLowerCase() };
}

export async function measureById(ctx: UseCaseContext, rawId: string): Promise<MeasureRecord | null> {
  const id = parseInput(idInput(), rawId);
  return ctx.em.findOne(MeasureRecord, { $and: [{ id }, readableBy(ctx)] });
}

export interface MeasureFilter {
  owner?: string | null;
  period?: string | null;
  status?: string | null;
  /** True: only open measures past their deadline. */
  overdue?: boolean | null;
}

export async function measures(ctx: MeasureUseCaseContext, filter: MeasureFilter | null | undefined, first?: number | null, after?: string | null): Promise<Connection<MeasureRecord>> {
  const conditions: FilterQuery<MeasureRecord>[] = [readableBy(ctx)];
  if (filter?.owner) conditions.push({ owner: isUuid(filter.owner.trim()) ? filter.owner.trim().toLowerCase() : filter.owner.trim() });
  if (filter?.period) {
    const p = periodOf(filter.period);
    conditions.push({ dueOn: { $gte: p.from, $lte: p.to } });
  }
  if (filter?.status) conditions.push({ status: filter.status });
  if (filter?.overdue) conditions.push({ status: 'OPEN', dueOn: { $lt: measureContext(ctx.clock).today } });
  return page<MeasureRecord>(ctx.em, MeasureRecord as never, { $and: conditions }, first, after);
}

export interface BoardRowView extends BoardRow {
  ownerName: string;
}

export interface MeasuresBoardView {
  period: string;
  from: string;
  to: string;
  ordering: string;
  rows: BoardRowView[];
}

/**
 * Per owner: the measures falling due in the period, done, late and not met, and the overdue items
 * other work raised for the office in the period — furthest behind first (BOARD_ORDERING).
 */
export async function measuresBoard(ctx: MeasureUseCaseContext, periodText: string): Promise<MeasuresBoardView> {
  requireRole(ctx.actor, [...BOARD_READERS], 'read the measures board');
  const period = periodOf(periodText);
  const [records, items] = await Promise.all([
    ctx.em.find(MeasureRecord, { dueOn: { $gte: period.from, $lte: period.to } }, { fields: ['id', 'state'] }),
    ctx.em.find(SupervisionItemRecord, { recordedOn: { $gte: period.from, $lte: period.to } }, { fields: ['id', 'office', 'state'] }),
  ]);
  const rows = boardRows(
    records.map((r) => r.state),
    items.map((i) => ({ office: i.office, state: i.state as ItemState })),
    measureContext(ctx.clock).today,
  );
  const institutions = rows.filter((r) => r.ownerKind === 'INSTITUTION').map((r) => r.owner);
  const names = new Map<string, string>(OFFICES.map((o) => [o.code, o.name]));
  if (institutions.length) for (const k of await ctx.em.find(KnownInstitution, { institutionId: { $in: institutions } })) names.set(k.institutionId, k.name);
  return { period: period.label, from: period.from, to: period.to, ordering: BOARD_ORDERING, rows: rows.map((r) => ({ ...r, ownerName: names.get(r.owner) ?? r.owner })) };
}

export interface ItemFilter {
  office?: string | null;
  period?: string | null;
  state?: string | null;
}

/** The supervision items (overdue work from licensing, bad-review cases and reports) behind the board's counts. */
export async function supervisionItems(ctx: UseCaseContext, filter: ItemFilter | null | undefined, first?: number | null, after?: string | null): Promise<Connection<SupervisionItemRecord>> {
  requireRole(ctx.actor, [...BOARD_READERS], 'read supervision items');
  const where: FilterQuery<SupervisionItemRecord> = {};
  if (filter?.office) where.office = filter.office;
  if (filter?.state) where.state = filter.state;
  if (filter?.period) {
    const p = periodOf(filter.period);
    where.recordedOn = { $gte: p.from, $lte: p.to };
  }
  return page<SupervisionItemRecord>(ctx.em, SupervisionItemRecord as never, where, first, after);
}
