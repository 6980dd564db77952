import type { ApiToken, User } from '@unitwise/store';

/**
 * A user as the API shows it: no password material, no failed-sign-in counter.
 * @param u - the stored user
 */
export function presentUser(u: User) {
  return {
    id: u.id,
    clinicId: u.clinicId,
    email: u.email,
    name: u.name,
    status: u.status,
    roles: u.roles,
    lockedUntil: u.lockedUntil,
    createdAt: u.createdAt,
    updatedAt: u.updatedAt,
  };
}

/**
 * An API token as listed: never the hash.
 * @param t - the stored token
 */
export function presentToken(t: ApiToken) {
  return {
    id: t.id,
    userId: t.userId,
    name: t.name,
    createdAt: t.createdAt,
    lastUsedAt: t.lastUsedAt,
    revokedAt: t.revokedAt,
  };
}
