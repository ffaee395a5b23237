import { defineEntity, p } from '@mikro-orm/core';
import type { InferEntity } from '@mikro-orm/core';
import { baseProperties } from '@edugraph/persistence';
import type { StaffMember } from '../domain/standards/index.ts';

/**
 * A service item's standard (统一服务标准): one row per item, whose `version` column makes two staff
 * publishing a version of the same item at once go one after the other (the second: CONFLICT), so
 * two versions never take effect on overlapping dates. Its versions are StandardVersionRecord rows.
 */
export const ServiceStandardRecord = defineEntity({
  name: 'ServiceStandardRecord',
  tableName: 'service_standard',
  properties: {
    ...baseProperties(),
    itemCode: p.string().length(40).unique(),
    office: p.string().length(40).index(),
    versionCount: p.integer(),
    /** The latest effective date published: a new version must take effect after it. */
    latestEffectiveOn: p.string().length(10),
  },
});
export type ServiceStandardRecord = InferEntity<typeof ServiceStandardRecord>;

/** One published version of an item's standard; kept for good, never changed. Its id is the standard id trainings name. */
export const StandardVersionRecord = defineEntity({
  name: 'StandardVersionRecord',
  tableName: 'service_standard_version',
  uniques: [{ properties: ['itemCode', 'version'] }, { properties: ['itemCode', 'effectiveOn'] }],
  properties: {
    ...baseProperties(),
    itemCode: p.string().length(40).index(),
    office: p.string().length(40).index(),
    version: p.string().length(20),
    text: p.text(),
    effectiveOn: p.string().length(10).index(),
    publishedOn: p.string().length(10),
    publishedBy: p.text(),
  },
});
export type StandardVersionRecord = InferEntity<typeof StandardVersionRecord>;

/** An office's staff roster, kept by POLICY_LAW; the list training gaps are counted against. */
export const OfficeRosterRecord = defineEntity({
  name: 'OfficeRosterRecord',
  tableName: 'office_roster',
  properties: {
    ...baseProperties(),
    office: p.string().length(40).unique(),
    staff: p.json<StaffMember[]>(),
    setOn: p.string().length(10),
    setBy: p.text(),
  },
});
export type OfficeRosterRecord = InferEntity<typeof OfficeRosterRecord>;

/** A training session on one version of a standard, with who attended (staff ids). */
export const StandardTrainingRecord = defineEntity({
  name: 'StandardTrainingRecord',
  tableName: 'standard_training',
  properties: {
    ...baseProperties(),
    standardId: p.uuid().index(),
    itemCode: p.string().length(40).index(),
    office: p.string().length(40),
    version: p.string().length(20),
    heldOn: p.string().length(10),
    trainer: p.string().length(100),
    attendees: p.json<string[]>(),
    recordedBy: p.text(),
  },
});
export type StandardTrainingRecord = InferEntity<typeof StandardTrainingRecord>;

export const standardEntities = [ServiceStandardRecord, StandardVersionRecord, OfficeRosterRecord, StandardTrainingRecord];
