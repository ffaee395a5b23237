import { describe, expect, it } from 'vitest';
import { hmacSha256Hex, hmacSha256HexWith } from './keyed-hash.ts';

describe('hmacSha256Hex', () => {
  it('matches RFC 4231 test case 2, with the key given as a string or prepared once', () => {
    const expected = '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843';
    expect(hmacSha256Hex('Jefe', 'what do ya want for nothing?')).toBe(expected);
    expect(hmacSha256HexWith('Jefe')('what do ya want for nothing?')).toBe(expected);
  });
});
