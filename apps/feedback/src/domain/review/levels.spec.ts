import { describe, expect, it } from 'vitest';
import { LEVEL_NAME, LEVEL_SCORE, RATING_CHANNELS, REVIEW_LEVELS, isBadLevel, isReviewLevel, levelOfScore } from './levels.ts';

describe('好差评 levels', () => {
  it('lists the five levels best first, scored 5 down to 1, with their GB/T 39735 names', () => {
    expect(REVIEW_LEVELS).toEqual(['VERY_SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED', 'VERY_DISSATISFIED']);
    expect(REVIEW_LEVELS.map((l) => LEVEL_SCORE[l])).toEqual([5, 4, 3, 2, 1]);
    expect(REVIEW_LEVELS.map((l) => LEVEL_NAME[l])).toEqual(['非常满意', '满意', '基本满意', '不满意', '非常不满意']);
  });

  it('knows the four channels a rating comes through', () => {
    expect(RATING_CHANNELS).toEqual(['ONLINE', 'WINDOW', 'PHONE', 'SMS']);
  });

  it('recognises exactly the five level names, case-sensitively', () => {
    for (const level of REVIEW_LEVELS) expect(isReviewLevel(level)).toBe(true);
    expect(isReviewLevel('satisfied')).toBe(false);
    expect(isReviewLevel('NEUTRAL')).toBe(false);
    expect(isReviewLevel('')).toBe(false);
    expect(isReviewLevel(' SATISFIED')).toBe(false);
  });

  it('counts only the bottom two levels as a bad review (差评)', () => {
    expect(REVIEW_LEVELS.map(isBadLevel)).toEqual([false, false, false, true, true]);
  });

  it('maps the scores 1–5 to their levels', () => {
    expect([5, 4, 3, 2, 1].map(levelOfScore)).toEqual(REVIEW_LEVELS);
  });

  it('rounds a fractional score to the nearest level, halves upwards', () => {
    expect(levelOfScore(4.5)).toBe('VERY_SATISFIED');
    expect(levelOfScore(4.49)).toBe('SATISFIED');
    expect(levelOfScore(2.5)).toBe('BASICALLY_SATISFIED');
    expect(levelOfScore(1.4)).toBe('VERY_DISSATISFIED');
  });

  it('clamps a score outside 1–5 to the nearest end', () => {
    expect(levelOfScore(0)).toBe('VERY_DISSATISFIED');
    expect(levelOfScore(-7)).toBe('VERY_DISSATISFIED');
    expect(levelOfScore(6)).toBe('VERY_SATISFIED');
    expect(levelOfScore(100)).toBe('VERY_SATISFIED');
  });

  it('never answers undefined for a score that is not a number', () => {
    let level: unknown;
    try {
      level = levelOfScore(Number.NaN);
    } catch {
      return; // refusing NaN outright is fine too
    }
    expect(REVIEW_LEVELS).toContain(level);
  });
});
