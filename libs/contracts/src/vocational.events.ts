import { z } from 'zod';

export const programmePublishedV1 = z.object({
  programmeId: z.uuid(),
  institutionId: z.uuid(),
  code: z.string().min(1),
  name: z.string().min(1),
  annualIntake: z.number().int().nonnegative(),
});

/** A programme's row changed in a catalogue sync, or its alignment with the city's industries. */
export const programmeChangedV1 = z.object({
  programmeId: z.uuid(),
  institutionId: z.uuid(),
  code: z.string().min(1),
  name: z.string().min(1),
  annualIntake: z.number().int().nonnegative(),
  /** Names of the fields that changed, e.g. annualIntake, industries. */
  fields: z.array(z.string().min(1)).min(1),
});

/** A programme the school's latest snapshot no longer names. */
export const programmeRetiredV1 = z.object({
  programmeId: z.uuid(),
  institutionId: z.uuid(),
  code: z.string().min(1),
  name: z.string().min(1),
});

/** A school's catalogue snapshot was applied: what it did, and its content hash. */
export const catalogueSyncedV1 = z.object({
  institutionId: z.uuid(),
  year: z.number().int(),
  snapshotHash: z.string().regex(/^[0-9a-f]{64}$/),
  rows: z.number().int().nonnegative(),
  added: z.number().int().nonnegative(),
  changed: z.number().int().nonnegative(),
  retired: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  kept: z.number().int().nonnegative(),
  rejectedRows: z.number().int().nonnegative(),
});

/** The city's industry table was replaced. */
export const industriesSetV1 = z.object({
  industries: z.array(z.object({ code: z.string().min(1), name: z.string().min(1), kind: z.enum(['LEADING', 'MODERN_SERVICE']) })),
});

export const vocationalSchoolOpenedV1 = z.object({
  institutionId: z.uuid(),
});

export type ProgrammeChangedV1 = z.infer<typeof programmeChangedV1>;
export type CatalogueSyncedV1 = z.infer<typeof catalogueSyncedV1>;

export const vocationalEvents = {
  'vocational.programme.published': { 1: programmePublishedV1 },
  'vocational.programme.changed': { 1: programmeChangedV1 },
  'vocational.programme.retired': { 1: programmeRetiredV1 },
  'vocational.catalogue.synced': { 1: catalogueSyncedV1 },
  'vocational.industries.set': { 1: industriesSetV1 },
  'vocational.school.opened': { 1: vocationalSchoolOpenedV1 },
} as const;
