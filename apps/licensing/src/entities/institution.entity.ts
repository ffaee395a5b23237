import { defineEntity, p } from '@mikro-orm/core';
import type { InferEntity } from '@mikro-orm/core';
import { baseProperties } from '@edugraph/persistence';

export const Institution = defineEntity({
  name: 'Institution',
  tableName: 'institution',
  uniques: [{ properties: ['name', 'districtCode'] }],
  properties: {
    ...baseProperties(),
    name: p.string().length(200),
    level: p.string().length(20),
    ownership: p.string().length(10),
    districtCode: p.string().length(40).index(),
    address: p.string().length(300).nullable(),
    creditCode: p.string().length(18).nullable().unique(),
    licenceNumber: p.string().length(60).nullable(),
    licenceStatus: p.string().length(20).nullable(),
  },
});
export type Institution = InferEntity<typeof Institution>;
