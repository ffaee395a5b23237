import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { isUuid } from '@edugraph/rules';
import { REPORT_CATEGORIES, findCategory } from '../../domain/reports/index.ts';
import type { ReportCategory } from '../../domain/reports/index.ts';
import { ReportRow } from '../../entities/report.entities.ts';
import { officeName } from '../reports/report.view.ts';
import { endOfShanghaiDay, shanghaiDateTime } from './open311-format.ts';

/** GeoReport v2 answers at most this many requests, from the last 90 days unless dates are given. */
export const MAX_REQUESTS = 1000;
const DEFAULT_WINDOW_DAYS = 90;

export type Open311Service = Record<string, string | boolean>;
export type Open311Request = Record<string, string | number | null>;

export function toService(c: ReportCategory): Open311Service {
  return { service_code: c.code, service_name: c.name, description: c.description, metadata: false, type: 'realtime', keywords: c.keywords.join(','), group: c.group };
}

export function services(): Open311Service[] {
  return REPORT_CATEGORIES.map(toService);
}

const STATUS_NOTES: Record<string, string> = {
  SUBMITTED: '已受理，等待分办',
  ASSIGNED: '已分办至责任科室，正在办理',
  CLOSED: '已答复办结',
};

/**
 * A report as the public sees it: never the reporter's identity, and of a tip-off nothing but
 * that it exists and whether it is open.
 */
export function toRequest(row: ReportRow): Open311Request {
  const status = row.status === 'CLOSED' ? 'closed' : 'open';
  if (row.kind === 'TIP_OFF') return { service_request_id: row.id, status };
  const category = findCategory(row.category);
  // Only a request that came in over Open311 was written to be published: its text and place are
  // shown. A report made by phone, mail, at the window or online shows its category, not its words.
  const published = row.channel === 'OPEN311';
  return {
    service_request_id: row.id,
    status,
    status_notes: STATUS_NOTES[row.status] ?? null,
    service_name: category?.name ?? row.category,
    service_code: row.category,
    description: published ? [row.subject, row.body].filter((t): t is string => t != null && t !== '').join('\n') : (category?.name ?? row.category),
    agency_responsible: officeName(row.office),
    service_notice: null,
    requested_datetime: shanghaiDateTime(row.createdAt),
    updated_datetime: shanghaiDateTime(row.updatedAt),
    expected_datetime: row.dueOn && row.status !== 'CLOSED' ? endOfShanghaiDay(row.dueOn) : null,
    address: published ? (row.address ?? null) : null,
    address_string: published ? (row.address ?? null) : null,
    lat: !published || row.lat == null ? null : Number(row.lat),
    long: !published || row.long == null ? null : Number(row.long),
    media_url: null,
  };
}

export interface RequestsQuery {
  ids: string[] | null;
  serviceCodes: string[] | null;
  start: Date | null;
  end: Date | null;
  statuses: ('open' | 'closed')[] | null;
}

/** Reads the standard's filters; a problem is the message of a 400. */
export function parseRequestsQuery(query: Record<string, string>, now: Date): RequestsQuery | { problem: string } {
  const list = (v: string | undefined) => (v === undefined || v.trim() === '' ? null : v.split(',').map((s) => s.trim()).filter((s) => s !== ''));
  const time = (name: string): Date | null | { problem: string } => {
    const v = query[name];
    if (v === undefined || v === '') return null;
    const t = new Date(v);
    return Number.isNaN(t.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(v) ? { problem: `${name} must be a date and time in ISO 8601 (w3 format), e.g. 2026-03-01T00:00:00+08:00.` } : t;
  };
  const start = time('start_date');
  if (start && 'problem' in start) return start;
  const end = time('end_date');
  if (end && 'problem' in end) return end;
  const statuses = list(query['status']);
  if (statuses && statuses.some((s) => s !== 'open' && s !== 'closed')) return { problem: 'status must be open or closed (or both, comma-separated).' };
  const ids = list(query['service_request_id']);
  const fromDefault = ids === null && start === null && end === null;
  return {
    ids,
    serviceCodes: list(query['service_code']),
    start: fromDefault ? new Date(now.getTime() - DEFAULT_WINDOW_DAYS * 86_400_000) : start,
    end,
    statuses: statuses as ('open' | 'closed')[] | null,
  };
}

/** The requests a query asks for, newest first, at most MAX_REQUESTS. */
export async function findRequests(em: EntityManager, q: RequestsQuery): Promise<Open311Request[]> {
  const where: FilterQuery<ReportRow>[] = [];
  if (q.ids) {
    const ids = q.ids.filter(isUuid).map((id) => id.toLowerCase());
    if (ids.length === 0) return [];
    where.push({ id: { $in: ids } });
  }
  if (q.serviceCodes) where.push({ category: { $in: q.serviceCodes } });
  if (q.start) where.push({ createdAt: { $gte: q.start } });
  if (q.end) where.push({ createdAt: { $lte: q.end } });
  if (q.statuses && q.statuses.length === 1) where.push(q.statuses[0] === 'closed' ? { status: 'CLOSED' } : { status: { $ne: 'CLOSED' } });
  const rows = await em.find(ReportRow, (where.length === 0 ? {} : { $and: where }) as FilterQuery<ReportRow>, { orderBy: { id: 'desc' }, limit: MAX_REQUESTS });
  return rows.map(toRequest);
}

export async function findRequest(em: EntityManager, id: string): Promise<Open311Request | null> {
  if (!isUuid(id)) return null;
  const row = await em.findOne(ReportRow, { id: id.toLowerCase() });
  return row ? toRequest(row) : null;
}
