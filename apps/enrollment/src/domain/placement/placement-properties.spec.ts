import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { placeApplications, placeLate } from './placement-engine.ts';
import { cityKnobs, randomCity, shuffled } from './spec-support/random-city.ts';
import { comparePriority, isRanked, preferenceList, reachOrder, seatsTaken } from './spec-support/reference.ts';
import type { Ranked } from './spec-support/reference.ts';
import type { Application, PlacementInput, PlacementOutcome, PlacementResult } from './types.ts';

// The engine's promises over random cities: 1–40 districts, 1–30 schools each, random
// capacities (often scarce), distances with gaps and ties, random tiers and documents.
// Each check collects its violations as sentences, so a failure says who and where.

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

function capacityViolations(input: PlacementInput, outcomes: readonly PlacementOutcome[]): string[] {
  const violations: string[] = [];
  const taken = seatsTaken(outcomes);
  const offered = new Map<string, number>(input.city.schools.flatMap((s) => Object.entries(s.seatsByGrade).map(([g, seats]) => [`${s.id}|${g}`, seats] as const)));
  for (const [key, count] of taken) {
    // A grade a school does not offer has no seats at all.
    if (count > (offered.get(key) ?? 0)) violations.push(`${key}: ${count} placed, ${offered.get(key) ?? 0} seats`);
  }
  return violations;
}

function emptySeatViolations(input: PlacementInput, result: PlacementResult, outcomes: readonly PlacementOutcome[]): string[] {
  const violations: string[] = [];
  const free = freeByDistrictGrade(input, result);
  for (const o of outcomes) {
    if (o.status !== 'REASSIGNED' && o.status !== 'WAITLISTED') continue;
    // The home district and every district before the one reached (all within reach, if
    // waitlisted) must have ended the round full, and the outcome must name them in order.
    const reach = reachOrder(input.city, o.homeDistrictId, input.rules.maxReassignmentKm);
    const skipped = [o.homeDistrictId, ...reach.slice(0, reachPosition(input, o)).map((d) => d.districtId)];
    for (const district of skipped) {
      const left = free.get(`${district}|${o.grade}`) ?? 0;
      if (left > 0) violations.push(`${o.applicationId} is ${o.status} while ${district} has ${left} free seat(s) in grade ${o.grade}`);
    }
    if (o.fullDistricts.join() !== skipped.join()) violations.push(`${o.applicationId} lists [${o.fullDistricts}] as full, expected [${skipped}]`);
  }
  return violations;
}

describe('placement properties', () => {
  it('never exceeds capacity, and reports the seats left exactly', () => {
    fc.assert(
      fc.property(cities, (knobs) => {
        const input = randomCity(knobs);
        const result = placeApplications(input);
        expect(capacityViolations(input, result.outcomes)).toEqual([]);
        const taken = seatsTaken(result.outcomes);
        const schoolById = new Map(input.city.schools.map((s) => [s.id, s]));
        const wrong = result.remainingSeats.filter((seat) => seat.free !== (schoolById.get(seat.schoolId)?.seatsByGrade[seat.grade] ?? 0) - (taken.get(`${seat.schoolId}|${seat.grade}`) ?? 0));
        expect(wrong).toEqual([]);
      }),
      RUNS,
    );
  });

  it('leaves no seat empty in a district (or a nearer one) while a child of it was sent farther or waitlisted', () => {
    fc.assert(
      fc.property(cities, (knobs) => {
        const input = randomCity(knobs);
        const result = placeApplications(input);
        expect(emptySeatViolations(input, result, result.outcomes)).toEqual([]);
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
        const pools = Map.groupBy(result.outcomes.filter(isRanked), (o) => `${o.homeDistrictId}|${o.grade}`);
        const violations: string[] = [];
        for (const pool of pools.values()) {
          const byPriority = pool.slice().sort(comparePriority);
          byPriority.forEach((higher, h) => {
            // How the higher child rates an end point: their own list inside the district,
            // then the districts within reach, nearest first, then the waitlist.
            const list = preferenceList(input.city, applicationOf.get(higher.applicationId) as Application);
            const rating = (o: Ranked) => (o.status === 'IN_DISTRICT' ? list.indexOf(o.schoolId) : list.length + reachPosition(input, o));
            for (const lower of byPriority.slice(h + 1)) {
              if (lower.status === 'WAITLISTED' || rating(lower) >= rating(higher)) continue;
              violations.push(`${higher.applicationId} (${higher.status}) envies lower-priority ${lower.applicationId} (${lower.status})`);
            }
          });
        }
        expect(violations).toEqual([]);
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
        const violations: string[] = [];
        for (const higher of moved) {
          const reach = reachOrder(input.city, higher.homeDistrictId, input.rules.maxReassignmentKm).map((d) => d.districtId);
          const own = reachPosition(input, higher);
          for (const lower of moved) {
            if (lower.status !== 'REASSIGNED' || lower.grade !== higher.grade || comparePriority(higher, lower) >= 0) continue;
            const theirs = reach.indexOf(lower.districtId);
            if (theirs !== -1 && theirs < own) violations.push(`${lower.applicationId} took ${lower.districtId}, nearer for higher-priority ${higher.applicationId}`);
          }
        }
        expect(violations).toEqual([]);
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
        expect(capacityViolations(input, second.outcomes)).toEqual([]);
        expect(emptySeatViolations(input, second, second.outcomes)).toEqual([]);
      }),
      RUNS,
    );
  });
});
