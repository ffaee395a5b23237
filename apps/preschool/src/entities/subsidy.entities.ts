import { defineEntity, p } from '@mikro-orm/core';
import type { InferEntity } from '@mikro-orm/core';
import { baseProperties } from '@edugraph/persistence';

/**
 * One entry of the inclusive-kindergarten subsidy ledger: COMPUTED, ADJUSTMENT, APPROVED, DISBURSED
 * or RECOVERED (see domain/subsidy/ledger.ts). Append-only: a recomputation adds an ADJUSTMENT, it
 * never edits a row. `seq` numbers a kindergarten's entries of a year from 0; the unique key
 * (kindergartenId, schoolYear, seq) orders them without a clock and makes two steps on the same
 * subsidy at once conflict instead of both landing. A voucher number appears once on the ledger.
 */
export const SubsidyEntry = defineEntity({
  name: 'SubsidyEntry',
  tableName: 'subsidy_entry',
  uniques: [{ properties: ['kindergartenId', 'schoolYear', 'seq'] }],
  indexes: [{ properties: ['schoolYear'] }],
  properties: {
    ...baseProperties(),
    kindergartenId: p.uuid(),
    schoolYear: p.integer(),
    seq: p.integer(),
    kind: p.string().length(12),
    /** Signed fen. */
    amountFen: p.integer(),
    on: p.string().length(10),
    enrolled: p.integer().nullable(),
    rateFen: p.integer().nullable(),
    voucherNo: p.string().length(60).nullable().unique(),
    recordedBy: p.string().length(200),
  },
});
export type SubsidyEntry = InferEntity<typeof SubsidyEntry>;

/**
 * A school year's per-child subsidy rate as set by the city finance bureau (data, with its basis).
 * A year without a row uses DEFAULT_SUBSIDY_RATES; a row replaces the default for its year.
 */
export const SubsidyRateRow = defineEntity({
  name: 'SubsidyRateRow',
  tableName: 'subsidy_rate',
  properties: {
    schoolYear: p.integer().primary().autoincrement(false),
    perChildFen: p.integer(),
    basis: p.text(),
    setBy: p.string().length(200),
    setOn: p.string().length(10),
    version: p.integer().version(),
  },
});
export type SubsidyRateRow = InferEntity<typeof SubsidyRateRow>;

export const SUBSIDY_ENTITIES = [SubsidyEntry, SubsidyRateRow];
