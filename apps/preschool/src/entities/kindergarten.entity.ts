import { defineEntity, p } from '@mikro-orm/core';
import type { InferEntity } from '@mikro-orm/core';

/** A kindergarten as preschool knows it; created from the registry's events. */
export const Kindergarten = defineEntity({
  name: 'Kindergarten',
  tableName: 'kindergarten',
  properties: {
    institutionId: p.uuid().primary(),
    name: p.string().length(200),
    ownership: p.string().length(10),
    districtCode: p.string().length(40).index(),
    places: p.integer().default(0),
    enrolled: p.integer().default(0),
    inclusive: p.boolean().default(false),
    version: p.integer().version(),
  },
});
export type Kindergarten = InferEntity<typeof Kindergarten>;
