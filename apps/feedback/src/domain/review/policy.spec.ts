import { describe, expect, it } from 'vitest';
import { DEFAULT_REVIEW_POLICY } from './policy.ts';

describe('DEFAULT_REVIEW_POLICY', () => {
  it('carries the numbers of the 好差评 rules', () => {
    expect(DEFAULT_REVIEW_POLICY).toMatchObject({
      ratingWindowDays: 30,
      callbackWorkingDays: 1,
      fixWorkingDays: 15,
      dueSoonWorkingDays: 2,
      maxTextLength: 2000,
    });
  });

  it('cites the State Council opinion its numbers come from', () => {
    expect(DEFAULT_REVIEW_POLICY.basis).toContain('国办发〔2019〕51号');
    expect(DEFAULT_REVIEW_POLICY.basis).toContain('15个工作日');
  });

  it('keeps every number a positive integer except the warning margin, which may be zero', () => {
    const { ratingWindowDays, callbackWorkingDays, fixWorkingDays, dueSoonWorkingDays, maxTextLength } = DEFAULT_REVIEW_POLICY;
    for (const n of [ratingWindowDays, callbackWorkingDays, fixWorkingDays, maxTextLength]) {
      expect(Number.isSafeInteger(n) && n > 0).toBe(true);
    }
    expect(Number.isSafeInteger(dueSoonWorkingDays) && dueSoonWorkingDays >= 0).toBe(true);
    expect(dueSoonWorkingDays).toBeLessThan(fixWorkingDays);
  });
});
