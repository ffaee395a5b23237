import type { Application, City, SeatCount } from './types.ts';

/**
 * The city as arrays and indices, built once per batch, so the hot loops touch typed arrays
 * instead of maps of objects. A "slot" is one (school, grade) pair that offers seats.
 */
export interface CityIndex {
  readonly districtIds: readonly string[];
  readonly districtIndex: ReadonlyMap<string, number>;
  readonly gradeIndex: ReadonlyMap<number, number>;
  readonly gradeValues: readonly number[];
  readonly gradeCount: number;
  readonly schoolIds: readonly string[];
  readonly schoolIndex: ReadonlyMap<string, number>;
  readonly schoolDistrict: Int32Array;
  /** slotOf[school * gradeCount + grade], or -1 when the school has no seats entry for the grade. */
  readonly slotOf: Int32Array;
  readonly slotSchool: Int32Array;
  readonly slotGrade: Int32Array;
  /** Free seats per slot; the engine decrements it as it places children. */
  readonly slotFree: Int32Array;
  /** Free seats per district and grade (index district * gradeCount + grade). */
  readonly districtGradeFree: Int32Array;
  /** Slots of each district and grade, by school id, which is the default order of schools. */
  readonly districtGradeSlots: readonly Int32Array[];
  /** For each home district, the districts within reach: nearest first, ties by district id. */
  readonly reach: readonly (readonly ReachableDistrict[])[];
}

export interface ReachableDistrict {
  readonly district: number;
  readonly km: number;
}

export class PlacementInputError extends Error {
  override readonly name = 'PlacementInputError';
}

/**
 * @param seats when given (late batches), the free seats to start from instead of the
 *   schools' capacities; a (school, grade) not listed has no free seat.
 */
export function indexCity(city: City, applications: readonly Application[], maxReassignmentKm: number, seats?: readonly SeatCount[]): CityIndex {
  const schools = [...city.schools].sort((a, b) => compareIds(a.id, b.id));
  const districtSet = new Set<string>();
  const gradeSet = new Set<number>();
  for (const school of schools) {
    districtSet.add(school.districtId);
    for (const grade of Object.keys(school.seatsByGrade)) gradeSet.add(Number(grade));
  }
  for (const d of city.distances) districtSet.add(d.fromDistrictId).add(d.toDistrictId);
  for (const a of applications) {
    districtSet.add(a.homeDistrictId);
    gradeSet.add(a.grade);
  }
  const districtIds = [...districtSet].sort(compareIds);
  const districtIndex = indexOf(districtIds);
  const gradeValues = [...gradeSet].sort((a, b) => a - b);
  const gradeIndex = indexOf(gradeValues);
  const gradeCount = gradeValues.length;

  const schoolIds = schools.map((s) => s.id);
  const schoolIndex = indexOf(schoolIds);
  if (schoolIndex.size !== schoolIds.length) throw new PlacementInputError('two schools share an id');
  const schoolDistrict = Int32Array.from(schools, (s) => districtIndex.get(s.districtId) as number);

  const capacityOf = seats === undefined ? capacityFromSchools : capacityFromSeats(seats, schoolIndex);
  const slotOf = new Int32Array(schools.length * gradeCount).fill(-1);
  const slotSchool: number[] = [];
  const slotGrade: number[] = [];
  const slotFree: number[] = [];
  const districtGradeFree = new Int32Array(districtIds.length * gradeCount);
  const districtGradeSlotLists: number[][] = Array.from({ length: districtIds.length * gradeCount }, () => []);
  schools.forEach((school, s) => {
    for (const [grade, g] of gradeIndex) {
      const capacity = capacityOf(school.id, s, school.seatsByGrade, grade);
      if (capacity === undefined) continue;
      if (!Number.isInteger(capacity) || capacity < 0) {
        throw new PlacementInputError(`school ${school.id} grade ${grade}: seats must be a whole number ≥ 0, got ${capacity}`);
      }
      const slot = slotFree.length;
      slotOf[s * gradeCount + g] = slot;
      slotSchool.push(s);
      slotGrade.push(g);
      slotFree.push(capacity);
      const districtGrade = (schoolDistrict[s] as number) * gradeCount + g;
      districtGradeFree[districtGrade] = (districtGradeFree[districtGrade] as number) + capacity;
      (districtGradeSlotLists[districtGrade] as number[]).push(slot);
    }
  });

  return {
    districtIds,
    districtIndex,
    gradeIndex,
    gradeValues,
    gradeCount,
    schoolIds,
    schoolIndex,
    schoolDistrict,
    slotOf,
    slotSchool: Int32Array.from(slotSchool),
    slotGrade: Int32Array.from(slotGrade),
    slotFree: Int32Array.from(slotFree),
    districtGradeFree,
    districtGradeSlots: districtGradeSlotLists.map((list) => Int32Array.from(list)),
    reach: reachByDistrict(city, districtIds, districtIndex, maxReassignmentKm),
  };
}

type CapacityOf = (schoolId: string, school: number, seatsByGrade: Readonly<Record<number, number>>, grade: number) => number | undefined;

const capacityFromSchools: CapacityOf = (_id, _s, seatsByGrade, grade) => seatsByGrade[grade];

function capacityFromSeats(seats: readonly SeatCount[], schoolIndex: ReadonlyMap<string, number>): CapacityOf {
  const free = new Map<string, number>();
  for (const seat of seats) {
    if (!schoolIndex.has(seat.schoolId)) throw new PlacementInputError(`remaining seats name unknown school ${seat.schoolId}`);
    free.set(`${seat.schoolId}\u0000${seat.grade}`, seat.free);
  }
  return (schoolId, _s, _seatsByGrade, grade) => free.get(`${schoolId}\u0000${grade}`);
}

function reachByDistrict(city: City, districtIds: readonly string[], districtIndex: ReadonlyMap<string, number>, maxKm: number): ReachableDistrict[][] {
  const km = new Map<string, number>();
  for (const d of city.distances) {
    if (!Number.isFinite(d.km) || d.km < 0) throw new PlacementInputError(`distance ${d.fromDistrictId}→${d.toDistrictId} must be ≥ 0, got ${d.km}`);
    km.set(`${d.fromDistrictId}\u0000${d.toDistrictId}`, d.km);
  }
  return districtIds.map((home) => {
    const reachable: { district: number; km: number; id: string }[] = [];
    for (const target of districtIds) {
      if (target === home) continue;
      // Directed when both ways are listed (roads differ); a distance listed one way serves both.
      const distance = km.get(`${home}\u0000${target}`) ?? km.get(`${target}\u0000${home}`);
      if (distance === undefined || distance > maxKm) continue;
      reachable.push({ district: districtIndex.get(target) as number, km: distance, id: target });
    }
    reachable.sort((a, b) => a.km - b.km || compareIds(a.id, b.id));
    return reachable.map(({ district, km: distance }) => ({ district, km: distance }));
  });
}

/** Ids compare by UTF-16 code units, the same everywhere, unlike localeCompare. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function indexOf<T>(values: readonly T[]): Map<T, number> {
  return new Map(values.map((value, i) => [value, i]));
}
