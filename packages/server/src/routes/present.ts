import type { ApiToken, User } from '@unitwise/store';

/**
 * A user as the API shows it: no password material, no failed-sign-in counter.
 * @param u - the stored user
 * @param providerId - the provider record linked to the user, when the caller needs it (the session)
 */
export function presentUser(u: User, providerId?: string | null) {
  return {
    ...(providerId === undefined ? {} : { providerId }),
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
