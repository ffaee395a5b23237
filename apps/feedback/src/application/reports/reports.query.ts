import type { FilterQuery } from '@mikro-orm/core';
import { z } from 'zod';
import { AppError, idInput, pageById, parseInput, requireRole } from '@edugraph/platform';
import type { Connection } from '@edugraph/platform';
import { REPORT_CATEGORIES, REPORT_KINDS, REPORT_STATUSES } from '../../domain/reports/index.ts';
import type { ReportCategory } from '../../domain/reports/index.ts';
import { ReportRow } from '../../entities/report.entities.ts';
import { canRead } from './report-support.ts';
import type { ReportContext } from './report-support.ts';
import { toReportView } from './report.view.ts';
import type { ReportView } from './report.view.ts';


const filterInput = z
  .object({
    status: z.enum(REPORT_STATUSES).nullish(),
    office: z.string().max(40).nullish(),
    kind: z.enum(REPORT_KINDS).nullish(),
    category: z.string().max(40).nullish(),
    overdue: z.boolean().nullish(),
  })
  .nullish();
export type ReportFilter = z.input<typeof filterInput>;

function whereOf(filter: z.output<typeof filterInput>, today: string): FilterQuery<ReportRow>[] {
  const where: FilterQuery<ReportRow>[] = [];
  if (filter?.status) where.push({ status: filter.status });
  if (filter?.office) where.push({ office: filter.office });
  if (filter?.kind) where.push({ kind: filter.kind });
  if (filter?.category) where.push({ category: filter.category });
  // Overdue: assigned and not answered after its due day.
  if (filter?.overdue === true) where.push({ status: 'ASSIGNED', dueOn: { $lt: today } });
  if (filter?.overdue === false) where.push({ $or: [{ status: { $ne: 'ASSIGNED' } }, { dueOn: null }, { dueOn: { $gte: today } }] });
  return where;
}

/** Keyset paging by id (UUID v7: in the order reports came in). */
function page(ctx: ReportContext, base: FilterQuery<ReportRow>[], args: { first?: number | null; after?: string | null }): Promise<Connection<ReportView>> {
  const em = ctx.em.fork();
  const where = (extra: FilterQuery<ReportRow>[]) => {
    const all = [...base, ...extra];
    return (all.length === 0 ? {} : { $and: all }) as FilterQuery<ReportRow>;
  };
  return pageById(
    () => em.count(ReportRow, where([])),
    (from, limit) => em.find(ReportRow, where(from.id ? [from] : []), { orderBy: { id: 'asc' }, limit }),
    (r) => toReportView(r, ctx.actor, ctx),
    args,
  );
}

/** Every report, for bureau staff and leadership; a reporter's identity is shown as reporterIdentityView says. */
export function reports(ctx: ReportContext, args: { filter?: ReportFilter; first?: number | null; after?: string | null }): Promise<Connection<ReportView>> {
  requireRole(ctx.actor, ['BUREAU_STAFF', 'LEADERSHIP'], 'read reports');
  const filter = parseInput(filterInput, args.filter);
  return page(ctx, whereOf(filter, ctx.today), args);
}

/** The signed-in reporter's own reports (an anonymous one cannot be found again: it names nobody). */
export function myReports(ctx: ReportContext, args: { first?: number | null; after?: string | null }): Promise<Connection<ReportView>> {
  if (ctx.actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED', 'Sign in to see your reports.');
  return page(ctx, [{ reporterId: ctx.actor.id }], args);
}

/** One report: its reporter, or staff and leadership. */
export async function report(ctx: ReportContext, reportId: string): Promise<ReportView | null> {
  if (ctx.actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED', 'Sign in to read a report.');
  const { id } = parseInput(z.object({ id: idInput() }), { id: reportId });
  const row = await ctx.em.fork().findOne(ReportRow, { id });
  return row && canRead(row, ctx.actor) ? toReportView(row, ctx.actor, ctx) : null;
}

export function reportCategories(): readonly ReportCategory[] {
  return REPORT_CATEGORIES;
}
