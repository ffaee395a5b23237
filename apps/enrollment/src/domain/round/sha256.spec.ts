import { describe, expect, it } from 'vitest';
import { sha256Hex } from './sha256.ts';

// Expected values from FIPS 180-4 and from `printf '%s' "$TEXT" | sha256sum`.
describe('sha256Hex', () => {
  it('matches the FIPS 180-4 test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  });

  it('handles UTF-8 text, long input and every padding boundary', () => {
    expect(sha256Hex('2026年城关学区摇号种子')).toBe('c315cf2aecd9d341a8c8081c525783b4427e2a7c7c48add061b5ee0103d89f53');
    expect(sha256Hex('a'.repeat(1000))).toBe('41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3');
    expect(sha256Hex('x'.repeat(55))).toBe('d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072');
    expect(sha256Hex('x'.repeat(56))).toBe('04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e');
    expect(sha256Hex('x'.repeat(63))).toBe('75220b47218278e656f2013bb8f0c455a25eaf01e86c64924e9d48d89776d6f2');
    expect(sha256Hex('x'.repeat(64))).toBe('7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c');
  });
});
