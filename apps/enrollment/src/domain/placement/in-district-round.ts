import type { CityIndex } from './city-index.ts';
import type { Application } from './types.ts';

export interface InDistrictSeat {
  readonly slot: number;
  readonly choice: number;
  readonly rankedByFamily: boolean;
  readonly fullEarlierChoices: readonly string[];
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
export function placeInDistrict(
  city: CityIndex,
  applications: readonly Application[],
  home: Int32Array,
  grade: Int32Array,
  order: Int32Array,
): (InDistrictSeat | undefined)[] {
  const seats: (InDistrictSeat | undefined)[] = new Array(applications.length).fill(undefined);
  const { gradeCount, districtGradeFree, slotFree } = city;
  for (const i of order) {
    const districtGrade = (home[i] as number) * gradeCount + (grade[i] as number);
    // District full for the grade: skip the walk, the child goes to reassignment.
    if (districtGradeFree[districtGrade] === 0) continue;
    const seat = firstFreeChoice(city, applications[i] as Application, home[i] as number, grade[i] as number, districtGrade);
    slotFree[seat.slot] = (slotFree[seat.slot] as number) - 1;
    districtGradeFree[districtGrade] = (districtGradeFree[districtGrade] as number) - 1;
    seats[i] = seat;
  }
  return seats;
}

function firstFreeChoice(city: CityIndex, application: Application, district: number, grade: number, districtGrade: number): InDistrictSeat {
  const { schoolIndex, schoolDistrict, slotOf, slotFree, gradeCount, schoolIds, slotSchool } = city;
  const listed: number[] = [];
  const fullEarlierChoices: string[] = [];
  for (const schoolId of application.rankedSchoolIds ?? []) {
    const school = schoolIndex.get(schoolId);
    if (school === undefined || schoolDistrict[school] !== district) continue;
    const slot = slotOf[school * gradeCount + grade] as number;
    if (slot < 0 || listed.includes(slot)) continue;
    listed.push(slot);
    if ((slotFree[slot] as number) > 0) return { slot, choice: listed.length, rankedByFamily: true, fullEarlierChoices };
    fullEarlierChoices.push(schoolId);
  }
  const ranked = listed.slice();
  for (const slot of remainderOrder(city, application, districtGrade)) {
    if (ranked.includes(slot)) continue;
    listed.push(slot);
    if ((slotFree[slot] as number) > 0) return { slot, choice: listed.length, rankedByFamily: false, fullEarlierChoices };
    fullEarlierChoices.push(schoolIds[slotSchool[slot] as number] as string);
  }
  // Unreachable: the caller checked that the district has a free seat in the grade.
  throw new Error('district reported a free seat that no school of it has');
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
