import { describe, expect, it } from 'vitest';
import { figuresOf, roundedRatio } from './figures.ts';
import type { CountedRating } from './figures.ts';
import type { ReviewLevel } from './levels.ts';

const rating = (level: ReviewLevel, extra: Partial<CountedRating> = {}): CountedRating => ({ level, excluded: false, fixed: false, daysToFix: null, ...extra });
const many = (n: number, level: ReviewLevel, extra: Partial<CountedRating> = {}) => Array.from({ length: n }, () => rating(level, extra));

describe('roundedRatio', () => {
  it('divides to four decimals by default', () => {
    expect(roundedRatio(1, 3)).toBe(0.3333);
    expect(roundedRatio(2, 3)).toBe(0.6667);
    expect(roundedRatio(5, 5)).toBe(1);
    expect(roundedRatio(0, 7)).toBe(0);
  });

  it('rounds an exact half upwards, not to even', () => {
    expect(roundedRatio(1, 8, 2)).toBe(0.13); // 0.125
    expect(roundedRatio(3, 8, 2)).toBe(0.38); // 0.375
    expect(roundedRatio(1, 16, 3)).toBe(0.063); // 0.0625
    expect(roundedRatio(1, 20000)).toBe(0.0001); // 0.00005
    expect(roundedRatio(5, 2, 0)).toBe(3);
  });

  it('rounds where floating-point arithmetic would not (1.005 → 1.01)', () => {
    expect(Math.round(1.005 * 100) / 100).toBe(1); // the trap
    expect(roundedRatio(201, 200, 2)).toBe(1.01);
  });

  it('has no ratio over nothing', () => {
    expect(roundedRatio(0, 0)).toBeNull();
    expect(roundedRatio(3, 0, 2)).toBeNull();
  });
});

describe('figuresOf', () => {
  it('has counts of zero and no rates without ratings', () => {
    expect(figuresOf([])).toEqual({
      ratings: 0,
      counts: [
        { level: 'VERY_SATISFIED', count: 0 },
        { level: 'SATISFIED', count: 0 },
        { level: 'BASICALLY_SATISFIED', count: 0 },
        { level: 'DISSATISFIED', count: 0 },
        { level: 'VERY_DISSATISFIED', count: 0 },
      ],
      satisfactionRate: null,
      average: null,
      badReviews: 0,
      fixedBadReviews: 0,
      fixedShare: null,
      averageDaysToFix: null,
    });
  });

  it('counts each level, best first, and rates the top three levels over all', () => {
    const figures = figuresOf([...many(3, 'VERY_SATISFIED'), ...many(2, 'SATISFIED'), rating('BASICALLY_SATISFIED'), rating('DISSATISFIED'), rating('VERY_DISSATISFIED')]);
    expect(figures.ratings).toBe(8);
    expect(figures.counts.map((c) => [c.level, c.count])).toEqual([
      ['VERY_SATISFIED', 3],
      ['SATISFIED', 2],
      ['BASICALLY_SATISFIED', 1],
      ['DISSATISFIED', 1],
      ['VERY_DISSATISFIED', 1],
    ]);
    expect(figures.satisfactionRate).toBe(0.75); // 6 / 8
    expect(figures.average).toBe(3.63); // 29 / 8 = 3.625, half up
    expect(figures.badReviews).toBe(2);
  });

  it('counts 基本满意 as satisfied and 不满意 as not', () => {
    expect(figuresOf([rating('BASICALLY_SATISFIED'), rating('DISSATISFIED'), rating('DISSATISFIED')]).satisfactionRate).toBe(0.3333);
    expect(figuresOf([rating('BASICALLY_SATISFIED')]).satisfactionRate).toBe(1);
    expect(figuresOf([rating('DISSATISFIED')]).satisfactionRate).toBe(0);
  });

  it('leaves a rating removed by an upheld appeal out of every figure', () => {
    const figures = figuresOf([
      rating('VERY_SATISFIED'),
      rating('VERY_DISSATISFIED', { excluded: true, fixed: true, daysToFix: 9 }),
      rating('DISSATISFIED', { fixed: true, daysToFix: 3 }),
      rating('SATISFIED', { excluded: true }),
    ]);
    expect(figures.ratings).toBe(2);
    expect(figures.counts.find((c) => c.level === 'VERY_DISSATISFIED')?.count).toBe(0);
    expect(figures.counts.find((c) => c.level === 'SATISFIED')?.count).toBe(0);
    expect(figures.satisfactionRate).toBe(0.5);
    expect(figures.average).toBe(3.5);
    expect(figures).toMatchObject({ badReviews: 1, fixedBadReviews: 1, fixedShare: 1, averageDaysToFix: 3 });
  });

  it('has no rates when every rating was removed', () => {
    expect(figuresOf([rating('DISSATISFIED', { excluded: true })])).toMatchObject({ ratings: 0, satisfactionRate: null, average: null, badReviews: 0, fixedShare: null });
  });

  it('gives the share of bad reviews fixed, and the average working days to the fix to one decimal, half up', () => {
    const figures = figuresOf([
      rating('DISSATISFIED', { fixed: true, daysToFix: 1 }),
      rating('VERY_DISSATISFIED', { fixed: true, daysToFix: 2 }),
      rating('DISSATISFIED', { fixed: true, daysToFix: 2 }),
      rating('DISSATISFIED', { fixed: true, daysToFix: 0 }),
      ...many(2, 'VERY_DISSATISFIED'),
      rating('SATISFIED'),
    ]);
    expect(figures.badReviews).toBe(6);
    expect(figures.fixedBadReviews).toBe(4);
    expect(figures.fixedShare).toBe(0.6667);
    expect(figures.averageDaysToFix).toBe(1.3); // 5 / 4 = 1.25, half up
  });

  it('counts a fix of unknown duration as fixed but leaves it out of the average days', () => {
    const figures = figuresOf([rating('DISSATISFIED', { fixed: true, daysToFix: null }), rating('DISSATISFIED', { fixed: true, daysToFix: 4 })]);
    expect(figures.fixedBadReviews).toBe(2);
    expect(figures.fixedShare).toBe(1);
    expect(figures.averageDaysToFix).toBe(4);
  });

  it('has no average days while no bad review is fixed, and no fixed share without bad reviews', () => {
    expect(figuresOf([rating('DISSATISFIED')])).toMatchObject({ badReviews: 1, fixedBadReviews: 0, fixedShare: 0, averageDaysToFix: null });
    expect(figuresOf([rating('SATISFIED')])).toMatchObject({ badReviews: 0, fixedShare: null, averageDaysToFix: null });
  });

  it('ignores a "fixed" mark on a rating that is not a bad review', () => {
    const figures = figuresOf([rating('SATISFIED', { fixed: true, daysToFix: 10 }), rating('DISSATISFIED', { fixed: true, daysToFix: 2 })]);
    expect(figures).toMatchObject({ badReviews: 1, fixedBadReviews: 1, fixedShare: 1, averageDaysToFix: 2 });
  });

  it('averages the scores to two decimals', () => {
    expect(figuresOf([rating('VERY_SATISFIED'), rating('SATISFIED'), rating('SATISFIED')]).average).toBe(4.33);
    expect(figuresOf([rating('VERY_SATISFIED'), rating('VERY_SATISFIED'), rating('SATISFIED')]).average).toBe(4.67);
    expect(figuresOf(many(4, 'VERY_DISSATISFIED')).average).toBe(1);
  });
});
