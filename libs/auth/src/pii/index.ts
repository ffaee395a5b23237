// Encryption at rest, blind indexes and display masks for children's personal data.
export { parsePiiKeyring, generatePiiKeyring, loadOrCreateDevPiiKeyring, PiiKeyringError, PII_KID_PATTERN, PII_KEY_BYTES } from './pii-keyring.ts';
export type { PiiKeyring } from './pii-keyring.ts';
export { createPiiCipher, normaliseForIndex, PiiDecryptError, PII_FORMAT_VERSION } from './pii-cipher.ts';
export type { PiiCipher } from './pii-cipher.ts';
export { maskName, maskPhone, maskResidentId } from './pii-mask.ts';
