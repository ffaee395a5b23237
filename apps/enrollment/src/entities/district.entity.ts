import { defineEntity, p } from '@mikro-orm/core';
import type { InferEntity } from '@mikro-orm/core';

/** A school district (学区) of the city: data the admissions office keeps. */
export const District = defineEntity({
  name: 'District',
  tableName: 'district',
  properties: {
    code: p.string().length(40).primary(),
    name: p.string().length(100),
    /** URBAN or RURAL. */
    kind: p.string().length(10),
  },
});
export type District = InferEntity<typeof District>;

/** Road distance between two districts in km; the reassignment order reads it (nearest first). */
export const DistrictDistance = defineEntity({
  name: 'DistrictDistance',
  tableName: 'district_distance',
  properties: {
    fromCode: p.string().length(40).primary(),
    toCode: p.string().length(40).primary(),
    km: p.double().$type<number>(),
  },
});
export type DistrictDistance = InferEntity<typeof DistrictDistance>;
