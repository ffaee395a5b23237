import type { PlacementOutcome } from '../placement/index.ts';

export interface RoundSummary {
  /** Children given a seat: in their home district or reassigned. */
  readonly placedCount: number;
  /** Of those, placed in their home district. */
  readonly inDistrictCount: number;
  /** Of those, placed in another district (调剂). */
  readonly reassignedCount: number;
  readonly waitlistedCount: number;
  readonly ineligibleCount: number;
  readonly total: number;
}

export function roundSummary(outcomes: readonly PlacementOutcome[]): RoundSummary {
  let inDistrict = 0;
  let reassigned = 0;
  let waitlisted = 0;
  let ineligible = 0;
  for (const o of outcomes) {
    if (o.status === 'IN_DISTRICT') inDistrict++;
    else if (o.status === 'REASSIGNED') reassigned++;
    else if (o.status === 'WAITLISTED') waitlisted++;
    else ineligible++;
  }
  return {
    placedCount: inDistrict + reassigned,
    inDistrictCount: inDistrict,
    reassignedCount: reassigned,
    waitlistedCount: waitlisted,
    ineligibleCount: ineligible,
    total: outcomes.length,
  };
}
