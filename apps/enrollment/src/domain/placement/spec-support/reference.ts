import type { Application, City, PlacementOutcome, School } from '../types.ts';

// Slow, obvious re-statements of the rules, written from the documentation rather than from
// the engine's code, so the specs compare two independent readings of the same rules.

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function offersGrade(school: School, grade: number): boolean {
  return school.seatsByGrade[grade] !== undefined;
}

/** The family's full list: ranked schools of the home district with the grade, then the rest. */
export function preferenceList(city: City, application: Application): string[] {
  const eligibleSchools = city.schools.filter((s) => s.districtId === application.homeDistrictId && offersGrade(s, application.grade));
  const ids = new Set(eligibleSchools.map((s) => s.id));
  const ranked: string[] = [];
  for (const id of application.rankedSchoolIds ?? []) if (ids.has(id) && !ranked.includes(id)) ranked.push(id);
  const distance = (id: string) => application.schoolDistancesKm?.[id] ?? Number.POSITIVE_INFINITY;
  const rest = [...ids].filter((id) => !ranked.includes(id)).sort((a, b) => (distance(a) === distance(b) ? byId(a, b) : distance(a) < distance(b) ? -1 : 1));
  return [...ranked, ...rest];
}

/** Districts within reach of `home`, nearest first, ties by id. */
export function reachOrder(city: City, home: string, maxKm = Number.POSITIVE_INFINITY): { districtId: string; km: number }[] {
  // Memoised per city: the properties ask for it once per child.
  const key = `${home}|${maxKm}`;
  const perCity = reachCache.get(city) ?? new Map<string, { districtId: string; km: number }[]>();
  reachCache.set(city, perCity);
  const cached = perCity.get(key);
  if (cached !== undefined) return cached;
  const all = new Set<string>();
  for (const d of city.distances) all.add(d.fromDistrictId).add(d.toDistrictId);
  const km = (to: string) =>
    city.distances.find((d) => d.fromDistrictId === home && d.toDistrictId === to)?.km ??
    city.distances.find((d) => d.fromDistrictId === to && d.toDistrictId === home)?.km;
  const reach = [...all]
    .filter((d) => d !== home)
    .map((districtId) => ({ districtId, km: km(districtId) }))
    .filter((d): d is { districtId: string; km: number } => d.km !== undefined && d.km <= maxKm)
    .sort((a, b) => a.km - b.km || byId(a.districtId, b.districtId));
  perCity.set(key, reach);
  return reach;
}

const reachCache = new WeakMap<City, Map<string, { districtId: string; km: number }[]>>();

export type Ranked = Extract<PlacementOutcome, { tier: number }>;

export function isRanked(outcome: PlacementOutcome): outcome is Ranked {
  return outcome.status !== 'INELIGIBLE';
}

/** Negative when `a` has the higher priority: tier, then lower lottery ticket, then id. */
export function comparePriority(a: Ranked, b: Ranked): number {
  return a.tier - b.tier || byId(ticketOf(a), ticketOf(b)) || byId(a.applicationId, b.applicationId);
}

// Outcomes redraw their ticket (an HMAC) on every read; sorting reads it many times.
const tickets = new WeakMap<Ranked, string>();
function ticketOf(o: Ranked): string {
  const known = tickets.get(o);
  if (known !== undefined) return known;
  tickets.set(o, o.lotteryTicket);
  return o.lotteryTicket;
}

/** Seats taken per "schoolId|grade" by the placed outcomes. */
export function seatsTaken(outcomes: readonly PlacementOutcome[]): Map<string, number> {
  const taken = new Map<string, number>();
  for (const o of outcomes) {
    if (o.status === 'IN_DISTRICT' || o.status === 'REASSIGNED') taken.set(`${o.schoolId}|${o.grade}`, (taken.get(`${o.schoolId}|${o.grade}`) ?? 0) + 1);
  }
  return taken;
}

/**
 * Textbook student-proposing deferred acceptance (Gale–Shapley): free students propose to
 * their next school; a school holds its best `capacity` proposals and rejects the rest.
 */
export function textbookDeferredAcceptance(
  students: readonly { id: string; preferences: readonly string[] }[],
  capacity: ReadonlyMap<string, number>,
  outranks: (a: string, b: string) => number,
): Map<string, string> {
  const next = new Map(students.map((s) => [s.id, 0]));
  const preferences = new Map(students.map((s) => [s.id, s.preferences]));
  const held = new Map<string, string[]>();
  let free = students.map((s) => s.id);
  while (free.length > 0) {
    const stillFree: string[] = [];
    for (const student of free) {
      const list = preferences.get(student) as readonly string[];
      const k = next.get(student) as number;
      if (k >= list.length) continue;
      next.set(student, k + 1);
      const school = list[k] as string;
      const holding = [...(held.get(school) ?? []), student].sort(outranks);
      const keep = capacity.get(school) ?? 0;
      held.set(school, holding.slice(0, keep));
      stillFree.push(...holding.slice(keep));
    }
    free = stillFree;
  }
  const assignment = new Map<string, string>();
  for (const [school, students_] of held) for (const s of students_) assignment.set(s, school);
  return assignment;
}
