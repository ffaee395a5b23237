import { z } from 'zod';

export const seatPoolCapacitySetV1 = z.object({
  institutionId: z.uuid(),
  year: z.number().int(),
  grade: z.number().int(),
  capacity: z.number().int().nonnegative(),
  previousCapacity: z.number().int().nonnegative().nullable(),
});

export const schoolOpenedV1 = z.object({
  institutionId: z.uuid(),
  districtCode: z.string().min(1),
});

// Application events carry ids and facts, never a child's name, resident ID or phone (PIPL art. 28).
const ofApplication = <T extends z.ZodRawShape>(shape: T) => z.object({ applicationId: z.uuid(), ...shape });
const date = z.iso.date();

export const applicationSubmittedV1 = ofApplication({ year: z.number().int(), grade: z.number().int(), districtCode: z.string().min(1), housing: z.enum(['OWNER', 'RENTER']) });
export const documentAddedV1 = ofApplication({ documentId: z.string().min(1), kind: z.string().min(1) });
export const documentVerifiedV1 = ofApplication({ documentId: z.string().min(1), kind: z.string().min(1) });
export const documentRejectedV1 = ofApplication({ documentId: z.string().min(1), kind: z.string().min(1), reason: z.string().min(1) });
export const applicationReadyV1 = ofApplication({});
export const correctionsRequestedV1 = ofApplication({ notice: z.number().int(), items: z.array(z.looseObject({})) });
export const applicationResubmittedV1 = ofApplication({ documents: z.number().int() });
export const applicationPlacedV1 = ofApplication({ schoolId: z.string().min(1), districtId: z.string().min(1), reassigned: z.boolean(), batch: z.number().int() });
export const applicationWaitlistedV1 = ofApplication({ batch: z.number().int() });
/** `unmetRequirements`: how many document requirements were not met (the family sees which in its explanation). */
export const applicationIneligibleV1 = ofApplication({ batch: z.number().int(), unmetRequirements: z.number().int().min(1) });
const response = ofApplication({ schoolId: z.string().nullable(), grade: z.number().int(), year: z.number().int() });
export const studentEnrolledV1 = ofApplication({ studentId: z.uuid(), schoolId: z.string().nullable(), year: z.number().int(), grade: z.number().int(), on: date });
export const applicationWithdrawnV1 = ofApplication({ from: z.string(), schoolId: z.string().nullable() });
export const applicationClosedV1 = ofApplication({ from: z.string(), closedOn: date });
/** A step a family waited for is done (placement made, enrolment, aid decided): the feedback service invites a rating. */
export const applicationCompletedV1 = z.looseObject({
  applicationId: z.uuid(),
  step: z.enum(['PLACEMENT', 'ENROLMENT', 'AID']),
  /** The guardian who applied (their sign-in id), to invite. */
  applicantId: z.string().min(1),
  completedOn: date,
});
export type ApplicationCompletedV1 = z.infer<typeof applicationCompletedV1>;
export const placementRoundRanV1 = z.object({
  roundId: z.uuid(),
  year: z.number().int(),
  grade: z.number().int(),
  seed: z.string().min(1),
  seedHash: z.string().length(64),
  placedCount: z.number().int(),
  reassignedCount: z.number().int(),
  waitlistedCount: z.number().int(),
  ineligibleCount: z.number().int(),
});

// Funding follows the student, and aid: ids and amounts (fen) only; never a difficulty or a reason.
/** A student moved school with their year's funding: one TRANSFER_OUT at `fromSchoolId`, one TRANSFER_IN at `toSchoolId`; a seat of the grade was given back at the old school. */
export const studentTransferredV1 = z.object({
  studentId: z.uuid(),
  applicationId: z.uuid(),
  fromSchoolId: z.uuid(),
  toSchoolId: z.uuid(),
  year: z.number().int(),
  grade: z.number().int(),
  amountFen: z.number().int().nonnegative(),
  on: date,
});
const aidDecision = {
  aidApplicationId: z.uuid(),
  studentId: z.uuid(),
  applicationId: z.uuid().nullable(),
  year: z.number().int(),
};
/** Aid granted at the amount of the criteria table (the same for local and migrant students). */
export const aidGrantedV1 = z.object({ ...aidDecision, granted: z.literal(true), amountFen: z.number().int().positive(), amount: z.string().min(1) });
/** Aid refused; `reason` is the refusal's code (NOT_ELIGIBLE …), never the staff's words. */
export const aidRefusedV1 = z.object({ ...aidDecision, granted: z.literal(false), reason: z.string().min(1) });

export const enrollmentEvents = {
  'enrollment.seat-pool.capacity-set': { 1: seatPoolCapacitySetV1 },
  'enrollment.school.opened': { 1: schoolOpenedV1 },
  'enrollment.application.submitted': { 1: applicationSubmittedV1 },
  'enrollment.application.document-added': { 1: documentAddedV1 },
  'enrollment.application.document-verified': { 1: documentVerifiedV1 },
  'enrollment.application.document-rejected': { 1: documentRejectedV1 },
  'enrollment.application.ready': { 1: applicationReadyV1 },
  'enrollment.application.documents-corrections-requested': { 1: correctionsRequestedV1 },
  'enrollment.application.resubmitted': { 1: applicationResubmittedV1 },
  'enrollment.application.placed': { 1: applicationPlacedV1 },
  'enrollment.application.waitlisted': { 1: applicationWaitlistedV1 },
  'enrollment.application.ineligible': { 1: applicationIneligibleV1 },
  'enrollment.application.accepted': { 1: response },
  'enrollment.application.declined': { 1: response },
  'enrollment.student.enrolled': { 1: studentEnrolledV1 },
  'enrollment.application.withdrawn': { 1: applicationWithdrawnV1 },
  'enrollment.application.closed': { 1: applicationClosedV1 },
  'enrollment.application.completed': { 1: applicationCompletedV1 },
  'enrollment.round.ran': { 1: placementRoundRanV1 },
  'enrollment.student.transferred': { 1: studentTransferredV1 },
  'enrollment.aid.granted': { 1: aidGrantedV1 },
  'enrollment.aid.refused': { 1: aidRefusedV1 },
} as const;
