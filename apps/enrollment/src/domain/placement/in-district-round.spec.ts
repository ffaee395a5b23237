import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { placeApplications } from './placement-engine.ts';
import { cityKnobs, randomCity } from './spec-support/random-city.ts';
import { mulberry32 } from './spec-support/seeded-random.ts';
import { comparePriority, isRanked, offersGrade, preferenceList, textbookDeferredAcceptance } from './spec-support/reference.ts';
import type { Ranked } from './spec-support/reference.ts';
import type { Application, PlacementOutcome } from './types.ts';

// The in-district round runs deferred acceptance as one pass in priority order (see
// in-district-round.ts for why that is the same thing). These properties hold it to that claim.

const smallCities = cityKnobs({ maxDistricts: 6, maxSchools: 6, maxApplicants: 120 });

describe('in-district round', () => {
  it('gives every child the same school as textbook student-proposing deferred acceptance', () => {
    fc.assert(
      fc.property(smallCities, (knobs) => {
        const input = randomCity(knobs);
        const result = placeApplications(input);
        const byId = new Map(result.outcomes.map((o) => [o.applicationId, o]));
        const groups = new Map<string, Application[]>();
        for (const a of input.applications) {
          if (!isRanked(byId.get(a.id) as PlacementOutcome)) continue;
          const key = `${a.homeDistrictId}|${a.grade}`;
          groups.set(key, [...(groups.get(key) ?? []), a]);
        }
        for (const applications of groups.values()) {
          const grade = (applications[0] as Application).grade;
          const capacity = new Map(input.city.schools.filter((s) => offersGrade(s, grade)).map((s) => [s.id, s.seatsByGrade[grade] as number]));
          const students = applications.map((a) => ({ id: a.id, preferences: preferenceList(input.city, a) }));
          const outranks = (x: string, y: string) => comparePriority(byId.get(x) as Ranked, byId.get(y) as Ranked);
          const assignment = textbookDeferredAcceptance(students, capacity, outranks);
          for (const a of applications) {
            const o = byId.get(a.id) as PlacementOutcome;
            expect(o.status === 'IN_DISTRICT' ? o.schoolId : undefined).toBe(assignment.get(a.id));
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('is strategy-proof: no other ranking gets a family a school it truly prefers', () => {
    fc.assert(
      fc.property(smallCities, fc.integer(), (knobs, seed) => {
        const input = randomCity(knobs);
        const eligible = placeApplications(input).outcomes.filter(isRanked);
        if (eligible.length === 0) return;
        const random = mulberry32(seed);
        const family = eligible[Math.floor(random() * eligible.length)] as PlacementOutcome;
        const ownSchools = input.city.schools.filter((s) => s.districtId === family.homeDistrictId && offersGrade(s, family.grade)).map((s) => s.id);
        const truth = shuffle(ownSchools, random);
        const lie = shuffle(ownSchools, random).slice(0, Math.floor(random() * (ownSchools.length + 1)));
        const satisfaction = (ranking: string[]) => {
          const applications = input.applications.map((a) => (a.id === family.applicationId ? { ...a, rankedSchoolIds: ranking, schoolDistancesKm: {} } : a));
          const o = placeApplications({ ...input, applications }).outcomes.find((x) => x.applicationId === family.applicationId) as PlacementOutcome;
          // Position in the family's true ranking; anything outside the district is worse.
          return o.status === 'IN_DISTRICT' ? truth.indexOf(o.schoolId) : truth.length;
        };
        expect(satisfaction(lie)).toBeGreaterThanOrEqual(satisfaction(truth));
      }),
      { numRuns: 60 },
    );
  });
});

function shuffle<T>(values: readonly T[], random: () => number): T[] {
  const copy = values.slice();
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}
