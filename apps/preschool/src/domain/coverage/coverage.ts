// Places against demand per district (覆盖城乡、布局合理): coverage = places / children aged 3–6,
// inclusive = inclusive places / places, each against the year's target, with the gap in places.
import { isInclusiveIn } from '../kindergarten/index.ts';
import type { Area, Kindergarten, SchoolYear } from '../kindergarten/index.ts';
import { fail, isCount, ok } from '../shared/index.ts';
import type { Result } from '../shared/index.ts';
import { ceilDiv, meets, ratio } from './ratio.ts';
import type { Ratio } from './ratio.ts';
import { coverageTarget } from './targets.ts';
import type { CoverageTarget } from './targets.ts';

/** Children aged 3–6 living in a district in a year, as set by staff from population data. */
export interface ChildCount {
  readonly districtCode: string;
  readonly year: number;
  readonly children: number;
}

export function checkChildCount(c: ChildCount): Result<ChildCount, 'INVALID_CHILD_COUNT'> {
  if (!isCount(c.children) || !Number.isInteger(c.year) || c.districtCode.trim() === '') {
    return fail('INVALID_CHILD_COUNT', 'a child count is a district, a year and a whole number of children, 0 or more');
  }
  return ok(c);
}

export interface DistrictCoverage {
  readonly districtCode: string;
  readonly children: number;
  readonly places: number;
  readonly inclusivePlaces: number;
  readonly placesByArea: Readonly<Record<Area, number>>;
  readonly coverage: Ratio;
  readonly inclusive: Ratio;
  readonly coverageMet: boolean;
  readonly inclusiveMet: boolean;
}

export interface CoverageReport {
  readonly year: number;
  readonly target: CoverageTarget;
  readonly districts: readonly DistrictCoverage[];
  /** Districts missing either target, in district order. */
  readonly belowTarget: readonly string[];
}

/**
 * Unlicensed kindergartens hold no legal places and are left out; a capacity project's places are
 * in once its kindergarten is registered or its places updated, never while it is being built.
 */
export function coverageReport(
  year: SchoolYear,
  kindergartens: readonly Kindergarten[],
  childCounts: readonly ChildCount[],
  targets: readonly CoverageTarget[],
): Result<CoverageReport, 'TARGET_NOT_SET'> {
  const target = coverageTarget(targets, year);
  if (!target) return fail('TARGET_NOT_SET', `no coverage targets are set for ${year}`);
  const counted = kindergartens.filter((k) => k.kind !== 'UNLICENSED');
  const children = childCounts.filter((c) => c.year === year);
  const codes = [...new Set([...counted.map((k) => k.districtCode), ...children.map((c) => c.districtCode)])].sort();
  const districts = codes.map((districtCode): DistrictCoverage => {
    const mine = counted.filter((k) => k.districtCode === districtCode);
    const kids = children.filter((c) => c.districtCode === districtCode).reduce((s, c) => s + c.children, 0);
    const places = mine.reduce((s, k) => s + k.places, 0);
    const inclusivePlaces = mine.filter((k) => isInclusiveIn(k, year)).reduce((s, k) => s + k.places, 0);
    const byArea = (area: Area) => mine.filter((k) => k.area === area).reduce((s, k) => s + k.places, 0);
    const coverage = ratio(places, kids);
    const inclusive = ratio(inclusivePlaces, places);
    return {
      districtCode,
      children: kids,
      places,
      inclusivePlaces,
      placesByArea: { URBAN: byArea('URBAN'), RURAL: byArea('RURAL') },
      coverage,
      inclusive,
      coverageMet: meets(coverage, target.coveragePerMille),
      inclusiveMet: meets(inclusive, target.inclusivePerMille),
    };
  });
  const belowTarget = districts.filter((d) => !d.coverageMet || !d.inclusiveMet).map((d) => d.districtCode);
  return ok({ year, target, districts, belowTarget });
}

export interface PlanningGap {
  readonly districtCode: string;
  /** Fewest new places that bring places / children to the coverage target. */
  readonly placesMissing: number;
  /** Fewest existing places that must become inclusive (recognition or conversion) for the inclusive target. */
  readonly inclusivePlacesMissing: number;
}

/** Districts below target with the smallest integer number of places that closes each gap. */
export function planningGaps(report: CoverageReport): PlanningGap[] {
  const { coveragePerMille, inclusivePerMille } = report.target;
  return report.districts
    .filter((d) => !d.coverageMet || !d.inclusiveMet)
    .map((d) => ({
      districtCode: d.districtCode,
      // smallest x with (places + x) × 1000 ≥ target × children
      placesMissing: ceilDiv(coveragePerMille * d.children - 1000 * d.places, 1000),
      // smallest y with (inclusive + y) × 1000 ≥ target × places
      inclusivePlacesMissing: ceilDiv(inclusivePerMille * d.places - 1000 * d.inclusivePlaces, 1000),
    }));
}
