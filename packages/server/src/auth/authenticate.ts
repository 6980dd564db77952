import type { Store } from '@unitwise/store';
import type { FastifyRequest } from 'fastify';
import { ApiError } from '../errors/api-error.ts';
import type { Principal } from './principal.ts';
import { hashSecret } from './secret-token.ts';
import { SESSION_COOKIE } from './session-cookie.ts';

/** API tokens start with this, so a leaked one is recognisable (and scanners can find it). */
export const API_TOKEN_PREFIX = 'uwt_';

// Token use is recorded at most once a minute, so reads through a token do not each cost a write.
const TOUCH_EVERY_MS = 60_000;

function unauthenticated(): ApiError {
  return new ApiError('unauthenticated', 'Sign in (POST /api/v1/session) or send Authorization: Bearer <api token>.');
}

/**
 * Resolves who is calling: a bearer API token first, else the session cookie. Throws 401 when neither is valid.
 * @param request - the request
 * @param store - the store
 * @param now - the current time
 */
export async function authenticate(request: FastifyRequest, store: Store, now: Date): Promise<Principal> {
  const auth = request.headers.authorization;
  if (auth !== undefined) {
    const m = /^Bearer\s+(\S+)$/i.exec(auth);
    if (!m?.[1]) throw unauthenticated();
    const token = await store.apiTokens.findByTokenHash(hashSecret(m[1]));
    if (!token) throw unauthenticated();
    const user = await store.users.get(token.clinicId, token.userId);
    if (user?.status !== 'active') throw unauthenticated();
    if (!token.lastUsedAt || now.getTime() - Date.parse(token.lastUsedAt) > TOUCH_EVERY_MS) {
      await store.apiTokens.touch(token.clinicId, token.id);
    }
    return {
      userId: user.id,
      clinicId: user.clinicId,
      roles: user.roles,
      email: user.email,
      name: user.name,
      via: 'token',
    };
  }
  const secret = request.cookies[SESSION_COOKIE];
  if (!secret) throw unauthenticated();
  const session = await store.sessions.findByTokenHash(hashSecret(secret));
  if (!session || Date.parse(session.expiresAt) <= now.getTime()) throw unauthenticated();
  const user = await store.users.get(session.clinicId, session.userId);
  if (user?.status !== 'active') throw unauthenticated();
  return {
    userId: user.id,
    clinicId: user.clinicId,
    roles: user.roles,
    email: user.email,
    name: user.name,
    via: 'session',
    sessionId: session.id,
    csrfToken: session.csrfToken,
    sessionExpiresAt: session.expiresAt,
  };
}
