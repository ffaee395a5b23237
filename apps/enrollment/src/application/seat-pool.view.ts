import type { SeatPool } from '../entities/seat-pool.entity.ts';

export interface SeatPoolView {
  year: number;
  grade: number;
  capacity: number;
  placed: number;
  available: number;
}

export function toSeatPoolView(pool: SeatPool): SeatPoolView {
  return { year: pool.year, grade: pool.grade, capacity: pool.capacity, placed: pool.placed, available: pool.capacity - pool.placed };
}
