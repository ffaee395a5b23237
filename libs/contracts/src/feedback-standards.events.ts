import { z } from 'zod';

// Events of service standards and training (统一服务标准、业务培训). Staff appear by id only: never a
// name, neither of a trainer nor of anyone on a roster.

const date = z.iso.date();

/** A version of a service item's standard was published; it is in force from effectiveOn until a later version takes effect. */
export const standardPublishedV1 = z.object({
  standardId: z.uuid(),
  itemCode: z.string().min(1),
  office: z.string().min(1),
  version: z.string().min(1),
  effectiveOn: date,
  /** The version in force until then, if any. */
  supersedes: z.uuid().nullable(),
});

/** A training on one version of a standard was held; attendees are staff ids. */
export const trainingRecordedV1 = z.object({
  trainingId: z.uuid(),
  standardId: z.uuid(),
  itemCode: z.string().min(1),
  version: z.string().min(1),
  heldOn: date,
  attendeeIds: z.array(z.string().min(1)).min(1),
});

/** An office's staff roster was set (replaced as a whole); ids only. */
export const officeStaffSetV1 = z.object({
  office: z.string().min(1),
  staffIds: z.array(z.string().min(1)),
  added: z.array(z.string().min(1)),
  removed: z.array(z.string().min(1)),
});

export const feedbackStandardEvents = {
  'feedback.standard.published': { 1: standardPublishedV1 },
  'feedback.training.recorded': { 1: trainingRecordedV1 },
  'feedback.office-staff.set': { 1: officeStaffSetV1 },
} as const;
