import { z } from 'zod';
import { institutionLevelSchema, ownershipSchema } from './institution.ts';

const date = z.iso.date();
const matterType = z.string().min(1);

export const institutionRegisteredV1 = z.object({
  institutionId: z.uuid(),
  name: z.string().min(1),
  level: institutionLevelSchema,
  ownership: ownershipSchema,
  districtCode: z.string().min(1),
});
export type InstitutionRegisteredV1 = z.infer<typeof institutionRegisteredV1>;

/** A registry change decided in a matter: only the fields that changed are present. */
export const institutionChangedV1 = z.object({
  institutionId: z.uuid(),
  matterId: z.uuid().nullable(),
  changes: z.object({
    name: z.string().min(1).optional(),
    level: institutionLevelSchema.optional(),
    category: z.enum(['FOR_PROFIT', 'NON_PROFIT']).optional(),
    address: z.string().min(1).optional(),
    sponsorCreditCode: z.string().length(18).optional(),
  }),
});
export type InstitutionChangedV1 = z.infer<typeof institutionChangedV1>;

export const institutionRetiredV1 = z.object({
  institutionId: z.uuid(),
  matterId: z.uuid(),
  reason: z.enum(['MERGER', 'TERMINATION']),
  /** The institution a merged one became part of. */
  mergedInto: z.uuid().nullable(),
  retiredOn: date,
});
export type InstitutionRetiredV1 = z.infer<typeof institutionRetiredV1>;

export const licenceIssuedV1 = z.object({
  institutionId: z.uuid(),
  matterId: z.uuid(),
  licenceNumber: z.string().min(1),
  issuedOn: date,
  /** Working days between approval and issue; the law allows 10 (行政许可法 art. 44). */
  workingDaysAfterApproval: z.number().int().min(0),
});
export type LicenceIssuedV1 = z.infer<typeof licenceIssuedV1>;

const shortfallItem = z.object({ material: z.string().min(1), dueOn: date });

export const matterSubmittedV1 = z.object({
  matterId: z.uuid(),
  typeCode: matterType,
  creditCode: z.string().length(18),
  submittedOn: date,
  submission: z.number().int().min(1),
  missingMaterials: z.array(z.string()),
  noticeDueOn: date.nullable(),
});
export const matterCorrectionsRequestedV1 = z.object({
  matterId: z.uuid(),
  typeCode: matterType,
  issuedOn: date,
  items: z.array(z.object({ material: z.string().min(1), reason: z.string().min(1) })).min(1),
});
export const matterAcceptedV1 = z.object({
  matterId: z.uuid(),
  typeCode: matterType,
  acceptedOn: date,
  /** True when accepted by law for want of a correction notice within 5 working days (行政许可法 art. 32). */
  deemed: z.boolean(),
  decisionDueOn: date.nullable(),
  shortfall: z.array(shortfallItem),
});
export const matterDecidedV1 = z.object({
  matterId: z.uuid(),
  typeCode: matterType,
  outcome: z.enum(['APPROVED', 'REFUSED']),
  legalBasis: z.string().min(1),
  reason: z.string(),
  authority: z.enum(['APPROVAL_BUREAU', 'EDUCATION_BUREAU']),
  decidedOn: date,
  licenceDueOn: date.nullable(),
});
export const matterLapsedV1 = z.object({
  matterId: z.uuid(),
  typeCode: matterType,
  creditCode: z.string().length(18),
  lapsedOn: date,
  missing: z.array(shortfallItem),
  commitmentBroken: z.boolean(),
});
export const matterWithdrawnV1 = z.object({ matterId: z.uuid(), typeCode: matterType, withdrawnOn: date, reason: z.string().nullable() });
export const matterRecordedV1 = z.object({
  matterId: z.uuid(),
  typeCode: matterType,
  recordedOn: date,
  authority: z.enum(['APPROVAL_BUREAU', 'EDUCATION_BUREAU']),
  publish: z.boolean(),
});
/** Every decided, recorded, lapsed or withdrawn matter, once: what the feedback service invites a rating for. */
export const matterCompletedV1 = z.object({
  matterId: z.uuid(),
  typeCode: matterType,
  /** The applicant organisation and the person who started the matter for it. */
  creditCode: z.string().length(18),
  applicantId: z.string().min(1),
  institutionId: z.uuid().nullable(),
  outcome: z.enum(['APPROVED', 'REFUSED', 'RECORDED', 'LAPSED', 'WITHDRAWN']),
  completedOn: date,
  /** The published service item's code and the office responsible for it. */
  serviceItem: z.string().min(1),
  office: z.string().min(1),
});
export type MatterCompletedV1 = z.infer<typeof matterCompletedV1>;
/** A clock turned DUE_SOON or OVERDUE; once per matter and state. */
export const matterOverdueV1 = z.object({
  matterId: z.uuid(),
  typeCode: matterType,
  status: z.enum(['DUE_SOON', 'OVERDUE']),
  dueOn: date.nullable(),
  remainingWorkingDays: z.number().int(),
  office: z.string().min(1),
  authority: z.enum(['APPROVAL_BUREAU', 'EDUCATION_BUREAU']),
});
export type MatterOverdueV1 = z.infer<typeof matterOverdueV1>;

/** A year's holidays and make-up workdays from the State Council notice: every service running clocks applies it. */
export const calendarPublishedV1 = z.object({
  year: z.number().int(),
  holidays: z.array(date),
  workdays: z.array(date),
  source: z.string().min(1),
});
export type CalendarPublishedV1 = z.infer<typeof calendarPublishedV1>;

export const licensingEvents = {
  'licensing.institution.registered': { 1: institutionRegisteredV1 },
  'licensing.institution.changed': { 1: institutionChangedV1 },
  'licensing.institution.retired': { 1: institutionRetiredV1 },
  'licensing.licence.issued': { 1: licenceIssuedV1 },
  'licensing.matter.submitted': { 1: matterSubmittedV1 },
  'licensing.matter.corrections-requested': { 1: matterCorrectionsRequestedV1 },
  'licensing.matter.accepted': { 1: matterAcceptedV1 },
  'licensing.matter.decided': { 1: matterDecidedV1 },
  'licensing.matter.lapsed': { 1: matterLapsedV1 },
  'licensing.matter.withdrawn': { 1: matterWithdrawnV1 },
  'licensing.matter.recorded': { 1: matterRecordedV1 },
  'licensing.matter.completed': { 1: matterCompletedV1 },
  'licensing.matter.overdue': { 1: matterOverdueV1 },
  'licensing.calendar.published': { 1: calendarPublishedV1 },
} as const;
