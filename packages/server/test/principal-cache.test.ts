/**
 * The principal cache: TTL, bound and clear on their own; over HTTP, on both engines, that revoking a token, signing
 * out, disabling a user or changing roles takes effect on the very next request, and that expiry is checked even for
 * a cached session.
 */
import type { FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '../src/auth/authenticate.ts';
import { PRINCIPAL_TTL_MS, PrincipalCache, type PrincipalEntry } from '../src/auth/principal-cache.ts';
import { hashSecret, newSecret } from '../src/auth/secret-token.ts';
import { SESSION_COOKIE } from '../src/auth/session-cookie.ts';
import { engineTargets } from './helpers/engines.ts';
import { call, type Harness, makeClinic, makeHarness, signIn, type TestClinic } from './helpers/harness.ts';

const ENTRY: PrincipalEntry = {
  userId: 'u1',
  clinicId: 'c1',
  roles: ['therapist'],
  email: 'e@example.test',
  name: 'n',
  via: 'token',
  tokenId: 't1',
  tokenLastUsedAt: null,
};

describe('PrincipalCache', () => {
  it('keeps an entry for the TTL, then forgets it', () => {
    let t = 1_000;
    const cache = new PrincipalCache(() => t);
    cache.set('h', ENTRY);
    t += PRINCIPAL_TTL_MS - 1;
    expect(cache.get('h')).toEqual(ENTRY);
    t += 1;
    expect(cache.get('h')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('updates fields without renewing the age', () => {
    let t = 0;
    const cache = new PrincipalCache(() => t);
    cache.set('h', ENTRY);
    t += PRINCIPAL_TTL_MS - 1;
    cache.update('h', { tokenLastUsedAt: '2026-01-01T00:00:00.000Z' });
    expect(cache.get('h')?.tokenLastUsedAt).toBe('2026-01-01T00:00:00.000Z');
    t += 1;
    expect(cache.get('h')).toBeUndefined();
    cache.update('absent', { name: 'x' });
    expect(cache.size).toBe(0);
  });

  it('holds at most max entries, dropping the oldest first', () => {
    const cache = new PrincipalCache(() => 0, 3);
    for (const h of ['a', 'b', 'c']) cache.set(h, ENTRY);
    cache.set('a', ENTRY); // set again: now the newest
    cache.set('d', ENTRY);
    expect(cache.size).toBe(3);
    expect(cache.get('b')).toBeUndefined();
    for (const h of ['a', 'c', 'd']) expect(cache.get(h)).toBeDefined();
  });

  it('clear drops everything, and a lookup begun before a clear does not store what it read', () => {
    const cache = new PrincipalCache(() => 0);
    cache.set('a', ENTRY);
    const since = cache.generation;
    cache.clear();
    expect(cache.get('a')).toBeUndefined();
    cache.set('b', ENTRY, since);
    expect(cache.get('b')).toBeUndefined();
    cache.set('b', ENTRY, cache.generation);
    expect(cache.get('b')).toEqual(ENTRY);
  });
});

for (const engine of await engineTargets()) {
  describe.skipIf(engine.skip !== undefined)(
    `principal cache over HTTP on ${engine.name}${engine.skip ? ` (skipped: ${engine.skip})` : ''}`,
    () => {
      let h: Harness;
      let a: TestClinic;
      beforeAll(async () => {
        h = await makeHarness(engine);
        a = await makeClinic(h.store, 'pcache');
      });
      afterAll(async () => {
        await h?.close();
      });

      it('serves a token from the cache for up to the TTL when another process revokes it', async () => {
        const s = await signIn(h.app, a.staff.assistant.email);
        const made = await call(h.app, s, 'POST', '/api/v1/tokens', { name: 'elsewhere' });
        const bearer = { bearer: made.body.token as string };
        expect((await call(h.app, bearer, 'GET', '/api/v1/session')).status).toBe(200);
        // Revoked straight in the store, as another server process would: this process only learns after the TTL.
        expect(await h.store.apiTokens.revoke(a.clinicId, made.body.id)).toBe(true);
        expect((await call(h.app, bearer, 'GET', '/api/v1/session')).status).toBe(200);
        h.clock.advance(PRINCIPAL_TTL_MS);
        expect((await call(h.app, bearer, 'GET', '/api/v1/session')).status).toBe(401);
      });

      it('a token revoked through the API fails on the very next request', async () => {
        const s = await signIn(h.app, a.staff.therapist.email);
        const made = await call(h.app, s, 'POST', '/api/v1/tokens', { name: 'integration' });
        const bearer = { bearer: made.body.token as string };
        expect((await call(h.app, bearer, 'GET', '/api/v1/session')).status).toBe(200);
        expect((await call(h.app, bearer, 'GET', '/api/v1/clinic')).status).toBe(200);
        expect((await call(h.app, s, 'DELETE', `/api/v1/tokens/${made.body.id}`)).status).toBe(204);
        expect((await call(h.app, bearer, 'GET', '/api/v1/session')).status).toBe(401);
      });

      it('records token use at most once a minute while cached', async () => {
        const s = await signIn(h.app, a.staff.therapist.email);
        const made = await call(h.app, s, 'POST', '/api/v1/tokens', { name: 'touch' });
        const bearer = { bearer: made.body.token as string };
        const lastUsed = async () =>
          (await h.store.apiTokens.list(a.clinicId)).find((t) => t.id === made.body.id)?.lastUsedAt;
        expect(await lastUsed()).toBeNull();
        await call(h.app, bearer, 'GET', '/api/v1/session');
        const first = await lastUsed();
        expect(first).toBe(h.clock().toISOString());
        h.clock.advance(30_000);
        await call(h.app, bearer, 'GET', '/api/v1/session');
        expect(await lastUsed()).toBe(first);
        h.clock.advance(31_000);
        await call(h.app, bearer, 'GET', '/api/v1/session');
        expect(await lastUsed()).toBe(h.clock().toISOString());
        // Recorded in the cached entry too: the next request within the minute does not write again.
        const second = await lastUsed();
        h.clock.advance(1_000);
        await call(h.app, bearer, 'GET', '/api/v1/session');
        expect(await lastUsed()).toBe(second);
      });

      it('sign-out makes the cookie fail at once', async () => {
        const s = await signIn(h.app, a.staff.biller.email);
        expect((await call(h.app, s, 'GET', '/api/v1/session')).status).toBe(200);
        expect((await call(h.app, s, 'DELETE', '/api/v1/session')).status).toBe(204);
        expect((await call(h.app, s, 'GET', '/api/v1/session')).status).toBe(401);
      });

      it('a disabled user and changed roles show on the very next request', async () => {
        const owner = await signIn(h.app, a.staff.owner.email);
        const auditor = { bearer: a.staff.auditor.token };
        const auditorCookie = await signIn(h.app, a.staff.auditor.email);
        expect((await call(h.app, auditor, 'GET', '/api/v1/users')).status).toBe(403);
        expect((await call(h.app, auditorCookie, 'GET', '/api/v1/users')).status).toBe(403);

        const up = await call(h.app, owner, 'PATCH', `/api/v1/users/${a.staff.auditor.userId}`, {
          roles: ['auditor', 'owner'],
        });
        expect(up.status).toBe(200);
        expect((await call(h.app, auditor, 'GET', '/api/v1/users')).status).toBe(200);
        expect((await call(h.app, auditorCookie, 'GET', '/api/v1/users')).status).toBe(200);

        const down = await call(h.app, owner, 'PATCH', `/api/v1/users/${a.staff.auditor.userId}`, {
          roles: ['auditor'],
        });
        expect(down.status).toBe(200);
        expect((await call(h.app, auditor, 'GET', '/api/v1/users')).status).toBe(403);
        expect((await call(h.app, auditorCookie, 'GET', '/api/v1/users')).status).toBe(403);

        const off = await call(h.app, owner, 'PATCH', `/api/v1/users/${a.staff.auditor.userId}`, {
          status: 'disabled',
        });
        expect(off.status).toBe(200);
        expect((await call(h.app, auditor, 'GET', '/api/v1/session')).status).toBe(401);
        expect((await call(h.app, auditorCookie, 'GET', '/api/v1/session')).status).toBe(401);
      });

      it('an expired session is refused even while its entry is cached', async () => {
        const user = (await h.store.users.get(a.clinicId, a.staff.therapist.userId)) ?? expect.fail('no user');
        const secret = newSecret();
        const start = h.clock();
        await h.store.sessions.create(a.clinicId, {
          userId: user.id,
          tokenHash: hashSecret(secret),
          csrfToken: newSecret(),
          expiresAt: new Date(start.getTime() + 2_000).toISOString(),
        });
        // A cache whose clock stands still, so the entry stays fresh however far the request time moves.
        const principals = new PrincipalCache(() => 0);
        const request = { headers: {}, cookies: { [SESSION_COOKIE]: secret } } as unknown as FastifyRequest;
        const deps = { store: h.store, principals };
        const p = await authenticate(request, deps, start);
        expect(p).toMatchObject({ userId: user.id, via: 'session' });
        expect(principals.get(hashSecret(secret))).toBeDefined();
        await expect(authenticate(request, deps, new Date(start.getTime() + 2_000))).rejects.toMatchObject({
          kind: 'unauthenticated',
        });
      });

      it('an idle session is refused over HTTP once its expiry passes', async () => {
        const s = await signIn(h.app, a.staff.therapist.email);
        expect((await call(h.app, s, 'GET', '/api/v1/session')).status).toBe(200);
        h.clock.advance(12 * 3_600_000 + 1_000);
        expect((await call(h.app, s, 'GET', '/api/v1/session')).status).toBe(401);
      });
    },
  );
}
