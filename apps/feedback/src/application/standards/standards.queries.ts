import type { EntityManager } from '@mikro-orm/core';
import { AppError, checkPageSize, decodeCursor, encodeCursor, pageById, requireRole } from '@edugraph/platform';
import type { Connection } from '@edugraph/platform';
import { isUuid } from '@edugraph/rules';
import type { CalendarDate } from '@edugraph/rules';
import { statusOf, trainingGaps as gapsOf, versionInForce } from '../../domain/standards/index.ts';
import type { StaffMember, StandardStatus } from '../../domain/standards/index.ts';
import { OfficeRosterRecord, StandardTrainingRecord, StandardVersionRecord } from '../../entities/standard.entities.ts';
import { OFFICE_CODES, catalogue, officeName, requireItem, todayOf, unknownOffice } from './standards-context.ts';
import type { StandardsContext } from './standards-context.ts';
import { toStandardView, toTrainingView } from './standards.view.ts';
import type { RosterView, StandardView, TrainingView } from './standards.view.ts';


type Light = Pick<StandardVersionRecord, 'id' | 'itemCode' | 'version' | 'effectiveOn'>;

/** Full rows of the given versions as views, with every version of their items for the status (two statements at most per call). */
async function viewsOf(em: EntityManager, ids: readonly string[], all: readonly Light[], today: CalendarDate): Promise<StandardView[]> {
  if (ids.length === 0) return [];
  const rows = await em.find(StandardVersionRecord, { id: { $in: [...ids] } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const names = new Map((await catalogue(em, { codes: [...new Set(rows.map((r) => r.itemCode))] })).map((i) => [i.code, i.name]));
  const siblings = (code: string) => all.filter((v) => v.itemCode === code);
  return ids.map((id) => byId.get(id)!).map((r) => toStandardView(r, siblings(r.itemCode), names.get(r.itemCode) ?? r.itemCode, today));
}

const LIGHT_FIELDS = ['id', 'itemCode', 'version', 'effectiveOn'] as const;

/** The version of an item's standard in force today (public); null while none has taken effect. */
export async function serviceStandard(ctx: StandardsContext, itemCode: string): Promise<StandardView | null> {
  const item = await requireItem(ctx.em, itemCode);
  const today = todayOf(ctx);
  const all: Light[] = await ctx.em.find(StandardVersionRecord, { itemCode: item.code }, { fields: [...LIGHT_FIELDS] });
  const inForce = versionInForce(all, today);
  return inForce ? ((await viewsOf(ctx.em, [inForce.id], all, today))[0] ?? null) : null;
}

export interface StandardFilter {
  itemCode?: string | null;
  office?: string | null;
  status?: StandardStatus | null;
}

/**
 * Published versions of the standards (public), oldest published first, filtered by item, office
 * and where they stand today. The statuses are worked out from the versions' dates (a few per
 * item), then one page of full rows is read.
 */
export async function serviceStandards(ctx: StandardsContext, filter: StandardFilter | null | undefined, first?: number | null, after?: string | null): Promise<Connection<StandardView>> {
  const size = checkPageSize(first);
  const from = decodeCursor(after);
  const where: Record<string, unknown> = {};
  if (filter?.itemCode) where.itemCode = (await requireItem(ctx.em, filter.itemCode)).code;
  if (filter?.office) {
    if (!OFFICE_CODES.includes(filter.office)) throw unknownOffice(filter.office);
    where.office = filter.office;
  }
  const today = todayOf(ctx);
  const all: Light[] = await ctx.em.find(StandardVersionRecord, where, { fields: [...LIGHT_FIELDS], orderBy: { id: 'asc' } });
  const matching = filter?.status ? all.filter((v) => statusOf(v, all.filter((s) => s.itemCode === v.itemCode), today) === filter.status) : all;
  const rest = from ? matching.filter((v) => v.id > from) : matching;
  const ids = rest.slice(0, size).map((v) => v.id);
  const nodes = await viewsOf(ctx.em, ids, all, today);
  return { nodes, pageInfo: { hasNextPage: rest.length > size, endCursor: ids.length ? encodeCursor(ids.at(-1)!) : null }, totalCount: matching.length };
}

export interface TrainingFilter {
  standardId?: string | null;
  itemCode?: string | null;
  office?: string | null;
}

/** Trainings recorded (bureau staff, leadership), oldest recorded first. */
export async function standardTrainings(ctx: StandardsContext, filter: TrainingFilter | null | undefined, first?: number | null, after?: string | null): Promise<Connection<TrainingView>> {
  requireRole(ctx.actor, ['BUREAU_STAFF', 'LEADERSHIP'], 'read the trainings recorded');
  const where: Record<string, unknown> = {};
  if (filter?.standardId) {
    if (!isUuid(filter.standardId)) throw new AppError('BAD_USER_INPUT', 'standardId must be an id in UUID form.');
    where.standardId = filter.standardId.toLowerCase();
  }
  if (filter?.itemCode) where.itemCode = (await requireItem(ctx.em, filter.itemCode)).code;
  if (filter?.office) {
    if (!OFFICE_CODES.includes(filter.office)) throw unknownOffice(filter.office);
    where.office = filter.office;
  }
  return pageById(
    () => ctx.em.count(StandardTrainingRecord, where),
    (from, limit) => ctx.em.find(StandardTrainingRecord, from.id ? { $and: [where, from] } : where, { orderBy: { id: 'asc' }, limit }),
    toTrainingView,
    { first, after },
  );
}

/** An office's staff roster (bureau staff, leadership); empty while none was set. */
export async function officeStaff(ctx: StandardsContext, office: string): Promise<RosterView> {
  requireRole(ctx.actor, ['BUREAU_STAFF', 'LEADERSHIP'], "read an office's staff roster");
  if (!OFFICE_CODES.includes(office)) throw unknownOffice(office);
  const row = await ctx.em.findOne(OfficeRosterRecord, { office });
  return { office, officeName: officeName(office), staff: row ? [...row.staff] : [], setOn: row?.setOn ?? null };
}

export interface TrainingGapReport {
  office: string;
  officeName: string;
  asOf: CalendarDate;
  rosterSize: number;
  standardsInForce: StandardView[];
  itemsWithoutStandard: string[];
  gaps: { staffId: string; name: string; missing: StandardView[] }[];
}

/**
 * Staff on an office's roster not trained on the version in force today of each of its items'
 * standards (an item's office from the catalogue). Bureau staff and the leadership group.
 */
export async function trainingGaps(ctx: StandardsContext, office: string): Promise<TrainingGapReport> {
  requireRole(ctx.actor, ['BUREAU_STAFF', 'LEADERSHIP'], 'read training gaps');
  if (!OFFICE_CODES.includes(office)) throw unknownOffice(office);
  const today = todayOf(ctx);
  const items = await catalogue(ctx.em, { office });
  const codes = items.map((i) => i.code);
  const all: Light[] = codes.length ? await ctx.em.find(StandardVersionRecord, { itemCode: { $in: codes } }, { fields: [...LIGHT_FIELDS] }) : [];
  const inForce = codes.map((c) => versionInForce(all.filter((v) => v.itemCode === c), today)).filter((v): v is Light => v !== null);
  const inForceIds = inForce.map((v) => v.id);
  const [roster, trainings, views] = await Promise.all([
    ctx.em.findOne(OfficeRosterRecord, { office }),
    inForceIds.length ? ctx.em.find(StandardTrainingRecord, { standardId: { $in: inForceIds } }, { fields: ['id', 'standardId', 'attendees'] }) : Promise.resolve([]),
    viewsOf(ctx.em, inForceIds, all, today),
  ]);
  const staff: StaffMember[] = roster ? [...roster.staff] : [];
  const viewById = new Map(views.map((v) => [v.id, v]));
  const covered = new Set(inForce.map((v) => v.itemCode));
  return {
    office,
    officeName: officeName(office),
    asOf: today,
    rosterSize: staff.length,
    standardsInForce: views,
    itemsWithoutStandard: codes.filter((c) => !covered.has(c)),
    gaps: gapsOf(staff, inForceIds, trainings).map((g) => ({ staffId: g.staff.id, name: g.staff.name, missing: g.missing.map((id) => viewById.get(id)!) })),
  };
}
