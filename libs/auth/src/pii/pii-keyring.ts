import { randomBytes } from 'node:crypto';
import { chmodSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The keys that protect children's resident IDs, names and phone numbers at rest. `current`
 * encrypts new values; every other key in `keys` only decrypts values written before a rotation.
 * `indexKey` is separate so blind indexes survive encryption-key rotation (rotating it means
 * recomputing every index).
 */
export interface PiiKeyring {
  readonly current: string;
  readonly keys: Readonly<Record<string, Buffer>>;
  readonly indexKey: Buffer;
}

/** Key ids travel inside every stored value (`v1:<kid>:…`), so they must not contain ':'. */
export const PII_KID_PATTERN = /^[A-Za-z0-9._-]{1,32}$/;
export const PII_KEY_BYTES = 32;

/** Messages name the field or key id at fault, never the key material or the raw configuration. */
export class PiiKeyringError extends Error {
  override readonly name = 'PiiKeyringError';
}

// Strict standard base64 with padding: Buffer.from(…, 'base64') silently skips junk, which would
// turn a truncated or mistyped key into a different key instead of an error.
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function decodeKey(value: unknown, label: string): Buffer {
  if (typeof value !== 'string') throw new PiiKeyringError(`PII keyring: ${label} must be a base64 string`);
  if (!BASE64.test(value)) throw new PiiKeyringError(`PII keyring: ${label} is not valid base64`);
  const key = Buffer.from(value, 'base64');
  if (key.length !== PII_KEY_BYTES) {
    throw new PiiKeyringError(`PII keyring: ${label} must be ${PII_KEY_BYTES} bytes, got ${key.length}`);
  }
  return key;
}

/** Parses `{"current":"k2026a","keys":{"k2026a":"<base64 32 bytes>",…},"indexKey":"<base64 32 bytes>"}`. */
export function parsePiiKeyring(json: string): PiiKeyring {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    // V8's SyntaxError quotes the input around the fault, i.e. possibly key material: drop it.
    throw new PiiKeyringError('PII keyring is not valid JSON');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new PiiKeyringError('PII keyring must be a JSON object');
  const { current, keys, indexKey } = raw as Record<string, unknown>;
  if (typeof keys !== 'object' || keys === null || Array.isArray(keys)) {
    throw new PiiKeyringError('PII keyring: "keys" must be an object of key id → base64 key');
  }
  const entries = Object.entries(keys);
  if (entries.length === 0) throw new PiiKeyringError('PII keyring: "keys" is empty');
  // Null prototype: a kid such as "constructor" must never resolve to an inherited property.
  const decoded: Record<string, Buffer> = Object.create(null) as Record<string, Buffer>;
  for (const [kid, value] of entries) {
    // An invalid kid is not echoed: a misplaced key could be sitting in that position.
    if (!PII_KID_PATTERN.test(kid)) throw new PiiKeyringError(`PII keyring: a key id (${kid.length} characters) does not match ${PII_KID_PATTERN}`);
    decoded[kid] = decodeKey(value, `key "${kid}"`);
  }
  if (typeof current !== 'string' || !PII_KID_PATTERN.test(current)) {
    throw new PiiKeyringError(`PII keyring: "current" must be a key id matching ${PII_KID_PATTERN}`);
  }
  if (!Object.hasOwn(decoded, current)) throw new PiiKeyringError(`PII keyring: current key "${current}" is missing from "keys"`);
  const index = decodeKey(indexKey, '"indexKey"');
  // Key separation: reusing an encryption key for the HMAC index weakens both uses.
  if (Object.values(decoded).some((k) => k.equals(index))) {
    throw new PiiKeyringError('PII keyring: "indexKey" must differ from every encryption key');
  }
  return Object.freeze({ current, keys: Object.freeze(decoded), indexKey: index });
}

/** A fresh keyring as JSON (one encryption key `kid`, one index key): the configuration format. */
export function generatePiiKeyring(kid = `dev-${new Date().toISOString().slice(0, 10)}`): string {
  if (!PII_KID_PATTERN.test(kid)) throw new PiiKeyringError(`PII keyring: key id must match ${PII_KID_PATTERN}`);
  const keyring = {
    current: kid,
    keys: { [kid]: randomBytes(PII_KEY_BYTES).toString('base64') },
    indexKey: randomBytes(PII_KEY_BYTES).toString('base64'),
  };
  return `${JSON.stringify(keyring, null, 2)}\n`;
}

/**
 * The embedded (development) start's keyring, e.g. `.data/pii-keys.json`: read if present, else
 * generated once and written owner-only. Never for production, whose keys come from configuration:
 * losing this file loses every value encrypted under it.
 */
export function loadOrCreateDevPiiKeyring(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const json = generatePiiKeyring();
  // Written whole to a private temporary file, then hard-linked into place: link fails if the file
  // exists, so two processes starting together agree on one keyring and nobody reads half a file.
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(temporary, json, { mode: 0o600, flag: 'wx' });
    chmodSync(temporary, 0o600); // the umask may not be trusted to leave 0o600 alone
    linkSync(temporary, file);
    return json;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8');
    throw error;
  } finally {
    rmSync(temporary, { force: true });
  }
}
