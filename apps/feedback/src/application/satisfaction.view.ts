import { average } from '../domain/evaluation.ts';
import type { KnownInstitution } from '../entities/known-institution.entity.ts';

export interface SatisfactionView {
  ratings: number;
  average: number | null;
  badReviews: number;
}

export const NO_RATINGS: SatisfactionView = { ratings: 0, average: null, badReviews: 0 };

export function toSatisfactionView(k: KnownInstitution | null): SatisfactionView {
  return k ? { ratings: k.ratings, average: average(k.scoreSum, k.ratings), badReviews: k.badReviews } : NO_RATINGS;
}
