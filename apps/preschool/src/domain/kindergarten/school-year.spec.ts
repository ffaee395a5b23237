import { describe, expect, it } from 'vitest';
import { schoolYearOn } from './school-year.ts';

describe('school year', () => {
  it('starts on 1 September', () => {
    expect(schoolYearOn('2026-08-31')).toBe(2025);
    expect(schoolYearOn('2026-09-01')).toBe(2026);
    expect(schoolYearOn('2027-06-30')).toBe(2026);
  });
});
