import { holdSchedule } from '../auth/lockout.ts';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../auth/password.ts';
import { hashSecret, newSecret } from '../auth/secret-token.ts';
import {
  clearSessionCookie,
  SESSION_COOKIE,
  SESSION_IDLE_MS,
  setSessionCookie,
  wantsSecure,
} from '../auth/session-cookie.ts';
import { ApiError } from '../errors/api-error.ts';
import { defineRoute, type RouteDef } from '../http/route.ts';
import { ClinicOut, SessionOut, SignInBody, SignUpBody } from '../schemas/accounts.ts';
import { presentUser } from './present.ts';

/**
 * The one answer to every failed sign-in, wrong password, unknown email or an account waiting after wrong tries
 * alike, so the answer never tells which emails have accounts (issue 18).
 */
const BAD_CREDENTIALS =
  'Email or password is wrong. After several wrong tries, wait a few minutes before trying again.';

/** Sign-up, sign-in, sign-out and the current session. */
export const sessionRoutes: RouteDef[] = [
  defineRoute({
    id: 'clinics.create',
    method: 'POST',
    path: '/api/v1/clinics',
    summary: 'Create a clinic and its owner (self-service sign-up)',
    tag: 'accounts',
    access: 'public',
    body: SignUpBody,
    response: ClinicOut.extend({ owner: SessionOut.shape.user }),
    status: 201,
    async handler({ body, deps }) {
      if (!deps.selfSignup) throw new ApiError('disabled', 'Self-service sign-up is turned off on this server.');
      const hash = await hashPassword(body.owner.password);
      const { store } = deps;
      const created = await store.transaction(async (tx) => {
        const clinic = await tx.clinics.create({ name: body.clinicName });
        const owner = await tx.users.create(clinic.id, {
          email: body.owner.email,
          name: body.owner.name,
          ...hash,
          roles: ['owner'],
        });
        if (!owner.ok) return owner;
        await tx.audit.append(clinic.id, {
          action: 'clinic.create',
          entity: 'clinic',
          entityId: clinic.id,
          userId: owner.value.id,
        });
        return { ok: true as const, value: { clinic, owner: owner.value } };
      });
      if (!created.ok) {
        throw new ApiError('conflict', 'An account with this email exists already.', [
          { path: 'owner.email', message: 'Already registered.' },
        ]);
      }
      return { body: { ...created.value.clinic, owner: presentUser(created.value.owner) } };
    },
  }),
  defineRoute({
    id: 'session.create',
    method: 'POST',
    path: '/api/v1/session',
    summary: 'Sign in with email and password; sets the session cookie',
    tag: 'accounts',
    access: 'public',
    body: SignInBody,
    response: SessionOut,
    status: 200,
    async handler({ body, deps, request, reply }) {
      const now = deps.clock();
      if (!(await deps.signInLimiter.allow(request.ip, now.getTime()))) {
        throw new ApiError('rate-limited', 'Too many sign-in attempts from this address; wait a minute.');
      }
      const found = await deps.store.users.findCredentialsByEmail(body.email);
      // Count the attempt before checking it, in one UPDATE that also sets the wait: parallel guesses all count.
      const attempt = found
        ? await deps.store.users.beginSignInAttempt(found.user.clinicId, found.user.id, {
            now: now.toISOString(),
            holds: holdSchedule(now.getTime()),
          })
        : undefined;
      // Verify always (a dummy hash for unknown emails, also while held) so the answer time tells nothing either.
      const ok = await verifyPassword(body.password, found ?? DUMMY_HASH);
      if (!found) throw new ApiError('unauthenticated', BAD_CREDENTIALS);
      const { user } = found;
      const audit = (action: string) =>
        deps.store.audit.append(user.clinicId, {
          action,
          entity: 'user',
          entityId: user.id,
          userId: user.id,
          ip: request.ip,
        });
      if (!attempt?.ok) {
        await audit('session.locked-out');
        throw new ApiError('unauthenticated', BAD_CREDENTIALS);
      }
      if (!ok || user.status !== 'active') {
        await audit('session.failed');
        throw new ApiError('unauthenticated', BAD_CREDENTIALS);
      }
      await deps.store.users.recordSignIn(user.clinicId, user.id);
      // No principals.clear() on sign-in: a new session (or sign-in counters) cannot make a cached caller stale,
      // and clearing here would let a flood of sign-ins empty the cache.
      // Rotate: a session the browser already held (a fixated or an old one) ends here; the new one gets a new id.
      const previous = request.cookies[SESSION_COOKIE];
      if (previous) {
        const oldHash = hashSecret(previous);
        const old = await deps.store.sessions.findByTokenHash(oldHash);
        if (old) await deps.store.sessions.delete(old.clinicId, old.id);
        // Only this caller's cached entry: a flood of sign-ins must not empty the cache.
        deps.principals.delete(oldHash);
      }
      const secret = newSecret();
      const csrfToken = newSecret();
      await deps.store.sessions.create(user.clinicId, {
        userId: user.id,
        tokenHash: hashSecret(secret),
        csrfToken,
        expiresAt: new Date(now.getTime() + SESSION_IDLE_MS).toISOString(),
      });
      await audit('session.create');
      setSessionCookie(reply, secret, wantsSecure(request, deps.secureCookies));
      const provider = await deps.store.providers.findByUser(user.clinicId, user.id);
      return {
        body: { user: presentUser({ ...user, failedSignIns: 0, lockedUntil: null }, provider?.id ?? null), csrfToken },
      };
    },
  }),
  defineRoute({
    id: 'session.get',
    method: 'GET',
    path: '/api/v1/session',
    summary: 'The signed-in user (and the CSRF token of a cookie session)',
    tag: 'accounts',
    access: 'anyone',
    response: SessionOut,
    status: 200,
    async handler({ principal, deps }) {
      const user = await deps.store.users.get(principal.clinicId, principal.userId);
      if (!user) throw new ApiError('unauthenticated', 'The account no longer exists.');
      const provider = await deps.store.providers.findByUser(user.clinicId, user.id);
      return { body: { user: presentUser(user, provider?.id ?? null), csrfToken: principal.csrfToken ?? null } };
    },
  }),
  defineRoute({
    id: 'session.delete',
    method: 'DELETE',
    path: '/api/v1/session',
    summary: 'Sign out',
    tag: 'accounts',
    access: 'anyone',
    status: 204,
    async handler({ principal, deps, request, reply, audit }) {
      if (principal.sessionId) await deps.store.sessions.delete(principal.clinicId, principal.sessionId);
      // Signed out means the cookie fails on its very next request.
      await deps.principals.clear();
      await audit({ action: 'session.delete', entity: 'user', entityId: principal.userId });
      clearSessionCookie(reply, wantsSecure(request, deps.secureCookies));
      return {};
    },
  }),
  defineRoute({
    id: 'clinic.get',
    method: 'GET',
    path: '/api/v1/clinic',
    summary: 'The signed-in user’s clinic',
    tag: 'accounts',
    access: 'anyone',
    response: ClinicOut,
    status: 200,
    async handler({ principal, deps }) {
      const clinic = await deps.store.clinics.get(principal.clinicId);
      return { body: clinic };
    },
  }),
];
