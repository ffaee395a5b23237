import { defineEntity, p } from '@mikro-orm/core';
import type { InferEntity } from '@mikro-orm/core';
import { baseProperties } from '@edugraph/persistence';

/** Seats of one school in one grade of one school year; `version` guards concurrent edits. */
export const SeatPool = defineEntity({
  name: 'SeatPool',
  tableName: 'seat_pool',
  uniques: [{ properties: ['institutionId', 'year', 'grade'] }],
  properties: {
    ...baseProperties(),
    institutionId: p.uuid().index(),
    year: p.integer(),
    grade: p.integer(),
    capacity: p.integer(),
    placed: p.integer().default(0),
  },
});
export type SeatPool = InferEntity<typeof SeatPool>;
