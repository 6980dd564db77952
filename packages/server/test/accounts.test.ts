/** Sign-up, sign-in, sessions, CSRF, bearer tokens, lock-out and user management over HTTP, on both engines. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineTargets } from './helpers/engines.ts';
import { call, type Harness, makeClinic, makeHarness, PASSWORD, signIn, type TestClinic } from './helpers/harness.ts';

for (const engine of await engineTargets()) {
  describe.skipIf(engine.skip !== undefined)(
    `accounts on ${engine.name}${engine.skip ? ` (skipped: ${engine.skip})` : ''}`,
    () => {
      let h: Harness;
      let a: TestClinic;
      beforeAll(async () => {
        h = await makeHarness(engine);
        a = await makeClinic(h.store, 'acct');
      });
      afterAll(async () => {
        await h?.close();
      });

      it('signs up a clinic, signs in with a Lax HttpOnly cookie, and signs out', async () => {
        const owner = { name: 'Nora Owner', email: 'Nora@Signup.test', password: 'a long password' };
        const created = await call(h.app, null, 'POST', '/api/v1/clinics', { clinicName: 'North PT', owner });
        expect(created.status).toBe(201);
        expect(created.body.owner).toMatchObject({ email: 'nora@signup.test', roles: ['owner'] });
        expect(created.text).not.toContain('password');

        const again = await call(h.app, null, 'POST', '/api/v1/clinics', { clinicName: 'Twice', owner });
        expect(again.status).toBe(409);
        expect(again.body.errors).toEqual([{ path: 'owner.email', message: 'Already registered.' }]);

        const signed = await call(h.app, null, 'POST', '/api/v1/session', {
          email: 'nora@signup.test',
          password: owner.password,
        });
        expect(signed.status).toBe(200);
        expect(signed.body.user.email).toBe('nora@signup.test');
        expect(typeof signed.body.csrfToken).toBe('string');
        const cookie = String(signed.headers['set-cookie']);
        expect(cookie).toMatch(/^uw_session=/);
        expect(cookie).toMatch(/HttpOnly/);
        expect(cookie).toMatch(/SameSite=Lax/);
        // Localhost (inject's default host) gets no Secure flag, so the app works over plain http in development.
        expect(cookie).not.toMatch(/Secure/);
        const session = { cookie: cookie.split(';')[0] ?? '', csrf: signed.body.csrfToken };

        const me = await call(h.app, session, 'GET', '/api/v1/session');
        expect(me.status).toBe(200);
        expect(me.body.user.email).toBe('nora@signup.test');

        const out = await call(h.app, session, 'DELETE', '/api/v1/session');
        expect(out.status).toBe(204);
        expect(String(out.headers['set-cookie'])).toMatch(/uw_session=;/);
        expect((await call(h.app, session, 'GET', '/api/v1/session')).status).toBe(401);
      });

      it('marks the cookie Secure outside localhost', async () => {
        const r = await h.app.inject({
          method: 'POST',
          url: '/api/v1/session',
          headers: { host: 'clinic.example.com' },
          payload: { email: a.staff.biller.email, password: PASSWORD },
        });
        expect(r.statusCode).toBe(200);
        expect(String(r.headers['set-cookie'])).toMatch(/; Secure/);
      });

      it('answers 401 without credentials and with a wrong token or cookie', async () => {
        expect((await call(h.app, null, 'GET', '/api/v1/patients')).status).toBe(401);
        expect((await call(h.app, { bearer: 'uwt_nope' }, 'GET', '/api/v1/patients')).status).toBe(401);
        expect((await call(h.app, { cookie: 'uw_session=forged' }, 'GET', '/api/v1/patients')).status).toBe(401);
        const r = await call(h.app, null, 'GET', '/api/v1/patients');
        expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(r.body).toMatchObject({ type: '/api/problems/unauthenticated', status: 401, errors: [] });
      });

      it('requires X-CSRF-Token for cookie writes but not for bearer tokens', async () => {
        const s = await signIn(h.app, a.staff.therapist.email);
        const body = { firstName: 'Csrf', lastName: 'Case', birthDate: '1960-02-03', sex: 'F' };
        const without = await call(h.app, { cookie: s.cookie }, 'POST', '/api/v1/patients', body);
        expect(without.status).toBe(403);
        expect(without.body.detail).toMatch(/CSRF/);
        const wrong = await call(h.app, { cookie: s.cookie, csrf: 'x'.repeat(43) }, 'POST', '/api/v1/patients', body);
        expect(wrong.status).toBe(403);
        const withToken = await call(h.app, s, 'POST', '/api/v1/patients', body);
        expect(withToken.status).toBe(201);
        // Reads need no CSRF token.
        expect((await call(h.app, { cookie: s.cookie }, 'GET', '/api/v1/patients')).status).toBe(200);
        const bearer = await call(h.app, { bearer: a.staff.therapist.token }, 'POST', '/api/v1/patients', body);
        expect(bearer.status).toBe(201);
      });

      it('creates API tokens shown once, stored hashed, usable as bearer, revocable', async () => {
        const s = await signIn(h.app, a.staff.biller.email);
        const created = await call(h.app, s, 'POST', '/api/v1/tokens', { name: 'clearinghouse' });
        expect(created.status).toBe(201);
        const token: string = created.body.token;
        expect(token).toMatch(/^uwt_/);
        const listed = await call(h.app, s, 'GET', '/api/v1/tokens');
        expect(listed.text).not.toContain(token);
        expect(listed.body.items.map((t: { name: string }) => t.name)).toContain('clearinghouse');
        const stored = await h.store.apiTokens.list(a.clinicId, a.staff.biller.userId);
        expect(stored.map((t) => t.tokenHash)).not.toContain(token);
        expect((await call(h.app, { bearer: token }, 'GET', '/api/v1/payers')).status).toBe(200);
        expect((await call(h.app, s, 'DELETE', `/api/v1/tokens/${created.body.id}`)).status).toBe(204);
        expect((await call(h.app, { bearer: token }, 'GET', '/api/v1/payers')).status).toBe(401);
      });

      it('rotates the session on sign-in: the cookie held before no longer works', async () => {
        h.clock.advance(61_000);
        const before = await signIn(h.app, a.staff.therapist.email);
        expect((await call(h.app, before, 'GET', '/api/v1/session')).status).toBe(200);
        const r = await h.app.inject({
          method: 'POST',
          url: '/api/v1/session',
          headers: { cookie: before.cookie },
          payload: { email: a.staff.therapist.email, password: PASSWORD },
        });
        expect(r.statusCode).toBe(200);
        const after = { cookie: String(r.headers['set-cookie']).split(';')[0] ?? '', csrf: r.json().csrfToken };
        expect(after.cookie).not.toBe(before.cookie);
        expect((await call(h.app, before, 'GET', '/api/v1/session')).status).toBe(401);
        expect((await call(h.app, after, 'GET', '/api/v1/session')).status).toBe(200);
      });

      const WRONG = 'Email or password is wrong. After several wrong tries, wait a few minutes before trying again.';
      const signInAs = (email: string, password: string) =>
        call(h.app, null, 'POST', '/api/v1/session', { email, password });
      // A fresh window of the per-address limit (20 a minute), which these tests do not test.
      const nextMinute = () => h.clock.advance(61_000);

      it('slows an account down after 4 failed sign-ins, with a wait that grows and then lets the right password in', async () => {
        nextMinute();
        const c = await makeClinic(h.store, 'lock');
        const email = c.staff.auditor.email;
        for (let i = 0; i < 5; i++) {
          const r = await signInAs(email, 'wrong password');
          expect(r.status).toBe(401);
          expect(r.body.detail).toBe(WRONG);
        }
        // The 5th failure holds the account 1 s: even the right password is answered as a wrong one meanwhile.
        const held = await signInAs(email, PASSWORD);
        expect(held.status).toBe(401);
        expect(held.body.detail).toBe(WRONG);
        h.clock.advance(1_000);
        expect((await signInAs(email, 'wrong again')).status).toBe(401);
        h.clock.advance(1_999);
        expect((await signInAs(email, PASSWORD)).status).toBe(401);
        h.clock.advance(1);
        expect((await signInAs(email, PASSWORD)).status).toBe(200);
        expect((await h.store.audit.list(c.clinicId, { action: 'session.failed' })).items).toHaveLength(6);
        expect((await h.store.audit.list(c.clinicId, { action: 'session.locked-out' })).items).toHaveLength(2);
        const user = await h.store.users.get(c.clinicId, c.staff.auditor.userId);
        expect(user).toMatchObject({ failedSignIns: 0, lockedUntil: null });
      });

      it('counts 15 wrong passwords sent at once and holds the account (no parallel bypass)', async () => {
        nextMinute();
        const c = await makeClinic(h.store, 'burst');
        const email = c.staff.biller.email;
        const answers = await Promise.all(Array.from({ length: 15 }, () => signInAs(email, 'wrong password')));
        expect(answers.map((r) => r.status)).toEqual(Array(15).fill(401));
        const user = await h.store.users.get(c.clinicId, c.staff.biller.userId);
        // Five attempts counted (the 5th set the hold), the other ten were refused while held.
        expect(user?.failedSignIns).toBe(5);
        expect(user?.lockedUntil).not.toBeNull();
        expect((await signInAs(email, PASSWORD)).status).toBe(401);
        expect((await h.store.audit.list(c.clinicId, { action: 'session.locked-out' })).items).toHaveLength(11);
      });

      it('gives an unknown email exactly the answer of a known one, also while the known one is held', async () => {
        nextMinute();
        const c = await makeClinic(h.store, 'oracle');
        for (let i = 0; i < 6; i++) await signInAs(c.staff.owner.email, 'wrong password');
        const known = await signInAs(c.staff.owner.email, 'wrong password');
        const unknown = await signInAs('nobody@nowhere.test', 'whatever it is');
        expect(unknown.status).toBe(known.status);
        expect(unknown.body).toEqual(known.body);
        expect(unknown.status).toBe(401);
        nextMinute();
      });

      it('expires sessions after 12 hours', async () => {
        const s = await signIn(h.app, a.staff.owner.email);
        expect((await call(h.app, s, 'GET', '/api/v1/clinic')).status).toBe(200);
        h.clock.advance(12 * 3_600_000 + 1000);
        expect((await call(h.app, s, 'GET', '/api/v1/clinic')).status).toBe(401);
      });

      it('lets the owner add users with roles and disable them, ending their sessions', async () => {
        const owner = { bearer: a.staff.owner.token };
        const u = await call(h.app, owner, 'POST', '/api/v1/users', {
          email: 'new.pt@acct.test',
          name: 'New PT',
          password: 'a long password',
          roles: ['therapist'],
        });
        expect(u.status).toBe(201);
        expect(u.text).not.toMatch(/passwordHash|passwordSalt/);
        const s = await signIn(h.app, 'new.pt@acct.test', 'a long password');
        expect((await call(h.app, s, 'GET', '/api/v1/patients')).status).toBe(200);
        const off = await call(h.app, owner, 'PATCH', `/api/v1/users/${u.body.id}`, { status: 'disabled' });
        expect(off.status).toBe(200);
        expect((await call(h.app, s, 'GET', '/api/v1/patients')).status).toBe(401);
        const self = await call(h.app, owner, 'PATCH', `/api/v1/users/${a.staff.owner.userId}`, { roles: ['biller'] });
        expect(self.status).toBe(409);
      });

      it('turns self-service sign-up off by setting', async () => {
        const closed = await makeHarness(engine, { selfSignup: false });
        try {
          const r = await call(closed.app, null, 'POST', '/api/v1/clinics', {
            clinicName: 'Closed',
            owner: { name: 'X', email: 'x@closed.test', password: 'a long password' },
          });
          expect(r.status).toBe(403);
          expect(r.body.type).toBe('/api/problems/disabled');
        } finally {
          await closed.close();
        }
      });
    },
  );
}
