import { defineEntity, p } from '@mikro-orm/core';
import type { InferEntity } from '@mikro-orm/core';
import { baseProperties } from '@edugraph/persistence';

/**
 * An application. `state` is the domain's StoredApplication with every personal value sealed
 * — but its status and placement are the columns', which a round writes without touching the state
 * (AES-256-GCM, see libs/auth pii): names, resident IDs, phones and document numbers never reach
 * the database in clear. The child is found by `childIndex`, a blind index of the resident ID, so
 * one application per child and year is a unique key, not a scan.
 */
export const Application = defineEntity({
  name: 'Application',
  tableName: 'application',
  uniques: [{ properties: ['year', 'childIndex'] }],
  properties: {
    ...baseProperties(),
    year: p.integer(),
    grade: p.integer(),
    status: p.string().length(30).index(),
    /** The signed-in guardian who applied (JWT sub). */
    guardianId: p.string().length(200).index(),
    childIndex: p.string().length(64),
    residenceDistrictCode: p.string().length(40).index(),
    state: p.json<Record<string, unknown>>(),
    /** Where the latest round placed the child (IN_DISTRICT | REASSIGNED | WAITLISTED | INELIGIBLE). */
    placementKind: p.string().length(20).nullable(),
    placementSchoolId: p.uuid().nullable().index(),
    placementDistrictCode: p.string().length(40).nullable(),
    /** 0 for the round itself, then 1, 2 … for the waitlist's and late batches. */
    placementBatch: p.integer().nullable(),
    explanationZh: p.text().nullable(),
    explanationEn: p.text().nullable(),
    roundId: p.uuid().nullable(),
    closedOn: p.string().length(10).nullable(),
    /** The day its personal data was erased (retention over); the statistics columns remain. */
    erasedOn: p.string().length(10).nullable(),
  },
});
export type Application = InferEntity<typeof Application>;

/** A round of one year and grade: the seed's hash committed first, the seed published when it runs. */
export const PlacementRound = defineEntity({
  name: 'PlacementRound',
  tableName: 'placement_round',
  uniques: [{ properties: ['year', 'grade'] }],
  properties: {
    ...baseProperties(),
    year: p.integer(),
    grade: p.integer(),
    seedHash: p.string().length(64),
    seed: p.string().length(200).nullable(),
    committedBy: p.string().length(200),
    ranAt: p.datetime().nullable(),
    ranBy: p.string().length(200).nullable(),
    placedCount: p.integer().default(0),
    reassignedCount: p.integer().default(0),
    waitlistedCount: p.integer().default(0),
    ineligibleCount: p.integer().default(0),
    /** The engine's input without the seed, and its outcomes: pseudonymous, published so anyone can re-run the round. */
    publishedInput: p.json<Record<string, unknown>>().nullable(),
    publishedOutcomes: p.json<Record<string, unknown>[]>().nullable(),
  },
});
export type PlacementRound = InferEntity<typeof PlacementRound>;

/** An enrolled child at a school for a school year. */
export const Student = defineEntity({
  name: 'Student',
  tableName: 'student',
  properties: {
    ...baseProperties(),
    applicationId: p.uuid().unique(),
    schoolId: p.uuid().index(),
    year: p.integer(),
    grade: p.integer(),
    enrolledOn: p.string().length(10),
  },
});
export type Student = InferEntity<typeof Student>;
