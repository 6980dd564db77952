import type { FastifyReply, FastifyRequest } from 'fastify';

/** The session cookie's name; its value is a random secret whose sha256 is the session key in the store. */
export const SESSION_COOKIE = 'uw_session';

/** Idle time after which a session expires (12 hours: one clinic day). */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;

/**
 * Longest a session lives however much it is used (24 hours): a computer left signed in at the front desk asks for
 * the password again the next day. OWASP ASVS 4.0.3 V3.3.2 asks for periodic re-authentication also while in use.
 */
export const SESSION_ABSOLUTE_MS = 24 * 60 * 60 * 1000;

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * Whether cookies must carry `Secure`: always outside localhost, unless the app was told otherwise.
 * @param request - the request whose Host decides
 * @param forced - the app option `secureCookies`, when given
 */
export function wantsSecure(request: FastifyRequest, forced: boolean | undefined): boolean {
  if (forced !== undefined) return forced;
  const host = request.hostname.replace(/:\d+$/, '');
  return !LOCAL_HOSTS.has(host);
}

/**
 * Sets the session cookie: HttpOnly, SameSite=Lax, Path=/, Secure outside localhost.
 * @param reply - the reply to set it on
 * @param secret - the session secret
 * @param secure - whether to add `Secure`
 */
export function setSessionCookie(reply: FastifyReply, secret: string, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, secret, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: SESSION_IDLE_MS / 1000,
  });
}

/**
 * Clears the session cookie on sign-out.
 * @param reply - the reply
 * @param secure - whether the cookie was set with `Secure`
 */
export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}
