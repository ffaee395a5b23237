import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/core';
import { lookupIds, lookupKey } from '@edugraph/rules';
import { SeatPool } from '../entities/seat-pool.entity.ts';
import { toSeatPoolView } from './seat-pool.view.ts';
import type { SeatPoolView } from './seat-pool.view.ts';

/** Whose seat pools, and of which school year (all years when null). */
export interface SeatPoolsKey {
  institutionId: string;
  year: number | null;
}

/**
 * The seat pools of many institutions in one query: the batch behind `Institution.seatPools`.
 * An id that is not a UUID names no institution: no pools, and no error for the rest of the batch
 * (PostgreSQL's uuid type would refuse the whole query).
 */
export async function seatPoolsOf(em: EntityManager, keys: readonly SeatPoolsKey[]): Promise<SeatPoolView[][]> {
  const ids = lookupIds(keys.map((k) => k.institutionId));
  if (ids.length === 0) return keys.map(() => []);
  // One year asked by every key narrows the query; mixed years (aliases) are filtered below.
  const years = new Set(keys.map((k) => k.year));
  const [onlyYear] = years;
  const pools = await em.find(
    SeatPool,
    { institutionId: { $in: ids }, ...(years.size === 1 && onlyYear != null ? { year: onlyYear } : {}) },
    { orderBy: { year: 'asc', grade: 'asc' } },
  );
  const byInstitution = Map.groupBy(pools, (p) => p.institutionId);
  return keys.map((k) => {
    const own = byInstitution.get(lookupKey(k.institutionId) ?? '') ?? [];
    return own.filter((p) => k.year == null || p.year === k.year).map(toSeatPoolView);
  });
}

/** The request's loader of seat pools (see LoaderRegistry). */
export function seatPoolsLoader(em: EntityManager): DataLoader<SeatPoolsKey, SeatPoolView[], string> {
  return new DataLoader((keys) => seatPoolsOf(em, keys), { cacheKeyFn: (k) => `${k.institutionId.toLowerCase()}|${k.year ?? ''}` });
}
