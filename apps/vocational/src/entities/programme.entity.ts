import { defineEntity, p } from '@mikro-orm/core';
import type { InferEntity } from '@mikro-orm/core';
import { baseProperties } from '@edugraph/persistence';

export const Programme = defineEntity({
  name: 'Programme',
  tableName: 'programme',
  uniques: [{ properties: ['institutionId', 'code'] }],
  properties: {
    ...baseProperties(),
    institutionId: p.uuid().index(),
    code: p.string().length(6),
    name: p.string().length(200),
    lengthYears: p.integer(),
    annualIntake: p.integer(),
    featured: p.boolean().default(false),
  },
});
export type Programme = InferEntity<typeof Programme>;
