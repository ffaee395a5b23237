import { z } from 'zod';

const date = z.iso.date();
const level = z.enum(['VERY_SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED', 'VERY_DISSATISFIED']);

/** A service completed something a person waited for: they are invited to rate it (一事一评). */
export const reviewMatterInvitedV1 = z.object({
  matterId: z.uuid(),
  service: z.string().min(1),
  serviceItem: z.string().min(1),
  office: z.string().min(1),
  applicantId: z.string().min(1),
  completedOn: date,
  /** The last day the applicant may rate. */
  closesOn: date,
});

export const reviewMatterRatedV1 = z.object({
  ratingId: z.uuid(),
  matterId: z.uuid(),
  serviceItem: z.string().min(1),
  office: z.string().min(1),
  institutionId: z.uuid().nullable(),
  level,
  score: z.number().int().min(1).max(5),
  bad: z.boolean(),
  channel: z.enum(['ONLINE', 'WINDOW', 'PHONE', 'SMS']),
});

const caseRef = { caseId: z.uuid(), ratingId: z.uuid(), office: z.string().min(1) };

export const reviewCaseOpenedV1 = z.object({ ...caseRef, serviceItem: z.string().min(1), callbackDueOn: date });
export const reviewCaseCalledBackV1 = z.object({ ...caseRef, contactedAt: z.string().min(1) });
export const reviewCaseResolvedV1 = z.object({ ...caseRef, resolution: z.enum(['FIXED_IMMEDIATELY', 'FIX_BY_DEADLINE', 'EXPLAINED']), dueOn: date.nullable() });
export const reviewCaseRectifiedV1 = z.object({ ...caseRef, completedOn: date });
export const reviewCaseFixRatedV1 = z.object({ ...caseRef, level });
/** A case's callback or fix turned DUE_SOON or OVERDUE; once per case and state. */
export const reviewCaseOverdueV1 = z.object({ ...caseRef, status: z.enum(['DUE_SOON', 'OVERDUE']), dueOn: date, stage: z.enum(['CALLBACK', 'RECTIFICATION']) });

export const reviewAppealFiledV1 = z.object({ appealId: z.uuid(), ratingId: z.uuid(), office: z.string().min(1) });
export const reviewAppealDecidedV1 = z.object({ appealId: z.uuid(), ratingId: z.uuid(), office: z.string().min(1), upheld: z.boolean(), decidingOffice: z.string().min(1) });

/** The policy and law office set a new version of the 好差评 (REVIEW), report (REPORTS) or major-decision (DECISIONS) numbers. */
export const reviewPolicyNumbersSetV1 = z.object({ kind: z.enum(['REVIEW', 'REPORTS', 'DECISIONS']), effectiveOn: date, numbers: z.record(z.string(), z.number().int()) });

export const feedbackReviewEvents = {
  'feedback.policy-numbers.set': { 1: reviewPolicyNumbersSetV1 },
  'feedback.matter.invited': { 1: reviewMatterInvitedV1 },
  'feedback.matter.rated': { 1: reviewMatterRatedV1 },
  'feedback.case.opened': { 1: reviewCaseOpenedV1 },
  'feedback.case.called-back': { 1: reviewCaseCalledBackV1 },
  'feedback.case.resolved': { 1: reviewCaseResolvedV1 },
  'feedback.case.rectified': { 1: reviewCaseRectifiedV1 },
  'feedback.case.fix-rated': { 1: reviewCaseFixRatedV1 },
  'feedback.case.overdue': { 1: reviewCaseOverdueV1 },
  'feedback.appeal.filed': { 1: reviewAppealFiledV1 },
  'feedback.appeal.decided': { 1: reviewAppealDecidedV1 },
} as const;
