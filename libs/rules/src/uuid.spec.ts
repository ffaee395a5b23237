import { describe, expect, it } from 'vitest';
import { isUuid, lookupIds, lookupKey } from './uuid.ts';

describe('isUuid', () => {
  it('accepts the canonical form of any version, in either case', () => {
    expect(isUuid('0190a6f2-7b1c-7d3e-8f00-1234567890ab')).toBe(true);
    expect(isUuid('0190A6F2-7B1C-7D3E-8F00-1234567890AB')).toBe(true);
    expect(isUuid('00000000-0000-0000-0000-000000000000')).toBe(true);
  });
  it('refuses anything else', () => {
    for (const text of ['abc', '', '------------------------------------', '0190a6f27b1c7d3e8f001234567890ab', '{0190a6f2-7b1c-7d3e-8f00-1234567890ab}', '0190a6f2-7b1c-7d3e-8f00-1234567890ab\n']) {
      expect(isUuid(text)).toBe(false);
    }
  });
});

describe('lookupIds and lookupKey', () => {
  it('ask the database for each UUID once, in lower case, and for nothing malformed', () => {
    const upper = '0190A6F2-7B1C-7D3E-8F00-1234567890AB';
    expect(lookupIds([upper, upper.toLowerCase(), 'not-an-id'])).toEqual([upper.toLowerCase()]);
    expect(lookupKey(upper)).toBe(upper.toLowerCase());
    expect(lookupKey('not-an-id')).toBeUndefined();
  });
});
