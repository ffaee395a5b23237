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
  it('counts comments and matter numbers in characters, not UTF-16 units', () => {
    expect(checkRating({ score: 3, serviceItem: 'school-licence', comment: '𠮷'.repeat(2000), matterId: '𠮷'.repeat(100) })).toEqual([]);
    expect(checkRating({ score: 3, serviceItem: 'school-licence', comment: '𠮷'.repeat(2001), matterId: '𠮷'.repeat(101) })).toHaveLength(2);
  });
  it('averages to two decimals and has no average without ratings', () => {
    expect(average(14, 3)).toBe(4.67);
    expect(average(0, 0)).toBeNull();
  });

  it('keys a rating by its matter, or else by the service, and always by its rater', () => {
    const base = { raterId: 'p1', institutionId: 'i1', serviceItem: 'school-placement' };
    expect(ratingKey({ ...base, matterId: 'M-1' })).toBe('matter\u001FM-1\u001Fp1');
    expect(ratingKey({ ...base, matterId: null })).toBe('service\u001Fi1\u001Fschool-placement\u001Fp1');
  });

  it('gives another rater of the same matter number another key, so the first cannot block the second', () => {
    const rating = { institutionId: 'i1', serviceItem: 'school-placement', matterId: 'M-1' };
    expect(ratingKey({ ...rating, raterId: 'stranger' })).not.toBe(ratingKey({ ...rating, raterId: 'applicant' }));
  });

  it('never lets the parts of two ratings run into one key', () => {
    const base = { institutionId: 'i1', serviceItem: 'x' };
    expect(ratingKey({ ...base, matterId: 'A:rater:B', raterId: 'C' })).not.toBe(ratingKey({ ...base, matterId: 'A', raterId: 'B:rater:C' }));
  });
});
