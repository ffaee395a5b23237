// The published figures of a group of ratings (an item, an office, an institution): counts per
// level, the satisfaction rate (好评率: the top three levels over all), bad reviews, the share of
// them fixed, and the average working days from the review to the fix. A rating removed by an
// upheld appeal is not counted. Integer arithmetic; the rates are rounded half up to 4 decimals.
import { REVIEW_LEVELS, isBadLevel } from './levels.ts';
import type { ReviewLevel } from './levels.ts';

export interface CountedRating {
  readonly level: ReviewLevel;
  /** Removed from the figures by an upheld appeal. */
  readonly excluded: boolean;
  /** For a bad review: fixed (at once, or its rectification done). */
  readonly fixed: boolean;
  /** For a fixed bad review: working days from the review to the fix. */
  readonly daysToFix: number | null;
}

export interface Figures {
  readonly ratings: number;
  readonly counts: readonly { readonly level: ReviewLevel; readonly count: number }[];
  /** null with no ratings. */
  readonly satisfactionRate: number | null;
  readonly average: number | null;
  readonly badReviews: number;
  readonly fixedBadReviews: number;
  /** Fixed bad reviews over bad reviews; null with no bad reviews. */
  readonly fixedShare: number | null;
  /** null while no bad review is fixed. */
  readonly averageDaysToFix: number | null;
}

const SCORE: Readonly<Record<ReviewLevel, number>> = { VERY_SATISFIED: 5, SATISFIED: 4, BASICALLY_SATISFIED: 3, DISSATISFIED: 2, VERY_DISSATISFIED: 1 };

/** numerator / denominator rounded half up to `places` decimals; null for 0 / 0. */
export function roundedRatio(numerator: number, denominator: number, places = 4): number | null {
  if (denominator === 0) return null;
  const scale = 10 ** places;
  return Math.floor((2 * numerator * scale + denominator) / (2 * denominator)) / scale;
}

export function figuresOf(ratings: readonly CountedRating[]): Figures {
  const counted = ratings.filter((r) => !r.excluded);
  const counts = REVIEW_LEVELS.map((level) => ({ level, count: counted.filter((r) => r.level === level).length }));
  const bad = counted.filter((r) => isBadLevel(r.level));
  const fixed = bad.filter((r) => r.fixed);
  const days = fixed.map((r) => r.daysToFix).filter((d): d is number => d !== null);
  const satisfied = counted.filter((r) => !isBadLevel(r.level)).length;
  return {
    ratings: counted.length,
    counts,
    satisfactionRate: roundedRatio(satisfied, counted.length),
    average: roundedRatio(counted.reduce((sum, r) => sum + SCORE[r.level], 0), counted.length, 2),
    badReviews: bad.length,
    fixedBadReviews: fixed.length,
    fixedShare: roundedRatio(fixed.length, bad.length),
    averageDaysToFix: roundedRatio(days.reduce((sum, d) => sum + d, 0), days.length, 1),
  };
}
