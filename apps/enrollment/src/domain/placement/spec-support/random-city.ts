import fc from 'fast-check';
import { mulberry32 } from './seeded-random.ts';
import type { Application, DistrictDistance, PlacementInput, PriorityCriterion, School, SubmittedDocument, Tenure } from '../types.ts';

// Random cities for the property tests. fast-check draws a few size knobs (which shrink
// towards small cities) and a seed; the city itself is built from the seed by a small PRNG,
// so a failing case is reported as knobs + seed and can be rebuilt exactly.

export interface CityKnobs {
  readonly seed: number;
  readonly districts: number;
  readonly maxSchoolsPerDistrict: number;
  readonly applicants: number;
  readonly maxSeats: number;
}

export const cityKnobs = (limits: { maxDistricts?: number; maxSchools?: number; maxApplicants?: number } = {}): fc.Arbitrary<CityKnobs> =>
  fc.record({
    seed: fc.integer(),
    districts: fc.integer({ min: 1, max: limits.maxDistricts ?? 40 }),
    maxSchoolsPerDistrict: fc.integer({ min: 1, max: limits.maxSchools ?? 30 }),
    applicants: fc.integer({ min: 0, max: limits.maxApplicants ?? 300 }),
    maxSeats: fc.integer({ min: 0, max: 4 }),
  });

const GRADES = [1, 2, 3];

export function randomCity(knobs: CityKnobs): PlacementInput {
  const random = mulberry32(knobs.seed);
  const int = (n: number) => Math.floor(random() * n);
  const chance = (p: number) => random() < p;
  const pick = <T>(values: readonly T[]): T => values[int(values.length)] as T;

  const districtIds = Array.from({ length: knobs.districts }, (_, d) => `D${d + 1}`);
  const schools: School[] = [];
  for (const districtId of districtIds) {
    // Now and then a district has no school at all: its children can only be reassigned.
    const count = chance(0.05) ? 0 : 1 + int(knobs.maxSchoolsPerDistrict);
    for (let s = 0; s < count; s++) {
      const seatsByGrade: Record<number, number> = {};
      for (const grade of GRADES) if (!chance(0.1)) seatsByGrade[grade] = int(knobs.maxSeats + 1);
      schools.push({ id: `${districtId}-S${s + 1}`, districtId, seatsByGrade });
    }
  }

  // Some pairs have no road in the table (out of reach); km ties are common on purpose.
  const distances: DistrictDistance[] = [];
  for (let a = 0; a < districtIds.length; a++) {
    for (let b = a + 1; b < districtIds.length; b++) {
      if (chance(0.25)) continue;
      const km = 1 + int(12);
      const [from, to] = chance(0.5) ? [a, b] : [b, a];
      distances.push({ fromDistrictId: districtIds[from] as string, toDistrictId: districtIds[to] as string, km });
      if (chance(0.1)) distances.push({ fromDistrictId: districtIds[to] as string, toDistrictId: districtIds[from] as string, km: 1 + int(12) });
    }
  }

  const priority: PriorityCriterion[] = [];
  if (chance(0.7)) priority.push({ kind: 'tenure', order: chance(0.8) ? ['OWNER', 'RENTER'] : ['RENTER'] });
  if (chance(0.6)) priority.push({ kind: 'residenceMonths', atLeastMonths: chance(0.5) ? [36, 12] : [24] });
  if (chance(0.3)) priority.push({ kind: 'attribute', name: 'sibling', order: [true] });
  if (chance(0.3)) priority.reverse();

  const applications: Application[] = [];
  for (let i = 0; i < knobs.applicants; i++) {
    const homeDistrictId = pick(districtIds);
    const tenure: Tenure = chance(0.4) ? 'OWNER' : 'RENTER';
    const own = schools.filter((s) => s.districtId === homeDistrictId);
    const rankedSchoolIds: string[] = [];
    for (let k = int(4); k > 0; k--) {
      // Mostly the district's own schools; sometimes another district's or an unknown id,
      // which the engine must ignore.
      rankedSchoolIds.push(own.length > 0 && chance(0.85) ? pick(own).id : chance(0.5) && schools.length > 0 ? pick(schools).id : 'NO-SUCH-SCHOOL');
    }
    const schoolDistancesKm: Record<string, number> = {};
    if (chance(0.3)) for (const s of own) if (chance(0.8)) schoolDistancesKm[s.id] = int(5);
    applications.push({
      id: `A${i}-${int(1e6)}`,
      homeDistrictId,
      grade: pick(GRADES),
      tenure,
      residenceMonths: int(60),
      documents: randomDocuments(tenure, random),
      rankedSchoolIds,
      ...(Object.keys(schoolDistancesKm).length > 0 ? { schoolDistancesKm } : {}),
      ...(chance(0.3) ? { attributes: { sibling: chance(0.5) } } : {}),
    });
  }
  const maxReassignmentKm = chance(0.3) ? 2 + int(10) : undefined;
  return {
    city: { schools, distances },
    applications,
    rules: { priority, ...(maxReassignmentKm !== undefined ? { maxReassignmentKm } : {}) },
    seed: `seed-${knobs.seed}`,
  };
}

function randomDocuments(tenure: Tenure, random: () => number): SubmittedDocument[] {
  const identity = random() < 0.5 ? 'HOUSEHOLD_REGISTER' : 'RESIDENCE_PERMIT';
  const kinds: SubmittedDocument['kind'][] =
    tenure === 'OWNER' ? [identity, 'PROPERTY_CERTIFICATE'] : [identity, 'RENTAL_AGREEMENT', 'COMMUNITY_RESIDENCE_PROOF', 'PARENT_WORK_PROOF'];
  const documents: SubmittedDocument[] = [];
  for (const kind of kinds) {
    const roll = random();
    if (roll < 0.03) continue;
    if (roll < 0.05) documents.push({ kind, status: 'PENDING' });
    else if (roll < 0.07) documents.push({ kind, status: 'REJECTED', rejectionReason: 'illegible' });
    else documents.push({ kind, status: 'VERIFIED' });
  }
  return documents;
}

/** A deterministic shuffle, for the "arrival order changes nothing" property. */
export function shuffled<T>(values: readonly T[], seed: number): T[] {
  const random = mulberry32(seed);
  const copy = values.slice();
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}
