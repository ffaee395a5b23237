import { defineEntity, p } from '@mikro-orm/core';
import type { InferEntity } from '@mikro-orm/core';

/** One inclusive recognition decision (普惠性认定) for a school year, as stored on the kindergarten. */
export interface StoredRecognition {
  schoolYear: number;
  monthlyFeeFen: number;
  capFen: number;
  decidedOn: string;
  documentNo: string;
  decidedBy: string;
}

/** Who recorded a school year's roster, and when: the subsidy's disbursement names this person. */
export interface StoredRosterRecord {
  enrolled: number;
  recordedBy: string;
  recordedOn: string;
}

/**
 * A kindergarten as preschool knows it; created from the registry's events. The registered kind is
 * derived from `ownership` (PUBLIC | PRIVATE); INCLUSIVE_PRIVATE is only ever the kind in a year
 * with a recognition. `area` and `nonProfit` are not in the registry's event: bureau staff set them
 * (setKindergartenProfile) before a recognition; until then they are null.
 */
export const Kindergarten = defineEntity({
  name: 'Kindergarten',
  tableName: 'kindergarten',
  properties: {
    institutionId: p.uuid().primary(),
    name: p.string().length(200),
    ownership: p.string().length(10),
    districtCode: p.string().length(40).index(),
    places: p.integer().default(0),
    /** Children enrolled in the latest school year with a roster (kept in step with `rosters`). */
    enrolled: p.integer().default(0),
    /** Public, or recognised inclusive for the school year it was last recognised in (the GraphQL field is derived per year). */
    inclusive: p.boolean().default(false),
    /** URBAN | RURAL (城区 / 农村); null until bureau staff set the profile. */
    area: p.string().length(5).nullable(),
    /** Registered non-profit (非营利性); null until bureau staff set the profile. */
    nonProfit: p.boolean().nullable(),
    /** The monthly care-and-education fee (保育教育费) it charges, in fen; null when not known. */
    monthlyFeeFen: p.integer().nullable(),
    /** Roster per school year, keyed by the year ("2026"). */
    rosters: p.json<Record<string, StoredRosterRecord>>().nullable(),
    /** Recognition decisions, one per school year. */
    recognitions: p.json<StoredRecognition[]>().nullable(),
    version: p.integer().version(),
  },
});
export type Kindergarten = InferEntity<typeof Kindergarten>;
