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
  const seats: InDistrictSeats = { slot: new Int32Array(n).fill(-1), choice: new Int32Array(n), rankedByFamily: new Uint8Array(n), fullEarlierChoices: [] };
  const { gradeCount, districtGradeFree, slotFree } = city;
  for (const i of order) {
    const districtGrade = (home[i] as number) * gradeCount + (grade[i] as number);
    // District full for the grade: skip the walk, the child goes to reassignment.
    if (districtGradeFree[districtGrade] === 0) continue;
    const slot = takeFirstFreeChoice(city, applications[i] as Application, i, home[i] as number, grade[i] as number, seats);
    slotFree[slot] = (slotFree[slot] as number) - 1;
    districtGradeFree[districtGrade] = (districtGradeFree[districtGrade] as number) - 1;
  }
  return seats;
}

/** Walks the family's list and records the first school with a free seat; returns its slot. */
function takeFirstFreeChoice(city: CityIndex, application: Application, i: number, district: number, grade: number, seats: InDistrictSeats): number {
  const { schoolIds, schoolIndex, schoolDistrict, slotOf, slotSchool, slotFree, gradeCount } = city;
  // Nothing is allocated until a choice turns out full: most children get their first choice.
  // A repeated school cannot be the free one (its first mention was full), so only full
  // schools need checking for repeats, and they are exactly the ranked schools seen so far.
  let fullSlots: number[] | undefined;
  let fullNames: string[] | undefined;
  for (const schoolId of application.rankedSchoolIds ?? []) {
    const school = schoolIndex.get(schoolId);
    if (school === undefined || schoolDistrict[school] !== district) continue;
    const slot = slotOf[school * gradeCount + grade] as number;
    if (slot < 0) continue;
    if ((slotFree[slot] as number) > 0) return record(seats, i, slot, (fullSlots?.length ?? 0) + 1, true, fullNames);
    if (fullSlots?.includes(slot)) continue;
    (fullSlots ??= []).push(slot);
    (fullNames ??= []).push(schoolId);
  }
  let choice = fullSlots?.length ?? 0;
  for (const slot of remainderOrder(city, application, district * gradeCount + grade)) {
    if (fullSlots?.includes(slot)) continue;
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
