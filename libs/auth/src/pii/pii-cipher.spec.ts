import { describe, expect, it } from 'vitest';
import { createPiiCipher, PiiDecryptError } from './pii-cipher.ts';
import type { PiiKeyring } from './pii-keyring.ts';

const key = (fill: number) => Buffer.alloc(32, fill);
const before: PiiKeyring = { current: 'k2025', keys: { k2025: key(1) }, indexKey: key(9) };
const after: PiiKeyring = { current: 'k2026a', keys: { k2025: key(1), k2026a: key(2) }, indexKey: key(9) };
const cipher = createPiiCipher(after);

function decryptError(run: () => unknown): PiiDecryptError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PiiDecryptError);
    return error as PiiDecryptError;
  }
  throw new Error('expected a PiiDecryptError');
}

describe('createPiiCipher', () => {
  it('round-trips Chinese names, IDs and the empty string in the v1 format', () => {
    for (const plain of ['张三', '欧阳娜娜', '𠮷野', '11010120180101123X', '']) {
      const stored = cipher.encrypt(plain);
      expect(stored).toMatch(/^v1:k2026a:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]+$/);
      expect(stored).not.toContain(plain || '\u0000');
      expect(cipher.decrypt(stored)).toBe(plain);
    }
  });

  it('uses a fresh IV each time, so equal values are not equal at rest', () => {
    const a = cipher.encrypt('张三');
    const b = cipher.encrypt('张三');
    expect(a).not.toBe(b);
    expect(a.split(':')[2]).not.toBe(b.split(':')[2]);
  });

  it('decrypts values written under an old kid after rotation, and re-encrypts them', () => {
    const old = createPiiCipher(before).encrypt('李四');
    expect(cipher.decrypt(old)).toBe('李四');
    expect(cipher.needsReencryption(old)).toBe(true);
    const rotated = cipher.rotate(old);
    expect(rotated.startsWith('v1:k2026a:')).toBe(true);
    expect(cipher.needsReencryption(rotated)).toBe(false);
    expect(cipher.rotate(rotated)).toBe(rotated);
    expect(cipher.decrypt(rotated)).toBe('李四');
  });

  it('refuses a tampered ciphertext or IV', () => {
    const [v, kid, iv, sealed] = cipher.encrypt('王五').split(':') as [string, string, string, string];
    const bytes = Buffer.from(sealed, 'base64url');
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    const error = decryptError(() => cipher.decrypt([v, kid, iv, bytes.toString('base64url')].join(':')));
    expect(error.kid).toBe('k2026a');
    expect(error.message).toContain('"k2026a"');
    expect(error.message).not.toContain(sealed);
    const otherIv = Buffer.alloc(12, 7).toString('base64url');
    decryptError(() => cipher.decrypt([v, kid, otherIv, sealed].join(':')));
  });

  it('refuses a value whose kid was changed to another known key (the kid is authenticated)', () => {
    // Same key bytes under both kids: only the AAD can tell them apart.
    const twin = createPiiCipher({ current: 'a', keys: { a: key(3), b: key(3) }, indexKey: key(9) });
    const moved = twin.encrypt('赵六').replace(/^v1:a:/, 'v1:b:');
    expect(decryptError(() => twin.decrypt(moved)).kid).toBe('b');
    const relabelled = cipher.encrypt('赵六').replace(/^v1:k2026a:/, 'v1:k2025:');
    expect(decryptError(() => cipher.decrypt(relabelled)).kid).toBe('k2025');
  });

  it('refuses an unknown kid, naming it', () => {
    const foreign = createPiiCipher({ current: 'k2030', keys: { k2030: key(4) }, indexKey: key(9) }).encrypt('孙七');
    const error = decryptError(() => cipher.decrypt(foreign));
    expect(error.message).toMatch(/unknown key "k2030"/);
    // Inherited object properties are not keys.
    decryptError(() => cipher.decrypt(foreign.replace('k2030', 'constructor')));
  });

  it('refuses malformed values without echoing them', () => {
    for (const bad of ['张三', 'v2:k2026a:AAAA:AAAA', 'v1:k2026a:AAAA', 'v1:k2026a:!!:AAAA', 'v1:k2026a:AAAAAAAAAAAAAAAA:AAAA']) {
      const error = decryptError(() => cipher.decrypt(bad));
      if (bad !== '张三') expect(error.message).not.toContain(bad);
      else expect(error.message).not.toContain('张三');
    }
    decryptError(() => cipher.needsReencryption('plain text'));
  });
});

describe('blindIndex', () => {
  const id = '11010120180101123x';
  it('is stable, hex, and normalised (case, full-width, surrounding space)', () => {
    const index = cipher.blindIndex(id, 'resident-id');
    expect(index).toMatch(/^[0-9a-f]{64}$/);
    expect(cipher.blindIndex(id, 'resident-id')).toBe(index);
    expect(cipher.blindIndex(' 11010120180101123X ', 'resident-id')).toBe(index);
    expect(cipher.blindIndex('１１０１０１２０１８０１０１１２３Ｘ', 'resident-id')).toBe(index);
    expect(cipher.blindIndex('11010120180101124X', 'resident-id')).not.toBe(index);
  });

  it('does not change when encryption keys rotate, but does under another index key', () => {
    expect(createPiiCipher(before).blindIndex(id, 'resident-id')).toBe(cipher.blindIndex(id, 'resident-id'));
    const other = createPiiCipher({ ...after, indexKey: key(8) });
    expect(other.blindIndex(id, 'resident-id')).not.toBe(cipher.blindIndex(id, 'resident-id'));
  });

  it('separates purposes: the same digits as a phone and as an ID index differently', () => {
    expect(cipher.blindIndex('13812345678', 'phone')).not.toBe(cipher.blindIndex('13812345678', 'resident-id'));
    expect(() => cipher.blindIndex('x', 'a\0b')).toThrow(RangeError);
    expect(() => cipher.blindIndex('x', '')).toThrow(RangeError);
  });
});
