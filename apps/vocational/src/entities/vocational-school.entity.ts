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
  },
});
export type VocationalSchool = InferEntity<typeof VocationalSchool>;
