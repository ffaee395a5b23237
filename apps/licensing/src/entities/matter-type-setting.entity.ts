import { defineEntity, p } from '@mikro-orm/core';
import type { InferEntity } from '@mikro-orm/core';
import { baseProperties } from '@edugraph/persistence';

/** Bureau staff's version of a matter type's materials and deciding authority; absent: the seeded catalogue applies. */
export const MatterTypeSetting = defineEntity({
  name: 'MatterTypeSetting',
  tableName: 'matter_type_setting',
  properties: {
    ...baseProperties(),
    typeCode: p.string().length(40).unique(),
    materials: p.json<{ code: string; name: string; nameEn: string | null; key: boolean; shortfallAllowed: boolean }[]>(),
    authority: p.string().length(30),
    updatedBy: p.string().length(200),
  },
});
export type MatterTypeSetting = InferEntity<typeof MatterTypeSetting>;
