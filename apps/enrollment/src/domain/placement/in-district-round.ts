import type { CityIndex } from './city-index.ts';
import type { Application } from './types.ts';

/** Results by application index; slot is -1 for a child the district could not seat. */
export interface InDistrictSeats {
  readonly slot: Int32Array;
  /** 1-based position of the school in the family's list. */
  readonly choice: Int32Array;
  /** 1 when the family ranked the school itself, 0 when it came from the appended remainder. */
  readonly rankedByFamily: Uint8Array;
  /** Schools before it in the list, all full at the child's turn (absent when none). */
  readonly fullEarlierChoices: (readonly string[] | undefined)[];
}

/**
 * Student-proposing deferred acceptance inside each home district.
 *
 * A family's list is the district schools it ranked (schools of other districts, schools
 * without the grade and repeats are ignored), followed by every other school of the district
 * that has the grade: by the family's home-to-school distance when it gave distances (unknown
 * distances last), then by school id. So a family that ranks few schools, or none, still gets
 * a seat whenever its district has one (rule 1).
 *
 * Every school ranks applicants by the same order (tier, then lottery). With one common
 * order, deferred acceptance has exactly one outcome, and it is the outcome of letting
 * applicants choose one by one in that order: the first applicant is never rejected from
 * their first choice, because nobody outranks them; by induction the k-th applicant ends at
 * the best school that the k−1 before them left with a free seat. We run that single pass
 * (each applicant walks their list once) instead of rounds of proposals and rejections.
 * in-district-round.spec.ts checks the pass against textbook deferred acceptance.
 *
 * Decrements city.slotFree / city.districtGradeFree for every seat it gives.
 */
export function placeInDistrict(city: CityIndex, applications: readonly Application[], home: Int32Array, grade: Int32Array, order: Int32Array): InDistrictSeats {
  const n = applications.length;
  const ranked = rankedSlots(city, applications, home, grade);
  // fullEarlierChoices is filled up front: writing far past the end of an empty array would
  // turn it into a slow dictionary-backed array at a million children.
  const fullEarlierChoices: (readonly string[] | undefined)[] = new Array(n).fill(undefined);
  const seats: InDistrictSeats = { slot: new Int32Array(n).fill(-1), choice: new Int32Array(n), rankedByFamily: new Uint8Array(n), fullEarlierChoices };
  const { gradeCount, districtGradeFree, slotFree } = city;
  for (const i of order) {
    const districtGrade = (home[i] as number) * gradeCount + (grade[i] as number);
    // District full for the grade: skip the walk, the child goes to reassignment.
    if (districtGradeFree[districtGrade] === 0) continue;
    const slot = takeFirstFreeChoice(city, applications[i] as Application, i, districtGrade, ranked, seats);
    slotFree[slot] = (slotFree[slot] as number) - 1;
    districtGradeFree[districtGrade] = (districtGradeFree[districtGrade] as number) - 1;
  }
  return seats;
}

/** Every family's ranked schools as slots, back to back; family i's are slots[start[i]..start[i+1]). */
interface RankedSlots {
  readonly start: Int32Array;
  readonly slots: Int32Array;
}

/**
 * Resolves the rankings to slots in one pass in input order, keeping only schools of the
 * home district that have the grade, first mention only. Done up front because the
 * placement pass visits families in lottery order, i.e. all over memory: there it then
 * reads compact arrays instead of each family's objects and strings.
 */
function rankedSlots(city: CityIndex, applications: readonly Application[], home: Int32Array, grade: Int32Array): RankedSlots {
  const { schoolIndex, schoolDistrict, slotOf, gradeCount } = city;
  const start = new Int32Array(applications.length + 1);
  let slots = new Int32Array(Math.max(16, applications.length * 2));
  let count = 0;
  for (let i = 0; i < applications.length; i++) {
    start[i] = count;
    for (const schoolId of (applications[i] as Application).rankedSchoolIds ?? NO_IDS) {
      const school = schoolIndex.get(schoolId);
      if (school === undefined || schoolDistrict[school] !== home[i]) continue;
      const slot = slotOf[school * gradeCount + (grade[i] as number)] as number;
      if (slot < 0 || contains(slots, start[i] as number, count, slot)) continue;
      if (count === slots.length) {
        const grown = new Int32Array(slots.length * 2);
        grown.set(slots);
        slots = grown;
      }
      slots[count++] = slot;
    }
  }
  start[applications.length] = count;
  return { start, slots };
}

const NO_IDS: readonly string[] = Object.freeze([]);

function contains(values: Int32Array, from: number, to: number, value: number): boolean {
  for (let k = from; k < to; k++) if (values[k] === value) return true;
  return false;
}

/** Walks the family's list and records the first school with a free seat; returns its slot. */
function takeFirstFreeChoice(city: CityIndex, application: Application, i: number, districtGrade: number, ranked: RankedSlots, seats: InDistrictSeats): number {
  const { schoolIds, slotSchool, slotFree } = city;
  const from = ranked.start[i] as number;
  const to = ranked.start[i + 1] as number;
  // Nothing is allocated until a choice turns out full: most children get their first choice.
  let fullNames: string[] | undefined;
  for (let k = from; k < to; k++) {
    const slot = ranked.slots[k] as number;
    if ((slotFree[slot] as number) > 0) return record(seats, i, slot, k - from + 1, true, fullNames);
    (fullNames ??= []).push(schoolIds[slotSchool[slot] as number] as string);
  }
  let choice = to - from;
  for (const slot of remainderOrder(city, application, districtGrade)) {
    if (contains(ranked.slots, from, to, slot)) continue;
    choice++;
    if ((slotFree[slot] as number) > 0) return record(seats, i, slot, choice, false, fullNames);
    (fullNames ??= []).push(schoolIds[slotSchool[slot] as number] as string);
  }
  // Unreachable: the caller checked that the district has a free seat in the grade.
  throw new Error('district reported a free seat that no school of it has');
}

function record(seats: InDistrictSeats, i: number, slot: number, choice: number, ranked: boolean, fullNames: string[] | undefined): number {
  seats.slot[i] = slot;
  seats.choice[i] = choice;
  seats.rankedByFamily[i] = ranked ? 1 : 0;
  if (fullNames !== undefined) seats.fullEarlierChoices[i] = fullNames;
  return slot;
}

function remainderOrder(city: CityIndex, application: Application, districtGrade: number): Int32Array {
  const slots = city.districtGradeSlots[districtGrade] as Int32Array;
  const distances = application.schoolDistancesKm;
  if (distances === undefined) return slots;
  const distanceOf = (slot: number) => distances[city.schoolIds[city.slotSchool[slot] as number] as string] ?? Number.POSITIVE_INFINITY;
  // Within a district and grade, slot numbers follow school ids, so `a - b` breaks ties by id.
  return slots.slice().sort((a, b) => {
    const da = distanceOf(a);
    const db = distanceOf(b);
    return da < db ? -1 : da > db ? 1 : a - b;
  });
}
