import type { EntityManager } from '@mikro-orm/core';
import type { CachedFamily } from '@edugraph/cache';
import { checkPageSize, decodeCursor, encodeCursor } from '@edugraph/platform';
import { Institution } from '../entities/institution.entity.ts';
import { toInstitutionView } from './institution.view.ts';
import type { InstitutionView } from './institution.view.ts';

export interface InstitutionFilter {
  first?: number | null;
  after?: string | null;
  level?: string | null;
  districtCode?: string | null;
}

export interface InstitutionPage {
  nodes: InstitutionView[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

/**
 * The public registry list, keyset-paginated by id (ids are time-ordered). Served from the cache
 * family `institutions`, which the registry's own events invalidate.
 */
export async function listInstitutions(em: EntityManager, cache: CachedFamily, filter: InstitutionFilter): Promise<InstitutionPage> {
  const first = checkPageSize(filter.first);
  const afterId = decodeCursor(filter.after);
  const key = JSON.stringify([first, afterId, filter.level ?? null, filter.districtCode ?? null]);
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

export async function findInstitution(em: EntityManager, id: string): Promise<InstitutionView | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const row = await em.findOne(Institution, { id });
  return row ? toInstitutionView(row) : null;
}
