import { defineEntity, p } from '@mikro-orm/core';
import type { InferEntity } from '@mikro-orm/core';

/** A vocational school as vocational knows it; created from the registry's events. */
export const VocationalSchool = defineEntity({
  name: 'VocationalSchool',
  tableName: 'vocational_school',
  properties: {
    institutionId: p.uuid().primary(),
    name: p.string().length(200),
    districtCode: p.string().length(40),
    openedAt: p.datetime(),
    /**
     * SECONDARY (中职), ASSOCIATE or BACHELOR: the level of programmes the school may run. The
     * registry says only VOCATIONAL; the city's own schools are secondary.
     */
    level: p.string().length(10).default('SECONDARY'),
    /** Hash and year of the last snapshot applied (null before the first sync). */
    lastSnapshotHash: p.string().length(64).nullable(),
    lastSnapshotYear: p.integer().nullable(),
    lastSyncedAt: p.datetime().nullable(),
  },
});
export type VocationalSchool = InferEntity<typeof VocationalSchool>;
