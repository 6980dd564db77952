import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A new random secret (session id, CSRF token, API token): 32 bytes, base64url.
 * @param prefix - a readable prefix such as `uw_` so leaked tokens are recognisable
 */
export function newSecret(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

/**
 * The sha256 of a secret, hex: what the database keeps instead of the secret itself.
 * @param secret - a session id or API token
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/**
 * Compares two strings in constant time (for CSRF tokens).
 * @param a - the expected value
 * @param b - the value offered
 */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
