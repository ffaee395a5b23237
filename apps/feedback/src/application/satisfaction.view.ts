import { average } from '../domain/evaluation.ts';
import { roundedRatio } from '../domain/review/index.ts';
import type { KnownInstitution } from '../entities/known-institution.entity.ts';

export interface SatisfactionView {
  ratings: number;
  average: number | null;
  badReviews: number;
  fixedShare: number | null;
}

export const NO_RATINGS: SatisfactionView = { ratings: 0, average: null, badReviews: 0, fixedShare: null };

export function toSatisfactionView(k: KnownInstitution | null): SatisfactionView {
  return k ? { ratings: k.ratings, average: average(k.scoreSum, k.ratings), badReviews: k.badReviews, fixedShare: roundedRatio(k.fixedBadReviews, k.badReviews) } : NO_RATINGS;
}
