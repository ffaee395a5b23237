import { defineEntity, p } from '@mikro-orm/core';
import type { InferEntity } from '@mikro-orm/core';
import { baseProperties } from '@edugraph/persistence';

/**
 * One movement of a student's yearly public funding (生均公用经费): ENROLMENT, TRANSFER_OUT or
 * TRANSFER_IN. Append-only. `seq` numbers a student's entries of a year from 0: the unique key
 * (studentId, year, seq) orders them without a clock, makes a second ENROLMENT impossible, and
 * makes two transfers of one student at once conflict instead of both landing.
 */
export const FundingEntry = defineEntity({
  name: 'FundingEntry',
  tableName: 'funding_entry',
  uniques: [{ properties: ['studentId', 'year', 'seq'] }],
  indexes: [{ properties: ['schoolId', 'year'] }],
  properties: {
    ...baseProperties(),
    studentId: p.uuid(),
    schoolId: p.uuid(),
    year: p.integer(),
    seq: p.integer(),
    /** ENROLMENT | TRANSFER_OUT | TRANSFER_IN. */
    kind: p.string().length(20),
    /** PRIMARY | JUNIOR: which rate applied. */
    level: p.string().length(10),
    /** Positive into the school, negative out of it. */
    amountFen: p.integer(),
    on: p.string().length(10),
    recordedBy: p.string().length(200),
    /** Why a student was transferred (staff's words; never sent in events). */
    reason: p.string().length(500).nullable(),
  },
});
export type FundingEntry = InferEntity<typeof FundingEntry>;

/**
 * An application for aid (资助) for an enrolled student. The difficulty (低保, 残疾 …) is sensitive
 * personal information: it is stored sealed. `activeKey` is `<studentId>|<year>` while the
 * application is PENDING or GRANTED and null once refused, so the unique key allows one open or
 * granted application per student and year, and a new one after a refusal.
 */
export const AidApplication = defineEntity({
  name: 'AidApplication',
  tableName: 'aid_application',
  properties: {
    ...baseProperties(),
    studentId: p.uuid().index(),
    /** The school-place application the student came from (its guardian is the family). */
    applicationId: p.uuid(),
    year: p.integer(),
    difficultySealed: p.text(),
    boarding: p.boolean(),
    /** PENDING | GRANTED | REFUSED. */
    status: p.string().length(10),
    activeKey: p.string().length(80).nullable().unique(),
    amountFen: p.integer().nullable(),
    basis: p.text().nullable(),
    appliedBy: p.string().length(200),
    appliedOn: p.string().length(10),
    decidedBy: p.string().length(200).nullable(),
    decidedOn: p.string().length(10).nullable(),
    /** The domain's code when refused (NOT_ELIGIBLE …). */
    refusalCode: p.string().length(40).nullable(),
    reason: p.string().length(500).nullable(),
  },
});
export type AidApplication = InferEntity<typeof AidApplication>;

export const FUNDING_ENTITIES = [FundingEntry, AidApplication];
