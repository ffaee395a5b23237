import type { EntityManager } from '@mikro-orm/core';
import { SeatPool } from '../entities/seat-pool.entity.ts';
import { toSeatPoolView } from './seat-pool.view.ts';
import type { SeatPoolView } from './seat-pool.view.ts';

export async function seatPoolsOf(em: EntityManager, institutionId: string, year?: number | null): Promise<SeatPoolView[]> {
  const pools = await em.find(SeatPool, { institutionId, ...(year != null ? { year } : {}) }, { orderBy: { year: 'asc', grade: 'asc' } });
  return pools.map(toSeatPoolView);
}
