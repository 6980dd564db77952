import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../deps.ts';
import { ApiError } from '../errors/api-error.ts';
import type { RouteDef } from '../http/route.ts';
import { authenticate } from './authenticate.ts';
import type { Principal } from './principal.ts';
import { ACCESS, hasAnyRole } from './roles.ts';
import { hashSecret, sameSecret } from './secret-token.ts';
import {
  SESSION_ABSOLUTE_MS,
  SESSION_COOKIE,
  SESSION_IDLE_MS,
  setSessionCookie,
  wantsSecure,
} from './session-cookie.ts';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
  interface FastifyContextConfig {
    def?: RouteDef;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

// A session's idle expiry moves forward at most once a minute, so a busy browser does not write on every request.
const SESSION_TOUCH_EVERY_MS = 60_000;

/**
 * Slides a cookie session's expiry to now + the idle time (store and cookie) when it was last moved over a minute ago.
 * @param deps - the app's dependencies
 * @param request - the request (its cookie is set again)
 * @param reply - the reply
 * @param principal - the authenticated caller
 * @param now - the current time
 */
async function touchSession(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  principal: Principal,
  now: Date,
): Promise<void> {
  const { sessionId, sessionExpiresAt, sessionCreatedAt } = principal;
  // Signing out removes the session and clears the cookie; extending it first would only add a cookie to clear.
  if (!sessionId || !sessionExpiresAt || request.routeOptions.config.def?.id === 'session.delete') return;
  // Never past the absolute lifetime: the slide stops there and the session ends however busy it is.
  const cap = sessionCreatedAt ? Date.parse(sessionCreatedAt) + SESSION_ABSOLUTE_MS : Number.POSITIVE_INFINITY;
  const expiresAt = Math.min(now.getTime() + SESSION_IDLE_MS, cap);
  if (expiresAt - Date.parse(sessionExpiresAt) < SESSION_TOUCH_EVERY_MS) return;
  const moved = await deps.store.sessions.touch(principal.clinicId, sessionId, new Date(expiresAt).toISOString());
  const secret = request.cookies[SESSION_COOKIE];
  if (!secret) return;
  // The cached expiry follows the store's, or every later request would slide (and write) again.
  const hash = hashSecret(secret);
  if (moved) deps.principals.update(hash, { sessionExpiresAt: new Date(expiresAt).toISOString() });
  else deps.principals.delete(hash);
  if (moved) setSessionCookie(reply, secret, wantsSecure(request, deps.secureCookies));
}

/**
 * The one preHandler for every API route: who is calling (session or token), CSRF for cookie writes, the role the
 * route table allows, and the clinic (the principal's clinic scopes every store call after this).
 * @param deps - the app's dependencies
 */
export function createGuard(deps: AppDeps) {
  return async function guard(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const def = request.routeOptions.config.def;
    if (!def || def.access === 'public') return;
    const now = deps.clock();
    const principal = await authenticate(request, deps, now);
    if (principal.via === 'session' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !principal.csrfToken || !sameSecret(principal.csrfToken, sent)) {
        throw new ApiError('forbidden', 'Missing or wrong X-CSRF-Token header (from the sign-in response).');
      }
    }
    if (principal.via === 'session') await touchSession(deps, request, reply, principal, now);
    if (!hasAnyRole(principal.roles, ACCESS[def.access])) {
      throw new ApiError('forbidden', `This needs one of the roles: ${ACCESS[def.access].join(', ')}.`);
    }
    request.principal = principal;
  };
}
