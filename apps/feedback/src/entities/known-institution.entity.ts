import { defineEntity, p } from '@mikro-orm/core';
import type { InferEntity } from '@mikro-orm/core';

/** Institutions feedback has heard of from the registry, with a running satisfaction tally (moved by atomic increments). */
export const KnownInstitution = defineEntity({
  name: 'KnownInstitution',
  tableName: 'known_institution',
  properties: {
    institutionId: p.uuid().primary(),
    name: p.string().length(200),
    ratings: p.integer().default(0),
    scoreSum: p.integer().default(0),
    badReviews: p.integer().default(0),
    /** Bad reviews fixed (at once, or their rectification done). */
    fixedBadReviews: p.integer().default(0),
  },
});
export type KnownInstitution = InferEntity<typeof KnownInstitution>;
