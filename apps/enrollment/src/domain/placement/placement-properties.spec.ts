import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { placeApplications, placeLate } from './placement-engine.ts';
import { cityKnobs, randomCity, shuffled } from './spec-support/random-city.ts';
import { comparePriority, isRanked, preferenceList, reachOrder, seatsTaken } from './spec-support/reference.ts';
import type { Ranked } from './spec-support/reference.ts';
import type { Application, PlacementInput, PlacementOutcome, PlacementResult } from './types.ts';

// The engine's promises over random cities: 1–40 districts, 1–30 schools each, random
// capacities (often scarce), distances with gaps and ties, random tiers and documents.

const RUNS = { numRuns: 60 };
const cities = cityKnobs();

/** Free seats at the end, per district and grade. */
function freeByDistrictGrade(input: PlacementInput, result: PlacementResult): Map<string, number> {
  const districtOf = new Map(input.city.schools.map((s) => [s.id, s.districtId]));
  const free = new Map<string, number>();
  for (const seat of result.remainingSeats) {
    const key = `${districtOf.get(seat.schoolId)}|${seat.grade}`;
    free.set(key, (free.get(key) ?? 0) + seat.free);
  }
  return free;
}

/** Where a child ended, as a position in their home district's reach order (-1 = home). */
function reachPosition(input: PlacementInput, o: Ranked): number {
  if (o.status === 'IN_DISTRICT') return -1;
  const reach = reachOrder(input.city, o.homeDistrictId, input.rules.maxReassignmentKm);
  return o.status === 'REASSIGNED' ? reach.findIndex((d) => d.districtId === o.districtId) : reach.length;
}

function checkCapacity(input: PlacementInput, outcomes: readonly PlacementOutcome[]): void {
  const taken = seatsTaken(outcomes);
  for (const s of input.city.schools) {
    for (const [grade, seats] of Object.entries(s.seatsByGrade)) expect(taken.get(`${s.id}|${grade}`) ?? 0).toBeLessThanOrEqual(seats);
  }
  // A seat of a grade a school does not offer is never handed out.
  const offered = new Set(input.city.schools.flatMap((s) => Object.keys(s.seatsByGrade).map((g) => `${s.id}|${g}`)));
  for (const key of taken.keys()) expect(offered.has(key)).toBe(true);
}

function checkNoEmptySeatLeftBehind(input: PlacementInput, result: PlacementResult, outcomes: readonly PlacementOutcome[]): void {
  const free = freeByDistrictGrade(input, result);
  for (const o of outcomes) {
    if (o.status !== 'REASSIGNED' && o.status !== 'WAITLISTED') continue;
    // Home district full…
    expect(free.get(`${o.homeDistrictId}|${o.grade}`) ?? 0).toBe(0);
    // …and every district tried before the one reached (all of them, if waitlisted) full too.
    const reach = reachOrder(input.city, o.homeDistrictId, input.rules.maxReassignmentKm);
    for (const nearer of reach.slice(0, reachPosition(input, o))) expect(free.get(`${nearer.districtId}|${o.grade}`) ?? 0).toBe(0);
    expect(o.fullDistricts).toEqual([o.homeDistrictId, ...reach.slice(0, reachPosition(input, o)).map((d) => d.districtId)]);
  }
}

