import { z } from 'zod';

export const kindergartenPlacesSetV1 = z.object({
  institutionId: z.uuid(),
  places: z.number().int().nonnegative(),
  previousPlaces: z.number().int().nonnegative(),
});

export const kindergartenOpenedV1 = z.object({
  institutionId: z.uuid(),
  inclusive: z.boolean(),
});

// --- Kindergartens' rosters, inclusive recognition and the inclusive subsidy (issue 12) ---

const schoolYear = z.number().int().min(2000).max(2100);
const count = z.number().int().nonnegative();
const signedFen = z.number().int();
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const kindergartenProfileSetV1 = z.object({
  institutionId: z.uuid(),
  area: z.enum(['URBAN', 'RURAL']),
  nonProfit: z.boolean(),
  monthlyFeeFen: count.nullable(),
});

/** `previous` is null for the first roster of a year; a correction carries the count it replaces. */
export const rosterRecordedV1 = z.object({ kindergartenId: z.uuid(), schoolYear, enrolled: count, previous: count.nullable() });
export const rosterCorrectedV1 = z.object({ kindergartenId: z.uuid(), schoolYear, enrolled: count, previous: count.nullable() });

export const kindergartenRecognisedInclusiveV1 = z.object({
  kindergartenId: z.uuid(),
  schoolYear,
  monthlyFeeFen: count,
  capFen: count,
  decidedOn: date,
});

export const subsidyRateSetV1 = z.object({ schoolYear, perChildFen: count, previousFen: count.nullable() });

/** A computation or recomputation: `changeFen` is what the ledger entry adds (negative after a roster went down). */
export const subsidyComputedV1 = z.object({
  kindergartenId: z.uuid(),
  schoolYear,
  districtCode: z.string().min(1),
  enrolled: count,
  rateFen: count,
  entitledFen: count,
  changeFen: signedFen,
  on: date,
});

export const subsidyApprovedV1 = z.object({ kindergartenId: z.uuid(), schoolYear, approvedFen: count, changeFen: signedFen, on: date });

/**
 * The finance bureau paid: the feedback service invites a rating (好差评). `applicantId` is the person
 * who recorded the year's roster for the kindergarten (the only person preschool knows on its side).
 */
export const subsidyDisbursedV1 = z.object({
  kindergartenId: z.uuid(),
  institutionId: z.uuid(),
  schoolYear,
  amountFen: z.number().int().positive(),
  amountYuan: z.string(),
  voucherNo: z.string().min(1),
  disbursedOn: date,
  applicantId: z.string().min(1),
});

export const subsidyRecoveredV1 = z.object({ kindergartenId: z.uuid(), schoolYear, amountFen: z.number().int().positive(), voucherNo: z.string().min(1), on: date });

export const preschoolEvents = {
  'preschool.kindergarten.places-set': { 1: kindergartenPlacesSetV1 },
  'preschool.kindergarten.opened': { 1: kindergartenOpenedV1 },
  'preschool.kindergarten.profile-set': { 1: kindergartenProfileSetV1 },
  'preschool.roster.recorded': { 1: rosterRecordedV1 },
  'preschool.roster.corrected': { 1: rosterCorrectedV1 },
  'preschool.kindergarten.recognised-inclusive': { 1: kindergartenRecognisedInclusiveV1 },
  'preschool.subsidy.rate-set': { 1: subsidyRateSetV1 },
  'preschool.subsidy.computed': { 1: subsidyComputedV1 },
  'preschool.subsidy.approved': { 1: subsidyApprovedV1 },
  'preschool.subsidy.disbursed': { 1: subsidyDisbursedV1 },
  'preschool.subsidy.recovered': { 1: subsidyRecoveredV1 },
} as const;

// ── Capacity projects, coverage data and unlicensed-kindergarten cases (planning part) ──
const planDate = z.iso.date();
const projectKind = z.enum(['NEW_BUILD', 'REBUILD', 'COMMUNITY', 'RURAL_UPGRADE']);
const headCount = z.number().int().nonnegative();

