import { createHmac, createSecretKey } from 'node:crypto';

/**
 * HMAC-SHA256 of a UTF-8 message under a UTF-8 key, in lowercase hex: pure and reproducible by
 * anyone, e.g. `echo -n "$MESSAGE" | openssl dgst -sha256 -hmac "$KEY"`.
 */
export function hmacSha256Hex(key: string, message: string): string {
  return createHmac('sha256', key).update(message, 'utf8').digest('hex');
}

/** The same, with a non-empty key prepared once for many messages. */
export function hmacSha256HexWith(key: string): (message: string) => string {
  const prepared = createSecretKey(Buffer.from(key, 'utf8'));
  return (message) => createHmac('sha256', prepared).update(message, 'utf8').digest('hex');
}
