import { describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION_POLICY, retentionEndsOn, retentionExpired } from './retention.ts';

describe('retention', () => {
  it('keeps personal data three years after closing by default', () => {
    expect(retentionEndsOn('2026-12-31')).toBe('2029-12-31');
    expect(retentionEndsOn('2028-02-29')).toBe('2031-02-28');
    expect(retentionEndsOn('2026-12-31', { ...DEFAULT_RETENTION_POLICY, years: 5 })).toBe('2031-12-31');
  });

  it('says when the data must go', () => {
    expect(retentionExpired('2026-12-31', '2029-12-31')).toBe(false);
    expect(retentionExpired('2026-12-31', '2030-01-01')).toBe(true);
  });

  it('refuses nonsense input as a programming error', () => {
    expect(() => retentionEndsOn('2026-13-01')).toThrow(RangeError);
    expect(() => retentionEndsOn('2026-12-01', { ...DEFAULT_RETENTION_POLICY, years: 1.5 })).toThrow(RangeError);
  });
});
