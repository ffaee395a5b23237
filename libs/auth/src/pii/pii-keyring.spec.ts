import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generatePiiKeyring, loadOrCreateDevPiiKeyring, parsePiiKeyring, PiiKeyringError } from './pii-keyring.ts';

const KEY_A = Buffer.alloc(32, 1).toString('base64');
const KEY_B = Buffer.alloc(32, 2).toString('base64');
const INDEX = Buffer.alloc(32, 3).toString('base64');
const config = (over: Record<string, unknown> = {}) => JSON.stringify({ current: 'k2026a', keys: { k2026a: KEY_A, k2025: KEY_B }, indexKey: INDEX, ...over });

/** Asserts the error is a PiiKeyringError naming `fragment` and quoting no key material. */
function expectKeyringError(json: string, fragment: RegExp) {
  let caught: unknown;
  try {
    parsePiiKeyring(json);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(PiiKeyringError);
  const message = (caught as Error).message;
  expect(message).toMatch(fragment);
  for (const secret of [KEY_A, KEY_B, INDEX, KEY_A.slice(0, 12), KEY_B.slice(0, 12), INDEX.slice(0, 12)]) expect(message).not.toContain(secret);
  expect((caught as Error).cause).toBeUndefined();
}

describe('parsePiiKeyring', () => {
  it('parses the configuration format into 32-byte Buffers', () => {
    const keyring = parsePiiKeyring(config());
    expect(keyring.current).toBe('k2026a');
    expect(Object.keys(keyring.keys).sort()).toEqual(['k2025', 'k2026a']);
    expect(keyring.keys.k2025?.equals(Buffer.alloc(32, 2))).toBe(true);
    expect(keyring.indexKey.equals(Buffer.alloc(32, 3))).toBe(true);
  });

  it('reports each fault by name, never with key material', () => {
    expectKeyringError(`{"current":"k2026a","keys":{"k2026a":"${KEY_A}`, /not valid JSON/);
    expectKeyringError('[]', /JSON object/);
    expectKeyringError(config({ current: 'k2027' }), /current key "k2027" is missing/);
    expectKeyringError(config({ current: undefined }), /"current" must be a key id/);
    expectKeyringError(config({ keys: { k2026a: Buffer.alloc(16, 1).toString('base64') } }), /key "k2026a" must be 32 bytes, got 16/);
    expectKeyringError(config({ keys: { k2026a: `${KEY_A.slice(0, -2)}!=` } }), /key "k2026a" is not valid base64/);
    expectKeyringError(config({ keys: { k2026a: KEY_A, [KEY_B]: KEY_B } }), /a key id \(44 characters\) does not match/);
    expectKeyringError(config({ keys: { k2026a: KEY_A, 'k:2025': KEY_B } }), /a key id .* does not match/);
    expectKeyringError(config({ keys: {} }), /"keys" is empty/);
    expectKeyringError(config({ indexKey: KEY_A.slice(0, 21) }), /"indexKey" is not valid base64/);
    expectKeyringError(config({ indexKey: Buffer.alloc(31).toString('base64') }), /"indexKey" must be 32 bytes, got 31/);
    expectKeyringError(config({ indexKey: KEY_B }), /"indexKey" must differ/);
  });
});

describe('generatePiiKeyring', () => {
  it('makes a parseable keyring with fresh keys under the given kid', () => {
    const one = parsePiiKeyring(generatePiiKeyring('k2026a'));
    const two = parsePiiKeyring(generatePiiKeyring('k2026a'));
    expect(one.current).toBe('k2026a');
    expect(one.keys.k2026a?.equals(two.keys.k2026a as Buffer)).toBe(false);
    expect(parsePiiKeyring(generatePiiKeyring()).current).toMatch(/^dev-\d{4}-\d{2}-\d{2}$/);
    expect(() => generatePiiKeyring('bad:kid')).toThrow(PiiKeyringError);
  });
});

describe('loadOrCreateDevPiiKeyring', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pii-keys-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the file once, owner-only, in a new folder, then returns the same content', () => {
    const file = join(dir, '.data', 'nested', 'pii-keys.json');
    const first = loadOrCreateDevPiiKeyring(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toBe(first);
    expect(parsePiiKeyring(first).current).toMatch(/^dev-/);
    expect(loadOrCreateDevPiiKeyring(file)).toBe(first);
  });
});
