import type { EntityManager } from '@mikro-orm/core';
import { isUuid } from '@edugraph/rules';
import { SeatPool } from '../entities/seat-pool.entity.ts';
import { toSeatPoolView } from './seat-pool.view.ts';
import type { SeatPoolView } from './seat-pool.view.ts';

/** An id that is not a UUID names no institution: no pools (rather than an error from PostgreSQL's uuid type). */
export async function seatPoolsOf(em: EntityManager, institutionId: string, year?: number | null): Promise<SeatPoolView[]> {
  if (!isUuid(institutionId)) return [];
  const pools = await em.find(SeatPool, { institutionId: institutionId.toLowerCase(), ...(year != null ? { year } : {}) }, { orderBy: { year: 'asc', grade: 'asc' } });
  return pools.map(toSeatPoolView);
}
