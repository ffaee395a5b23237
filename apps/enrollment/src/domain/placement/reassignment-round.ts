import type { CityIndex, ReachableDistrict } from './city-index.ts';
import type { InDistrictSeat } from './in-district-round.ts';

export interface Reassignment {
  /** -1 when every district within reach was full (waitlisted). */
  readonly slot: number;
  /** How many districts of the home district's reach list were tried and found full. */
  readonly fullNearerCount: number;
}

/**
 * Reassignment (调剂) of the children their home district could not seat.
 *
 * Deferred acceptance again: each child proposes to the districts within reach, nearest first
 * (ties by district id), and every district accepts by the one city-wide order (tier, then
 * lottery). As in the district round, a common order makes this a single pass in priority
 * order where each child takes the nearest district that still has a seat in the grade.
 * Hence nobody is placed farther than a district that ends the round with a free seat (it
 * had that seat at the child's turn too), and higher priority gets the nearer seats.
 *
 * Inside the chosen district the child goes to the school with the most free seats in the
 * grade (ties by school id), which spreads reassigned children instead of filling one school.
 *
 * Free seats only ever go down, so for each home district and grade the first district in
 * reach with a seat only moves outwards: one cursor per (home, grade) makes finding the
 * district O(1) amortised; picking the school costs one scan of the district's schools.
 */
export function reassign(
  city: CityIndex,
  home: Int32Array,
  grade: Int32Array,
  order: Int32Array,
  inDistrict: readonly (InDistrictSeat | undefined)[],
): (Reassignment | undefined)[] {
  const { gradeCount, districtGradeFree, slotFree, reach } = city;
  const cursor = new Int32Array(city.districtIds.length * gradeCount);
  const result: (Reassignment | undefined)[] = new Array(inDistrict.length).fill(undefined);
  for (const i of order) {
    if (inDistrict[i] !== undefined) continue;
    const g = grade[i] as number;
    const homeGrade = (home[i] as number) * gradeCount + g;
    const reachable = reach[home[i] as number] as readonly ReachableDistrict[];
    let next = cursor[homeGrade] as number;
    while (next < reachable.length && districtGradeFree[(reachable[next] as ReachableDistrict).district * gradeCount + g] === 0) next++;
    cursor[homeGrade] = next;
    if (next === reachable.length) {
      result[i] = { slot: -1, fullNearerCount: next };
      continue;
    }
    const targetGrade = (reachable[next] as ReachableDistrict).district * gradeCount + g;
    const slot = roomiestSlot(city.districtGradeSlots[targetGrade] as Int32Array, slotFree);
    slotFree[slot] = (slotFree[slot] as number) - 1;
    districtGradeFree[targetGrade] = (districtGradeFree[targetGrade] as number) - 1;
    result[i] = { slot, fullNearerCount: next };
  }
  return result;
}

function roomiestSlot(slots: Int32Array, slotFree: Int32Array): number {
  let best = -1;
  let bestFree = 0;
  for (const slot of slots) {
    // Strictly greater keeps the first (lowest school id) among equals.
    if ((slotFree[slot] as number) > bestFree) {
      best = slot;
      bestFree = slotFree[slot] as number;
    }
  }
  return best;
}
