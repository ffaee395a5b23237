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
    matterId: p.string().length(100).nullable().index(),
    /**
     * SHA-256 (hex) of ratingKey: one rating per rater and matter (一事一评); without a matter, one
     * per rater, institution and service item. The unique key holds it even when two ratings race.
     */
    matterKey: p.string().length(300).unique(),
    score: p.integer(),
    comment: p.text().nullable(),
    /** The sign-in's user id, as long as the identity provider made it. */
    raterId: p.text(),
    bad: p.boolean(),
  },
});
export type Rating = InferEntity<typeof Rating>;
