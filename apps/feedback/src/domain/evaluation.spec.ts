import { describe, expect, it } from 'vitest';
import { average, checkRating, isBadReview, ratingKey } from './evaluation.ts';

describe('好差评 evaluation', () => {
  it('counts the bottom two levels as bad reviews', () => {
    expect([5, 4, 3, 2, 1].map(isBadReview)).toEqual([false, false, false, true, true]);
  });
  it('refuses scores outside the five levels', () => {
    expect(checkRating({ score: 6, serviceItem: 'school-licence', comment: null, matterId: null })[0]).toMatch(/score must be 1–5/);
    expect(checkRating({ score: 3, serviceItem: 'school-licence', comment: null, matterId: 'M-1' })).toEqual([]);
  });
  it('averages to two decimals and has no average without ratings', () => {
    expect(average(14, 3)).toBe(4.67);
    expect(average(0, 0)).toBeNull();
  });

  it('keys a rating by its matter, or else by the rater’s use of the service', () => {
    const base = { raterId: 'p1', institutionId: 'i1', serviceItem: 'school-placement' };
    expect(ratingKey({ ...base, matterId: 'M-1' })).toBe('matter:M-1');
    expect(ratingKey({ ...base, matterId: null })).toBe('rater:p1:i1:school-placement');
  });
});
