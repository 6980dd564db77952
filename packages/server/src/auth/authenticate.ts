import type { Store, User } from '@unitwise/store';
import type { FastifyRequest } from 'fastify';
import { ApiError } from '../errors/api-error.ts';
import type { Principal } from './principal.ts';
import type { PrincipalCache, PrincipalEntry } from './principal-cache.ts';
import { hashSecret } from './secret-token.ts';
import { SESSION_COOKIE } from './session-cookie.ts';

/** API tokens start with this, so a leaked one is recognisable (and scanners can find it). */
export const API_TOKEN_PREFIX = 'uwt_';

// Token use is recorded at most once a minute, so reads through a token do not each cost a write.
const TOUCH_EVERY_MS = 60_000;

/** What authenticate reads: the store and the cache of resolved callers. */
export interface AuthDeps {
  store: Store;
  principals: PrincipalCache;
}

function unauthenticated(): ApiError {
  return new ApiError('unauthenticated', 'Sign in (POST /api/v1/session) or send Authorization: Bearer <api token>.');
}

function toPrincipal(e: PrincipalEntry): Principal {
  const p: Principal = {
    userId: e.userId,
    clinicId: e.clinicId,
    // A copy, so a handler that changed the array could not change the cached caller.
    roles: [...e.roles],
    email: e.email,
    name: e.name,
    via: e.via,
  };
  if (e.via === 'session') {
    p.sessionId = e.sessionId;
    p.csrfToken = e.csrfToken;
    p.sessionExpiresAt = e.sessionExpiresAt;
    p.sessionCreatedAt = e.sessionCreatedAt;
  }
  return p;
}

/** The parts of a principal that come from the user row. */
function whoIs(user: User): Pick<Principal, 'userId' | 'clinicId' | 'roles' | 'email' | 'name'> {
  return { userId: user.id, clinicId: user.clinicId, roles: user.roles, email: user.email, name: user.name };
}

/** The bearer token's caller, from the cache or the store (token, then user and roles). */
async function tokenEntry(deps: AuthDeps, hash: string): Promise<PrincipalEntry> {
  const hit = deps.principals.get(hash);
  if (hit) return hit;
  const since = deps.principals.generation;
  const token = await deps.store.apiTokens.findByTokenHash(hash);
  if (!token) throw unauthenticated();
  const user = await deps.store.users.get(token.clinicId, token.userId);
  if (user?.status !== 'active') throw unauthenticated();
  const entry: PrincipalEntry = {
    ...whoIs(user),
    via: 'token',
    tokenId: token.id,
    tokenLastUsedAt: token.lastUsedAt,
  };
  deps.principals.set(hash, entry, since);
  return entry;
}

/** The cookie session's caller, from the cache or the store (session, then user and roles); expiry always checked. */
async function sessionEntry(deps: AuthDeps, hash: string, now: Date): Promise<PrincipalEntry> {
  const hit = deps.principals.get(hash);
  if (hit?.sessionExpiresAt && Date.parse(hit.sessionExpiresAt) > now.getTime()) return hit;
  // Expired as cached: read again, since another process may have slid it (and if not, the store says 401).
  if (hit) deps.principals.delete(hash);
  const since = deps.principals.generation;
  const session = await deps.store.sessions.findByTokenHash(hash);
  if (!session || Date.parse(session.expiresAt) <= now.getTime()) throw unauthenticated();
  const user = await deps.store.users.get(session.clinicId, session.userId);
  if (user?.status !== 'active') throw unauthenticated();
  const entry: PrincipalEntry = {
    ...whoIs(user),
    via: 'session',
    sessionId: session.id,
    csrfToken: session.csrfToken,
    sessionExpiresAt: session.expiresAt,
    sessionCreatedAt: session.createdAt,
  };
  deps.principals.set(hash, entry, since);
  return entry;
}

/**
 * Resolves who is calling: a bearer API token first, else the session cookie. Throws 401 when neither is valid.
 * Callers are cached by the hash of their secret for a few seconds (see PrincipalCache); session expiry is checked
 * on every request all the same.
 * @param request - the request
 * @param deps - the store and the principal cache
 * @param now - the current time
 */
export async function authenticate(request: FastifyRequest, deps: AuthDeps, now: Date): Promise<Principal> {
  const auth = request.headers.authorization;
  if (auth !== undefined) {
    const m = /^Bearer\s+(\S+)$/i.exec(auth);
    if (!m?.[1]) throw unauthenticated();
    const hash = hashSecret(m[1]);
    const entry = await tokenEntry(deps, hash);
    const last = entry.tokenLastUsedAt;
    if (entry.tokenId && (!last || now.getTime() - Date.parse(last) > TOUCH_EVERY_MS)) {
      await deps.store.apiTokens.touch(entry.clinicId, entry.tokenId);
      deps.principals.update(hash, { tokenLastUsedAt: now.toISOString() });
    }
    return toPrincipal(entry);
  }
  const secret = request.cookies[SESSION_COOKIE];
  if (!secret) throw unauthenticated();
  return toPrincipal(await sessionEntry(deps, hashSecret(secret), now));
}
