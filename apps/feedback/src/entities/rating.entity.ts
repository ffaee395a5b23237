import { defineEntity, p } from '@mikro-orm/core';
import type { InferEntity } from '@mikro-orm/core';
import { baseProperties } from '@edugraph/persistence';

export const Rating = defineEntity({
  name: 'Rating',
  tableName: 'rating',
  properties: {
    ...baseProperties(),
    /** The institution rated; null for a matter that concerns none (a placement across schools). */
    institutionId: p.uuid().nullable().index(),
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
    /** VERY_SATISFIED … VERY_DISSATISFIED (ratings before levels were named: from their score). */
    level: p.string().length(20).nullable(),
    channel: p.string().length(10).nullable(),
    /** The service matter rated (rateMatter); null for the older rateService ratings. */
    serviceMatterId: p.uuid().nullable().unique(),
    office: p.string().length(40).nullable().index(),
    /** Day rated in Asia/Shanghai, for the published figures of a period. */
    ratedOn: p.string().length(10).nullable().index(),
    /** Removed from the published figures by an upheld appeal; kept, marked, in the record. */
    excluded: p.boolean().default(false),
  },
});
export type Rating = InferEntity<typeof Rating>;
