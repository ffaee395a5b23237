import type { CityIndex, ReachableDistrict } from './city-index.ts';
import type { InDistrictSeats } from './in-district-round.ts';

/** Results by application index, meaningful for children the in-district round left out. */
export interface Reassignments {
  /** The seat, or -1 when every district within reach was full (waitlisted). */
  readonly slot: Int32Array;
  /** How many districts of the home district's reach list were tried and found full. */
  readonly fullNearerCount: Int32Array;
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
  inDistrict: InDistrictSeats,
): Reassignments {
  const { gradeCount, districtGradeFree, slotFree, reach } = city;
  const cursor = new Int32Array(city.districtIds.length * gradeCount);
  const result: Reassignments = { slot: new Int32Array(home.length).fill(-1), fullNearerCount: new Int32Array(home.length) };
  for (const i of order) {
    if ((inDistrict.slot[i] as number) >= 0) continue;
    const g = grade[i] as number;
    const homeGrade = (home[i] as number) * gradeCount + g;
    const reachable = reach[home[i] as number] as readonly ReachableDistrict[];
    let next = cursor[homeGrade] as number;
    while (next < reachable.length && districtGradeFree[(reachable[next] as ReachableDistrict).district * gradeCount + g] === 0) next++;
    cursor[homeGrade] = next;
    result.fullNearerCount[i] = next;
    if (next === reachable.length) continue;
    const targetGrade = (reachable[next] as ReachableDistrict).district * gradeCount + g;
    const slot = roomiestSlot(city.districtGradeSlots[targetGrade] as Int32Array, slotFree);
    slotFree[slot] = (slotFree[slot] as number) - 1;
    districtGradeFree[targetGrade] = (districtGradeFree[targetGrade] as number) - 1;
    result.slot[i] = slot;
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