describe('placement properties', () => {
  it('never exceeds capacity, and reports the seats left exactly', () => {
    fc.assert(
      fc.property(cities, (knobs) => {
        const input = randomCity(knobs);
        const result = placeApplications(input);
        checkCapacity(input, result.outcomes);
        const taken = seatsTaken(result.outcomes);
        const schoolById = new Map(input.city.schools.map((s) => [s.id, s]));
        for (const seat of result.remainingSeats) {
          const capacity = schoolById.get(seat.schoolId)?.seatsByGrade[seat.grade] as number;
          expect(seat.free).toBe(capacity - (taken.get(`${seat.schoolId}|${seat.grade}`) ?? 0));
        }
      }),
      RUNS,
    );
  });

  it('leaves no seat empty in a district (or a nearer one) while a child of it was sent farther or waitlisted', () => {
    fc.assert(
      fc.property(cities, (knobs) => {
        const input = randomCity(knobs);
        const result = placeApplications(input);
        checkNoEmptySeatLeftBehind(input, result, result.outcomes);
      }),
      RUNS,
    );
  });

  it('has no justified envy: nobody of higher priority ends worse than a lower-priority child of the same district and grade', () => {
    fc.assert(
      fc.property(cities, (knobs) => {
        const input = randomCity(knobs);
        const result = placeApplications(input);
        const applicationOf = new Map(input.applications.map((a) => [a.id, a]));
        const ranked = result.outcomes.filter(isRanked);
        const pools = Map.groupBy(ranked, (o) => `${o.homeDistrictId}|${o.grade}`);
        for (const pool of pools.values()) {
          const byPriority = pool.slice().sort(comparePriority);
          byPriority.forEach((higher, h) => {
            const list = preferenceList(input.city, applicationOf.get(higher.applicationId) as Application);
            const rankOf = (o: Ranked) => (o.status === 'IN_DISTRICT' ? list.indexOf(o.schoolId) : list.length + reachPosition(input, o));
            for (const lower of byPriority.slice(h + 1)) {
              // In the district: the lower child's school is not one the higher child listed
              // above their own. Outside it: not a nearer district, nor a district seat at all.
              if (lower.status === 'IN_DISTRICT' || lower.status === 'REASSIGNED') expect(rankOf(lower)).toBeGreaterThanOrEqual(rankOf(higher));
            }
          });
        }
      }),
      RUNS,
    );
  });

  it('reassigns by priority across districts: no lower-priority child takes a district nearer to a higher-priority one', () => {
    fc.assert(
      fc.property(cities, (knobs) => {
        const input = randomCity(knobs);
        const result = placeApplications(input);
        const moved = result.outcomes.filter((o) => o.status === 'REASSIGNED' || o.status === 'WAITLISTED') as Ranked[];
        for (const higher of moved) {
          const reach = reachOrder(input.city, higher.homeDistrictId, input.rules.maxReassignmentKm).map((d) => d.districtId);
          const own = reachPosition(input, higher);
          for (const lower of moved) {
            if (lower.status !== 'REASSIGNED' || lower.grade !== higher.grade || comparePriority(higher, lower) >= 0) continue;
            const theirs = reach.indexOf(lower.districtId);
            if (theirs !== -1) expect(theirs).toBeGreaterThanOrEqual(own);
          }
        }
      }),
      RUNS,
    );
  });

  it('does not depend on the order of applications, schools or distances', () => {
    fc.assert(
      fc.property(cities, fc.integer(), (knobs, shuffleSeed) => {
        const input = randomCity(knobs);
        const reordered: PlacementInput = {
          ...input,
          applications: shuffled(input.applications, shuffleSeed),
          city: { schools: shuffled(input.city.schools, shuffleSeed + 1), distances: shuffled(input.city.distances, shuffleSeed + 2) },
        };
        const byId = (r: PlacementResult) => Object.fromEntries(r.outcomes.map((o) => [o.applicationId, o]));
        const a = placeApplications(input);
        const b = placeApplications(reordered);
        expect(byId(b)).toEqual(byId(a));
        expect(b.remainingSeats).toEqual(a.remainingSeats);
      }),
      RUNS,
    );
  });

  it('late applications never move a placed child, and keep every promise with the seats left', () => {
    fc.assert(
      fc.property(cities, fc.integer({ min: 0, max: 100 }), (knobs, latePercent) => {
        const input = randomCity(knobs);
        const cut = Math.floor((input.applications.length * (100 - latePercent)) / 100);
        const main = placeApplications({ ...input, applications: input.applications.slice(0, cut) });
        const late = input.applications.slice(cut);
        const half = Math.floor(late.length / 2);
        const first = placeLate(main, late.slice(0, half), input);
        const second = placeLate(first, late.slice(half), input);
        expect(second.outcomes.slice(0, main.outcomes.length)).toEqual(main.outcomes);
        expect(second.outcomes.slice(0, first.outcomes.length)).toEqual(first.outcomes);
        expect(second.batches).toBe(3);
        checkCapacity(input, second.outcomes);
        checkNoEmptySeatLeftBehind(input, second, second.outcomes);
      }),
      RUNS,
    );
  });
});
