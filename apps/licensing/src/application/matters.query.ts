import DataLoader from 'dataloader';
import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { z } from 'zod';
import { checkPageSize, decodeCursor, encodeCursor, parseInput } from '@edugraph/platform';
import type { Actor } from '@edugraph/auth';
import { lookupIds, lookupKey } from '@edugraph/rules';
import type { CalendarDate } from '@edugraph/rules';
import { MATTER_STATUSES, MATTER_TYPE_CODES } from '../domain/matter/index.ts';
import { Matter } from '../entities/matter.entity.ts';
import { canReadMatter, requireMatterReader, requireSponsor } from './matter-access.ts';
import { catalogueLoader } from './matter-catalogue.ts';
import { toMatterView } from './matter.view.ts';
import type { MatterView } from './matter.view.ts';
import { requireRole } from '@edugraph/platform';

export interface MatterPage {
  nodes: MatterView[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

const filterInput = z.object({
  status: z.enum(MATTER_STATUSES).nullish(),
  type: z.enum(MATTER_TYPE_CODES).nullish(),
  authority: z.enum(['APPROVAL_BUREAU', 'EDUCATION_BUREAU']).nullish(),
  overdue: z.boolean().nullish(),
  multipleVisits: z.boolean().nullish(),
});
export type MatterFilter = z.input<typeof filterInput>;

interface Reader {
  em: EntityManager;
  actor: Actor;
  today: CalendarDate;
  loaders: { get<L>(factory: (em: EntityManager) => L): L };
}

/** One matter; null when there is none, FORBIDDEN when it is another sponsor's. */
export async function matterById(r: Reader, id: string): Promise<MatterView | null> {
  const row = await r.loaders.get(matterLoader).load(id);
  if (!row) return null;
  requireMatterReader(r.actor, row.applicantCreditCode);
  return toMatterView(row, await r.loaders.get(catalogueLoader).get(), r.today);
}

/** Staff's list of every matter, newest first, filtered; a page costs two statements and the catalogue's two. */
export async function listMatters(r: Reader, rawFilter: MatterFilter | null | undefined, first: number | null | undefined, after: string | null | undefined): Promise<MatterPage> {
  requireRole(r.actor, ['BUREAU_STAFF', 'LEADERSHIP', 'APPROVAL_BUREAU_STAFF'], 'list licensing matters');
  const filter = parseInput(filterInput, rawFilter ?? {});
  const where: FilterQuery<Matter> = {
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.type ? { typeCode: filter.type } : {}),
    ...(filter.authority ? { authority: filter.authority } : {}),
    ...(filter.overdue === true ? { dueOn: { $lt: r.today } } : filter.overdue === false ? { $or: [{ dueOn: null }, { dueOn: { $gte: r.today } }] } : {}),
    ...(filter.multipleVisits === true ? { inPersonVisits: { $gt: 1 } } : filter.multipleVisits === false ? { inPersonVisits: { $lte: 1 } } : {}),
  };
  return page(r, where, first, after);
}

/** The signed-in sponsor's own matters, newest first. */
export async function myMatters(r: Reader, first: number | null | undefined, after: string | null | undefined): Promise<MatterPage> {
  const creditCode = requireSponsor(r.actor, 'list your matters');
  return page(r, { applicantCreditCode: creditCode }, first, after);
}

async function page(r: Reader, where: FilterQuery<Matter>, rawFirst: number | null | undefined, after: string | null | undefined): Promise<MatterPage> {
  const first = checkPageSize(rawFirst);
  const afterId = decodeCursor(after);
  const [rows, totalCount, catalogue] = await Promise.all([
    r.em.find(Matter, afterId ? { $and: [where, { id: { $lt: afterId } }] } : where, { orderBy: { id: 'desc' }, limit: first + 1 }),
    r.em.count(Matter, where),
    r.loaders.get(catalogueLoader).get(),
  ]);
  const nodes = rows.slice(0, first).map((row) => toMatterView(row, catalogue, r.today));
  return { nodes, pageInfo: { hasNextPage: rows.length > first, endCursor: nodes.length ? encodeCursor(nodes[nodes.length - 1]!.id) : null }, totalCount };
}

/** Matters by id, one query per request. */
export function matterLoader(em: EntityManager): DataLoader<string, Matter | null> {
  return new DataLoader(async (ids) => {
    const wanted = lookupIds(ids);
    const found = new Map((wanted.length ? await em.find(Matter, { id: { $in: wanted } }) : []).map((m) => [m.id, m]));
    return ids.map((id) => found.get(lookupKey(id) ?? '') ?? null);
  });
}

/** Every institution's matters in one query per request (Institution.matters), newest first. */
export function mattersOfInstitutionLoader(em: EntityManager): DataLoader<string, Matter[]> {
  return new DataLoader(async (ids) => {
    const wanted = lookupIds(ids);
    const rows = wanted.length ? await em.find(Matter, { institutionId: { $in: wanted } }, { orderBy: { id: 'desc' } }) : [];
    return ids.map((id) => rows.filter((m) => m.institutionId === lookupKey(id)));
  });
}

/** An institution's matters the actor may read: all for staff, the sponsor's own, none for others. */
export async function mattersOfInstitution(r: Reader, institutionId: string): Promise<MatterView[]> {
  const readable = (await r.loaders.get(mattersOfInstitutionLoader).load(institutionId)).filter((m) => r.actor.kind !== 'anonymous' && canReadMatter(r.actor, m.applicantCreditCode));
  if (readable.length === 0) return [];
  const catalogue = await r.loaders.get(catalogueLoader).get();
  return readable.map((row) => toMatterView(row, catalogue, r.today));
}
