import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

// N=2^14, r=8, p=1: OWASP's minimum for scrypt (Password Storage Cheat Sheet, 2024).
const N = 16384;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

function derive(password: string, salt: string, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      password,
      Buffer.from(salt, 'base64url'),
      KEY_LENGTH,
      { N: n, r, p, maxmem: 64 * 1024 * 1024 },
      (err, key) => (err ? reject(err) : resolve(key)),
    );
  });
}

/** What the users table keeps: `scrypt$N$r$p$key` and the per-user salt, both base64url. */
export interface PasswordHash {
  passwordHash: string;
  passwordSalt: string;
}

/**
 * Hashes a password with scrypt and a fresh 16-byte per-user salt.
 * @param password - the plain password
 */
export async function hashPassword(password: string): Promise<PasswordHash> {
  const passwordSalt = randomBytes(16).toString('base64url');
  const key = await derive(password, passwordSalt, N, R, P);
  return { passwordHash: ['scrypt', N, R, P, key.toString('base64url')].join('$'), passwordSalt };
}

/**
 * Checks a password against the stored hash in constant time; a malformed hash never matches.
 * @param password - the plain password offered
 * @param stored - what `hashPassword` produced
 */
export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  const [scheme, n, r, p, hash] = stored.passwordHash.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, stored.passwordSalt, Number(n), Number(r), Number(p));
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash to verify against when the email is unknown, so timing does not reveal which emails exist. */
export const DUMMY_HASH: PasswordHash = {
  passwordHash: `scrypt$${N}$${R}$${P}$${'A'.repeat(43)}`,
  passwordSalt: 'AAAAAAAAAAAAAAAAAAAAAA',
};
