import DataLoader from 'dataloader';
import { z } from 'zod';
import type { EntityManager } from '@mikro-orm/core';
import type { CachedFamily } from '@edugraph/cache';
import { checkPageSize, decodeCursor, encodeCursor, optionalTextInput, parseInput } from '@edugraph/platform';
import { INSTITUTION_LEVELS, lookupIds, lookupKey } from '@edugraph/rules';
import { Institution } from '../entities/institution.entity.ts';
import { toInstitutionView } from './institution.view.ts';
import type { InstitutionView } from './institution.view.ts';

const filterInput = z.object({
  first: z.number().nullish(),
  after: z.string().nullish(),
  level: z.enum(INSTITUTION_LEVELS).nullish(),
  districtCode: optionalTextInput({ max: 40, form: 'NFKC' }),
});
export type InstitutionFilter = z.input<typeof filterInput>;

export interface InstitutionPage {
  nodes: InstitutionView[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

/**
 * The public registry list, keyset-paginated by id (ids are time-ordered). Served from the cache
 * family `institutions`, which the registry's own events invalidate.
 */
export async function listInstitutions(em: EntityManager, cache: CachedFamily, raw: InstitutionFilter): Promise<InstitutionPage> {
  const filter = parseInput(filterInput, raw);
  const first = checkPageSize(filter.first);
  const afterId = decodeCursor(filter.after);
  const key = JSON.stringify([first, afterId, filter.level ?? null, filter.districtCode]);
  return cache.read(key, async () => {
    const where = {
      ...(filter.level ? { level: filter.level } : {}),
      ...(filter.districtCode ? { districtCode: filter.districtCode } : {}),
    };
    const [rows, totalCount] = await Promise.all([
      em.find(Institution, { ...where, ...(afterId ? { id: { $gt: afterId } } : {}) }, { orderBy: { id: 'asc' }, limit: first + 1 }),
      em.count(Institution, where),
    ]);
    const nodes = rows.slice(0, first).map(toInstitutionView);
    return {
      nodes,
      pageInfo: { hasNextPage: rows.length > first, endCursor: nodes.length ? encodeCursor(nodes[nodes.length - 1]!.id) : null },
      totalCount,
    };
  });
}

/**
 * Many institutions by id in one query: the batch behind `institution(id)` and the references
 * other subgraphs send. An id that is not a UUID names no institution: null, and no error for the
 * rest of the batch (PostgreSQL's uuid type would refuse the whole query).
 */
export async function institutionsById(em: EntityManager, ids: readonly string[]): Promise<(InstitutionView | null)[]> {
  const wanted = lookupIds(ids);
  if (wanted.length === 0) return ids.map(() => null);
  const found = new Map((await em.find(Institution, { id: { $in: wanted } })).map((row) => [row.id, row]));
  return ids.map((id) => {
    const row = found.get(lookupKey(id) ?? '');
    return row ? toInstitutionView(row) : null;
  });
}

/** The request's loader of institutions by id (see LoaderRegistry). */
export function institutionLoader(em: EntityManager): DataLoader<string, InstitutionView | null> {
  return new DataLoader((ids) => institutionsById(em, ids));
}
