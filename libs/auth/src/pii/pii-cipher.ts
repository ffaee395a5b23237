import { createCipheriv, createDecipheriv, createHmac, createSecretKey, randomBytes } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { PII_KEY_BYTES, PII_KID_PATTERN, PiiKeyringError } from './pii-keyring.ts';
import type { PiiKeyring } from './pii-keyring.ts';

/**
 * Field-level encryption of children's personal data (resident ID, name, phone).
 * Stored form: `v1:<kid>:<base64url iv>:<base64url ciphertext‖tag>`, AES-256-GCM, a random 12-byte
 * IV per value, and the kid as additional authenticated data, so a value re-labelled with another
 * kid fails authentication instead of decrypting. The kid in each value picks the key, so values
 * written before a rotation keep decrypting while `rotate` moves them to the current key.
 */
export const PII_FORMAT_VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const BASE64URL = /^[A-Za-z0-9_-]*$/;
/** Purposes are code constants ('resident-id', 'phone'), not data; no NUL, so they cannot run into the value. */
const PURPOSE_PATTERN = /^[A-Za-z0-9._:-]{1,64}$/;

/** Names the key id (when it is a well-formed one), never the value or the plaintext. */
export class PiiDecryptError extends Error {
  override readonly name = 'PiiDecryptError';
  readonly kid: string | null;
  constructor(message: string, kid: string | null) {
    super(message);
    this.kid = kid;
  }
}

export interface PiiCipher {
  /** The key id new values are written under. */
  readonly currentKid: string;
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  /** Lowercase hex HMAC-SHA256 for equality search; `purpose` (e.g. 'resident-id') separates indexes. */
  blindIndex(value: string, purpose: string): string;
  /** True when the value was written under a key other than the current one (for a rotation job). */
  needsReencryption(stored: string): boolean;
  /** The value re-encrypted under the current key; returned unchanged when already current. */
  rotate(stored: string): string;
}

interface ParsedValue {
  kid: string;
  iv: Buffer;
  sealed: Buffer;
}

function parseStored(stored: string): ParsedValue {
  const parts = typeof stored === 'string' ? stored.split(':') : [];
  const [version, kid, iv, sealed] = parts;
  if (parts.length !== 4 || version !== PII_FORMAT_VERSION || kid === undefined || !PII_KID_PATTERN.test(kid)) {
    throw new PiiDecryptError(`not a ${PII_FORMAT_VERSION} encrypted PII value`, null);
  }
  if (iv === undefined || sealed === undefined || !BASE64URL.test(iv) || !BASE64URL.test(sealed)) {
    throw new PiiDecryptError(`PII value under key "${kid}" is malformed`, kid);
  }
  const value = { kid, iv: Buffer.from(iv, 'base64url'), sealed: Buffer.from(sealed, 'base64url') };
  if (value.iv.length !== IV_BYTES || value.sealed.length < TAG_BYTES) {
    throw new PiiDecryptError(`PII value under key "${kid}" is malformed`, kid);
  }
  return value;
}

/** Normalised so that the forms people type for the same thing index alike: full-width digits, spaces, a lower-case 'x'. */
export function normaliseForIndex(value: string): string {
  return value.normalize('NFKC').trim().toUpperCase();
}

export function createPiiCipher(keyring: PiiKeyring): PiiCipher {
  // Re-checked here because a keyring can be built by hand (tests, a secrets manager adapter).
  // KeyObjects copy the bytes, so later changes to the keyring's Buffers change nothing here.
  const keys = new Map<string, KeyObject>();
  for (const [kid, key] of Object.entries(keyring.keys)) {
    if (!PII_KID_PATTERN.test(kid) || key.length !== PII_KEY_BYTES) throw new PiiKeyringError(`PII keyring: key "${kid}" is invalid`);
    keys.set(kid, createSecretKey(key));
  }
  const currentKid = keyring.current;
  const currentKey = keys.get(currentKid);
  if (!currentKey) throw new PiiKeyringError(`PII keyring: current key "${currentKid}" is missing from "keys"`);
  if (keyring.indexKey.length !== PII_KEY_BYTES) throw new PiiKeyringError('PII keyring: "indexKey" must be 32 bytes');
  const indexKey = createSecretKey(keyring.indexKey);
  const aad = (kid: string) => Buffer.from(kid, 'utf8');

  const encrypt = (plain: string): string => {
    if (typeof plain !== 'string') throw new TypeError('encrypt takes a string');
    // A random 96-bit IV per value: GCM must never see an IV twice under one key, and equal
    // plaintexts must not produce equal ciphertexts (search goes through the blind index instead).
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', currentKey, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(aad(currentKid));
    const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `${PII_FORMAT_VERSION}:${currentKid}:${iv.toString('base64url')}:${sealed.toString('base64url')}`;
  };

  const decrypt = (stored: string): string => {
    const { kid, iv, sealed } = parseStored(stored);
    const key = keys.get(kid);
    if (!key) throw new PiiDecryptError(`PII value is under unknown key "${kid}"`, kid);
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad(kid));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    try {
      const plain = Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]);
      return plain.toString('utf8');
    } catch {
      // GCM does not say why; the cause could be tampering, a re-labelled kid or a wrong key.
      throw new PiiDecryptError(`PII value under key "${kid}" failed authentication (tampered, moved, or the key differs)`, kid);
    }
  };

  return {
    currentKid,
    encrypt,
    decrypt,
    blindIndex(value, purpose) {
      if (typeof value !== 'string') throw new TypeError('blindIndex takes a string value');
      if (!PURPOSE_PATTERN.test(purpose)) throw new RangeError(`blindIndex purpose must match ${PURPOSE_PATTERN}`);
      return createHmac('sha256', indexKey).update(`${purpose}\0${normaliseForIndex(value)}`, 'utf8').digest('hex');
    },
    needsReencryption: (stored) => parseStored(stored).kid !== currentKid,
    rotate: (stored) => (parseStored(stored).kid === currentKid ? stored : encrypt(decrypt(stored))),
  };
}
