import { defineEntity, p } from '@mikro-orm/core';
import type { InferEntity } from '@mikro-orm/core';
import { baseProperties } from '@edugraph/persistence';

/** A year's public holidays and make-up workdays as the State Council published them. */
export const HolidayArrangement = defineEntity({
  name: 'HolidayArrangement',
  tableName: 'holiday_arrangement',
  properties: {
    ...baseProperties(),
    year: p.integer().unique(),
    holidays: p.json<string[]>(),
    workdays: p.json<string[]>(),
    source: p.string().length(300),
    publishedBy: p.string().length(200),
  },
});
export type HolidayArrangement = InferEntity<typeof HolidayArrangement>;
