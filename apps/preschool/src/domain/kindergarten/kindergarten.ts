// A kindergarten as the preschool rules see it. The registry gives its ownership and licence; the
// inclusive (普惠) status is a decision per school year, so it is derived, never stored as the kind.
import { event, fail, isCount, step } from '../shared/index.ts';
import type { Step } from '../shared/index.ts';

/** The four kinds the city reports on. INCLUSIVE_PRIVATE is only ever the kind *in a year*. */
export const KINDERGARTEN_KINDS = ['PUBLIC', 'INCLUSIVE_PRIVATE', 'PRIVATE', 'UNLICENSED'] as const;
export type KindergartenKind = (typeof KINDERGARTEN_KINDS)[number];
/** What the register knows without a recognition decision. */
export type RegisteredKind = Exclude<KindergartenKind, 'INCLUSIVE_PRIVATE'>;

/** 城区 or 农村: coverage must reach both (覆盖城乡). */
export type Area = 'URBAN' | 'RURAL';

/**
 * A school year is named by the calendar year it starts in (2026 = autumn 2026 to summer 2027),
 * so it is a plain integer that sorts and keys the rate and target tables.
 */
export type SchoolYear = number;

export interface Kindergarten {
  readonly id: string;
  readonly name: string;
  readonly kind: RegisteredKind;
  /** Registered as non-profit (非营利性); only these may be recognised inclusive. */
  readonly nonProfit: boolean;
  readonly area: Area;
  readonly districtCode: string;
  readonly places: number;
  /** Children enrolled per school year (在园幼儿数), keyed by school year. */
  readonly rosters: Readonly<Record<number, number>>;
  /** School years for which it was recognised inclusive (认定为普惠性民办园). */
  readonly inclusiveYears: readonly SchoolYear[];
}

export const KINDERGARTEN_EVENTS = {
  rosterRecorded: 'preschool.roster.recorded',
  rosterCorrected: 'preschool.roster.corrected',
} as const;

export function kindInYear(k: Kindergarten, schoolYear: SchoolYear): KindergartenKind {
  return k.kind === 'PRIVATE' && k.inclusiveYears.includes(schoolYear) ? 'INCLUSIVE_PRIVATE' : k.kind;
}

/** Public and recognised inclusive private kindergartens both count as inclusive (普惠性资源). */
export function isInclusiveIn(k: Kindergarten, schoolYear: SchoolYear): boolean {
  const kind = kindInYear(k, schoolYear);
  return kind === 'PUBLIC' || kind === 'INCLUSIVE_PRIVATE';
}

export function enrolledIn(k: Kindergarten, schoolYear: SchoolYear): number | undefined {
  return k.rosters[schoolYear];
}

export const isSchoolYear = (y: unknown): y is SchoolYear => typeof y === 'number' && Number.isInteger(y) && y >= 2000 && y <= 2100;

export type RosterRefusal = 'INVALID_SCHOOL_YEAR' | 'INVALID_ENROLLED' | 'ABOVE_PLACES';

/**
 * Records how many children are enrolled for a year. Recording again is a correction: it says so
 * in its event, because a correction of a subsidised year must be followed by a recomputation.
 */
export function recordRoster(k: Kindergarten, schoolYear: SchoolYear, enrolled: number): Step<Kindergarten, RosterRefusal> {
  if (!isSchoolYear(schoolYear)) return fail('INVALID_SCHOOL_YEAR', `school year ${schoolYear} is not a year such as 2026`);
  if (!isCount(enrolled)) return fail('INVALID_ENROLLED', `enrolled must be a whole number of children, 0 or more (got ${enrolled})`);
  if (enrolled > k.places) {
    return fail('ABOVE_PLACES', `${enrolled} children is above the ${k.places} approved places`, { enrolled, places: k.places });
  }
  const previous = k.rosters[schoolYear];
  if (previous === enrolled) return step(k); // the same count again changes nothing and says nothing
  const next = { ...k, rosters: { ...k.rosters, [schoolYear]: enrolled } };
  const payload = { kindergartenId: k.id, schoolYear, enrolled, previous: previous ?? null };
  return step(next, event(previous === undefined ? KINDERGARTEN_EVENTS.rosterRecorded : KINDERGARTEN_EVENTS.rosterCorrected, payload));
}
