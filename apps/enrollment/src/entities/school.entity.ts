import { defineEntity, p } from '@mikro-orm/core';
import type { InferEntity } from '@mikro-orm/core';

/** A primary or junior school as enrollment knows it; created from the registry's events. */
export const School = defineEntity({
  name: 'School',
  tableName: 'school',
  properties: {
    institutionId: p.uuid().primary(),
    name: p.string().length(200),
    level: p.string().length(20),
    districtCode: p.string().length(40).index(),
    openedAt: p.datetime(),
    /** When it stopped taking children (retired, or no longer primary or junior); rounds leave it out. */
    closedAt: p.datetime().nullable(),
  },
});
export type School = InferEntity<typeof School>;
