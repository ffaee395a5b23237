import { defineEntity, p } from '@mikro-orm/core';
import type { InferEntity } from '@mikro-orm/core';
import { baseProperties } from '@edugraph/persistence';

export const Rating = defineEntity({
  name: 'Rating',
  tableName: 'rating',
  properties: {
    ...baseProperties(),
    institutionId: p.uuid().index(),
    serviceItem: p.string().length(100),
    /** One rating per matter: the unique key holds it even when two ratings race. */
    matterId: p.string().length(100).nullable().unique(),
    score: p.integer(),
    comment: p.text().nullable(),
    raterId: p.string().length(100),
    bad: p.boolean(),
  },
});
export type Rating = InferEntity<typeof Rating>;
