import { placeApplications } from '../placement-engine.ts';
import type { Application, DistrictDistance, PlacementOutcome, PlacementResult, PlacementRules, School, SubmittedDocument } from '../types.ts';

// Small named cities for the example-based specs: every child, school and road is written
// out so a reader can follow each case by hand. Grade 1 unless a case says otherwise.

export const SEED = '2024-lottery-seed';

export const OWNER_FIRST_THEN_LONGER_RESIDENCE: PlacementRules = {
  priority: [
    { kind: 'tenure', order: ['OWNER', 'RENTER'] },
    { kind: 'residenceMonths', atLeastMonths: [36, 12] },
  ],
};

const verified = (kind: SubmittedDocument['kind']): SubmittedDocument => ({ kind, status: 'VERIFIED' });

export function owner(id: string, homeDistrictId: string, more: Partial<Application> = {}): Application {
  return {
    id,
    homeDistrictId,
    grade: 1,
    tenure: 'OWNER',
    residenceMonths: 48,
    documents: [verified('HOUSEHOLD_REGISTER'), verified('PROPERTY_CERTIFICATE')],
    ...more,
  };
}

export function renter(id: string, homeDistrictId: string, more: Partial<Application> = {}): Application {
  return {
    id,
    homeDistrictId,
    grade: 1,
    tenure: 'RENTER',
    residenceMonths: 48,
    documents: [verified('RESIDENCE_PERMIT'), verified('RENTAL_AGREEMENT'), verified('COMMUNITY_RESIDENCE_PROOF'), verified('PARENT_WORK_PROOF')],
    ...more,
  };
}

export function school(id: string, districtId: string, gradeOneSeats: number): School {
  return { id, districtId, seatsByGrade: { 1: gradeOneSeats } };
}

export function road(fromDistrictId: string, toDistrictId: string, km: number): DistrictDistance {
  return { fromDistrictId, toDistrictId, km };
}

export function place(
  schools: readonly School[],
  roads: readonly DistrictDistance[],
  applications: readonly Application[],
  rules: PlacementRules = OWNER_FIRST_THEN_LONGER_RESIDENCE,
): PlacementResult {
  return placeApplications({ city: { schools, distances: roads }, applications, rules, seed: SEED });
}

export function outcomeOf(result: PlacementResult, applicationId: string): PlacementOutcome {
  const outcome = result.outcomes.find((o) => o.applicationId === applicationId);
  if (outcome === undefined) throw new Error(`no outcome for ${applicationId}`);
  return outcome;
}

/** The school a child was placed at, or the status when not placed. */
export function whereIs(result: PlacementResult, applicationId: string): string {
  const o = outcomeOf(result, applicationId);
  return o.status === 'IN_DISTRICT' || o.status === 'REASSIGNED' ? o.schoolId : o.status;
}
