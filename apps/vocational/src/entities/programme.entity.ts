import { defineEntity, p } from '@mikro-orm/core';
import type { InferEntity } from '@mikro-orm/core';
import { baseProperties } from '@edugraph/persistence';

export interface StoredPartner {
  name: string;
  creditCode: string;
}

/**
 * A school's programme (专业), one per school and catalogue code. A programme the school's latest
 * snapshot no longer names is RETIRED, not deleted: its id stays valid for events, statistics and
 * open data history, and the same code synced again is PUBLISHED again under the same id.
 */
export const Programme = defineEntity({
  name: 'Programme',
  tableName: 'programme',
  uniques: [{ properties: ['institutionId', 'code'] }],
  properties: {
    ...baseProperties(),
    institutionId: p.uuid().index(),
    code: p.string().length(6),
    name: p.string().length(200),
    /** SECONDARY | ASSOCIATE | BACHELOR: the code's level. */
    level: p.string().length(10).default('SECONDARY'),
    lengthYears: p.integer(),
    annualIntake: p.integer(),
    enrolled: p.integer().default(0),
    applicants: p.integer().default(0),
    featured: p.boolean().default(false),
    partnerEnterprises: p.json<StoredPartner[]>().default('[]'),
    /** Codes of the city's industries the programme serves, sorted. */
    industries: p.json<string[]>().default('[]'),
    outOfCatalogueReference: p.string().length(200).nullable(),
    /** PUBLISHED | RETIRED. */
    status: p.string().length(10).default('PUBLISHED'),
    /** Year of the snapshot (or the publication) that last set this programme. */
    year: p.integer().default(0),
    /** SHA-256 of the programme's canonical row: equal hashes, equal programmes. */
    contentHash: p.string().length(64).default(''),
  },
});
export type Programme = InferEntity<typeof Programme>;