export const capacityProjectPlannedV1 = z.object({
  projectId: z.uuid(), kind: projectKind, districtCode: z.string().min(1), plannedPlaces: z.number().int().positive(), plannedOn: planDate, kindergartenId: z.string().min(1).nullable(),
});
export const capacityProjectStartedV1 = z.object({ projectId: z.uuid(), startedOn: planDate });
export const capacityProjectMilestoneDoneV1 = z.object({ projectId: z.uuid(), milestone: z.string().min(1), plannedOn: planDate, doneOn: planDate, late: z.boolean() });
/** registration: what licensing needs to register a new kindergarten (NEW_BUILD, COMMUNITY); null for a rebuild or upgrade. */
export const capacityProjectCompletedV1 = z.object({
  projectId: z.uuid(), kind: projectKind, districtCode: z.string().min(1), places: z.number().int().positive(), kindergartenId: z.string().min(1).nullable(),
  registration: z.object({ name: z.string().min(1), districtCode: z.string().min(1), places: z.number().int().positive() }).nullable(),
  completedOn: planDate, late: z.boolean(),
});
export type CapacityProjectCompletedV1 = z.infer<typeof capacityProjectCompletedV1>;
export const capacityProjectCancelledV1 = z.object({ projectId: z.uuid(), cancelledOn: planDate, reason: z.string().min(1), plannedPlaces: z.number().int().positive() });
export const preschoolPopulationSetV1 = z.object({ districtCode: z.string().min(1), year: z.number().int(), children: headCount, previous: headCount.nullable() });
const closingReason = z.enum(['SERIOUS_HAZARDS', 'NO_LICENCE_BASIS', 'FAILED_REINSPECTION', 'OVERDUE']);
export const caseOpenedV1 = z.object({ caseId: z.uuid(), districtCode: z.string().min(1), children: headCount, hazards: headCount });
export const caseClosingV1 = z.object({ caseId: z.uuid(), districtCode: z.string().min(1), reason: closingReason, childrenToPlace: headCount, on: planDate });
export const caseRectificationOrderedV1 = z.object({ caseId: z.uuid(), dueOn: planDate, items: z.number().int().positive() });
/** A re-inspection passed: licensing is asked to register the kindergarten and issue its licence. */
export const casePassedV1 = z.object({ caseId: z.uuid(), name: z.string().min(1), address: z.string().min(1), districtCode: z.string().min(1), children: headCount, inspectedOn: planDate });
export type CasePassedV1 = z.infer<typeof casePassedV1>;
export const caseLicensedV1 = z.object({ caseId: z.uuid(), institutionId: z.string().min(1), issuedOn: planDate });
export const caseChildrenPlacedV1 = z.object({
  caseId: z.uuid(), placed: z.number().int().positive(), waiting: headCount, placements: z.array(z.object({ kindergartenId: z.string().min(1), children: z.number().int().positive() })).min(1),
});
export const caseClosedV1 = z.object({ caseId: z.uuid(), reason: closingReason.nullable(), closedOn: planDate });

export const planningEvents = {
  'preschool.capacity-project.planned': { 1: capacityProjectPlannedV1 },
  'preschool.capacity-project.started': { 1: capacityProjectStartedV1 },
  'preschool.capacity-project.milestone-done': { 1: capacityProjectMilestoneDoneV1 },
  'preschool.capacity-project.completed': { 1: capacityProjectCompletedV1 },
  'preschool.capacity-project.cancelled': { 1: capacityProjectCancelledV1 },
  'preschool.population.set': { 1: preschoolPopulationSetV1 },
  'preschool.case.opened': { 1: caseOpenedV1 },
  'preschool.case.closing': { 1: caseClosingV1 },
  'preschool.case.rectification-ordered': { 1: caseRectificationOrderedV1 },
  'preschool.case.passed': { 1: casePassedV1 },
  'preschool.case.licensed': { 1: caseLicensedV1 },
  'preschool.case.children-placed': { 1: caseChildrenPlacedV1 },
  'preschool.case.closed': { 1: caseClosedV1 },
} as const;
