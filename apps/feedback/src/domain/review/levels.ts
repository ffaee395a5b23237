// The five levels of 政务服务“好差评” (GB/T 39735), best first, with the score each stands for.

export const REVIEW_LEVELS = ['VERY_SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED', 'VERY_DISSATISFIED'] as const;
export type ReviewLevel = (typeof REVIEW_LEVELS)[number];

export const LEVEL_SCORE: Readonly<Record<ReviewLevel, number>> = {
  VERY_SATISFIED: 5,
  SATISFIED: 4,
  BASICALLY_SATISFIED: 3,
  DISSATISFIED: 2,
  VERY_DISSATISFIED: 1,
};

export const LEVEL_NAME: Readonly<Record<ReviewLevel, string>> = {
  VERY_SATISFIED: '非常满意',
  SATISFIED: '满意',
  BASICALLY_SATISFIED: '基本满意',
  DISSATISFIED: '不满意',
  VERY_DISSATISFIED: '非常不满意',
};

export const RATING_CHANNELS = ['ONLINE', 'WINDOW', 'PHONE', 'SMS'] as const;
export type RatingChannel = (typeof RATING_CHANNELS)[number];

export function isReviewLevel(value: string): value is ReviewLevel {
  return (REVIEW_LEVELS as readonly string[]).includes(value);
}

/** The bottom two levels are a bad review (差评): called back, then fixed or explained. */
export function isBadLevel(level: ReviewLevel): boolean {
  return LEVEL_SCORE[level] <= 2;
}

/** The level of a 1–5 score (ratings recorded before levels were named). */
export function levelOfScore(score: number): ReviewLevel {
  if (!Number.isFinite(score)) throw new RangeError(`a score is 1–5, got ${score}`);
  return REVIEW_LEVELS[5 - Math.min(5, Math.max(1, Math.round(score)))]!;
}
