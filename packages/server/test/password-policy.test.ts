/**
 * New passwords follow ASVS V2.1 (length after combining spaces, common and trivial ones refused), on both engines
 * over HTTP, with the reason under the field's path; a change revokes the user's API tokens unless the owner keeps
 * them; and the rule itself on a table of cases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passwordProblem } from '../src/auth/password-policy.ts';
import { engineTargets } from './helpers/engines.ts';
import { call, type Harness, makeClinic, makeHarness, type TestClinic } from './helpers/harness.ts';

const REFUSED = [
  ' '.repeat(10),
  ' '.repeat(20),
  'password12',
  '1234567890',
  '123456789012',
  '210987654321',
  'password1234',
  'Password 1234',
  'aaaaaaaaaaaaaaaa',
  'qwertyuiopas',
  'a  b  c  d  e  f',
  'x'.repeat(129),
];
const ACCEPTED = ['correct horse battery', 'a long password', 'kettle-maple-47-drift', 'ünïcødé pässwörd'];

describe('password rule', () => {
  it.each(REFUSED)('refuses %j', (p) => expect(passwordProblem(p)).toBeTypeOf('string'));
  it.each(ACCEPTED)('accepts %j', (p) => expect(passwordProblem(p)).toBeUndefined());
});

for (const engine of await engineTargets()) {
  describe.skipIf(engine.skip !== undefined)(
    `passwords over HTTP on ${engine.name}${engine.skip ? ` (skipped: ${engine.skip})` : ''}`,
    () => {
      let h: Harness;
      let a: TestClinic;
      beforeAll(async () => {
        h = await makeHarness(engine, { selfSignup: true });
        a = await makeClinic(h.store, 'pw');
      });
      afterAll(async () => {
        await h?.close();
      });

      it('refuses ten spaces, password12 and 1234567890 for a new user, a sign-up and a change', async () => {
        const owner = { bearer: a.staff.owner.token };
        for (const password of [' '.repeat(10), 'password12', '1234567890']) {
          const user = await call(h.app, owner, 'POST', '/api/v1/users', {
            email: 'new.user@pw.test',
            name: 'New User',
            password,
            roles: ['biller'],
          });
          expect(user.status, password).toBe(400);
          expect(user.body.errors.map((e: { path: string }) => e.path)).toEqual(['password']);
          const signup = await call(h.app, null, 'POST', '/api/v1/clinics', {
            clinicName: 'PW clinic',
            owner: { name: 'Pat Owner', email: 'pat@pw-signup.test', password },
          });
          expect(signup.status, password).toBe(400);
          expect(signup.body.errors.map((e: { path: string }) => e.path)).toEqual(['owner.password']);
          const change = await call(h.app, owner, 'PATCH', `/api/v1/users/${a.staff.biller.userId}`, { password });
          expect(change.status, password).toBe(400);
        }
        expect(await h.store.users.findCredentialsByEmail('new.user@pw.test')).toBeUndefined();
        const ok = await call(h.app, owner, 'POST', '/api/v1/users', {
          email: 'new.user@pw.test',
          name: 'New User',
          password: 'kettle-maple-47-drift',
          roles: ['biller'],
        });
        expect(ok.status, ok.text).toBe(201);
      });

      it('a password change revokes the API tokens by default, or keeps them when asked and says how many', async () => {
        const owner = { bearer: a.staff.owner.token };
        const biller = { bearer: a.staff.biller.token };
        const therapist = { bearer: a.staff.therapist.token };
        const kept = await call(h.app, owner, 'PATCH', `/api/v1/users/${a.staff.therapist.userId}`, {
          password: 'kettle-maple-47-drift',
          revokeTokens: false,
        });
        expect(kept.status, kept.text).toBe(200);
        expect(kept.body.apiTokens).toEqual({ revoked: 0, kept: 1 });
        expect((await call(h.app, therapist, 'GET', '/api/v1/session')).status).toBe(200);
        const revoked = await call(h.app, owner, 'PATCH', `/api/v1/users/${a.staff.biller.userId}`, {
          password: 'kettle-maple-47-drift',
        });
        expect(revoked.status, revoked.text).toBe(200);
        expect(revoked.body.apiTokens).toEqual({ revoked: 1, kept: 0 });
        expect((await call(h.app, biller, 'GET', '/api/v1/session')).status).toBe(401);
        const alone = await call(h.app, owner, 'PATCH', `/api/v1/users/${a.staff.auditor.userId}`, {
          revokeTokens: true,
        });
        expect(alone.status).toBe(400);
        expect(alone.body.errors.map((e: { path: string }) => e.path)).toEqual(['revokeTokens']);
      });
    },
  );
}
