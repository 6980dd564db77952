/** The owner's administration over HTTP, on both engines: editing and deactivating users, adding and editing providers. */
import { npiCheckDigit } from '@unitwise/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineTargets } from './helpers/engines.ts';
import { call, type Harness, makeClinic, makeHarness, signIn, type TestClinic } from './helpers/harness.ts';

const VALID_NPI = `123456789${npiCheckDigit('123456789')}`;
// The same nine digits with a wrong last one: a typo the check digit catches.
const TYPO_NPI = `123456789${(Number(npiCheckDigit('123456789')) + 1) % 10}`;

for (const engine of await engineTargets()) {
  describe.skipIf(engine.skip !== undefined)(
    `administration on ${engine.name}${engine.skip ? ` (skipped: ${engine.skip})` : ''}`,
    () => {
      let h: Harness;
      let a: TestClinic;
      beforeAll(async () => {
        h = await makeHarness(engine);
        a = await makeClinic(h.store, 'admin');
      });
      afterAll(async () => {
        await h?.close();
      });
      const owner = () => ({ bearer: a.staff.owner.token });

      async function newUser(email: string): Promise<string> {
        const r = await call(h.app, owner(), 'POST', '/api/v1/users', {
          email,
          name: 'Dana Therapist',
          password: 'a long password',
          roles: ['therapist'],
        });
        expect(r.status).toBe(201);
        return r.body.id;
      }

      it('edits a user’s name and roles, and the user’s next request carries the new roles', async () => {
        const id = await newUser('dana@admin.test');
        const s = await signIn(h.app, 'dana@admin.test', 'a long password');
        expect((await call(h.app, s, 'GET', '/api/v1/audit-log')).status).toBe(403);
        const r = await call(h.app, owner(), 'PATCH', `/api/v1/users/${id}`, {
          name: 'Dana Reyes',
          roles: ['therapist', 'auditor'],
        });
        expect(r.status).toBe(200);
        expect(r.body).toMatchObject({ name: 'Dana Reyes', roles: ['auditor', 'therapist'], status: 'active' });
        const me = await call(h.app, s, 'GET', '/api/v1/session');
        expect(me.body.user).toMatchObject({ name: 'Dana Reyes', roles: ['auditor', 'therapist'] });
        expect((await call(h.app, s, 'GET', '/api/v1/audit-log')).status).toBe(200);
        const bad = await call(h.app, owner(), 'PATCH', `/api/v1/users/${id}`, { roles: ['janitor'] });
        expect(bad.status).toBe(400);
        expect(bad.body.errors[0].path).toBe('roles.0');
      });

      it('deactivating a user ends their sessions and revokes their API tokens; reactivating lets them sign in anew', async () => {
        const id = await newUser('eli@admin.test');
        const s1 = await signIn(h.app, 'eli@admin.test', 'a long password');
        const s2 = await signIn(h.app, 'eli@admin.test', 'a long password');
        const made = await call(h.app, s1, 'POST', '/api/v1/tokens', { name: 'scanner' });
        expect(made.status).toBe(201);
        const bearer = { bearer: made.body.token as string };
        expect((await call(h.app, bearer, 'GET', '/api/v1/patients')).status).toBe(200);

        const off = await call(h.app, owner(), 'PATCH', `/api/v1/users/${id}`, { status: 'disabled' });
        expect(off.status).toBe(200);
        expect(off.body.status).toBe('disabled');
        for (const who of [s1, s2, bearer])
          expect((await call(h.app, who, 'GET', '/api/v1/patients')).status).toBe(401);
        const signInOff = await call(h.app, null, 'POST', '/api/v1/session', {
          email: 'eli@admin.test',
          password: 'a long password',
        });
        expect(signInOff.status).toBe(401);

        const tokens = await call(h.app, owner(), 'GET', '/api/v1/tokens');
        const t = tokens.body.items.find((x: { id: string }) => x.id === made.body.id);
        expect(t.revokedAt).not.toBeNull();
        const log = await call(h.app, owner(), 'GET', `/api/v1/audit-log?action=user.update&limit=5`);
        const entry = log.body.items.find((e: { entityId: string }) => e.entityId === id);
        expect(entry.detail).toMatchObject({ fields: ['status'], sessionsEnded: 2, tokensRevoked: 1 });

        const on = await call(h.app, owner(), 'PATCH', `/api/v1/users/${id}`, { status: 'active' });
        expect(on.status).toBe(200);
        const s3 = await signIn(h.app, 'eli@admin.test', 'a long password');
        expect((await call(h.app, s3, 'GET', '/api/v1/patients')).status).toBe(200);
        // The token revoked at deactivation stays revoked.
        expect((await call(h.app, bearer, 'GET', '/api/v1/patients')).status).toBe(401);
        expect((await call(h.app, s1, 'GET', '/api/v1/patients')).status).toBe(401);
      });

      it('refuses to let the owner deactivate themselves, and other roles to edit users', async () => {
        const self = await call(h.app, owner(), 'PATCH', `/api/v1/users/${a.staff.owner.userId}`, {
          status: 'disabled',
        });
        expect(self.status).toBe(409);
        const biller = { bearer: a.staff.biller.token };
        const r = await call(h.app, biller, 'PATCH', `/api/v1/users/${a.staff.therapist.userId}`, {
          status: 'disabled',
        });
        expect(r.status).toBe(403);
        expect((await call(h.app, { bearer: a.staff.therapist.token }, 'GET', '/api/v1/session')).status).toBe(200);
      });

      it('adds a provider only with a valid NPI and a credential of its discipline, naming the field', async () => {
        const before = (await call(h.app, owner(), 'GET', '/api/v1/providers?limit=200')).body.items.length;
        const base = { name: 'Olga Ortiz', discipline: 'OT', credential: 'OT' };
        const cases: [Record<string, unknown>, string, RegExp][] = [
          [{ ...base, npi: TYPO_NPI }, 'npi', /check digit/],
          [{ ...base, npi: '12345' }, 'npi', /ten digits/],
          [{ ...base, npi: '3234567890' }, 'npi', /starts with 1 or 2/],
          [{ ...base, npi: VALID_NPI, credential: 'PTA' }, 'credential', /PTA works in PT/],
        ];
        for (const [body, path, message] of cases) {
          const r = await call(h.app, owner(), 'POST', '/api/v1/providers', body);
          expect(r.status, JSON.stringify(body)).toBe(400);
          expect(r.body.errors).toHaveLength(1);
          expect(r.body.errors[0].path).toBe(path);
          expect(r.body.errors[0].message).toMatch(message);
        }
        expect((await call(h.app, owner(), 'GET', '/api/v1/providers?limit=200')).body.items).toHaveLength(before);

        const ok = await call(h.app, owner(), 'POST', '/api/v1/providers', {
          ...base,
          npi: ` ${VALID_NPI} `,
          userId: a.staff.auditor.userId,
        });
        expect(ok.status).toBe(201);
        expect(ok.body).toMatchObject({ name: 'Olga Ortiz', npi: VALID_NPI, discipline: 'OT', credential: 'OT' });
        expect((await call(h.app, owner(), 'GET', '/api/v1/providers?limit=200')).body.items).toHaveLength(before + 1);
        const therapist = { bearer: a.staff.therapist.token };
        expect((await call(h.app, therapist, 'POST', '/api/v1/providers', { ...base, npi: VALID_NPI })).status).toBe(
          403,
        );
      });

      it('edits a provider, checking the NPI and the credential against the stored discipline', async () => {
        const id = a.staff.therapist.providerId as string;
        const typo = await call(h.app, owner(), 'PATCH', `/api/v1/providers/${id}`, { npi: TYPO_NPI });
        expect(typo.status).toBe(400);
        expect(typo.body.errors).toEqual([{ path: 'npi', message: expect.stringMatching(/check digit/) }]);
        // The stored credential is PT: moving the provider to SLP alone would mismatch it.
        const slp = await call(h.app, owner(), 'PATCH', `/api/v1/providers/${id}`, { discipline: 'SLP' });
        expect(slp.status).toBe(400);
        expect(slp.body.errors[0].path).toBe('credential');
        const unchanged = await call(h.app, owner(), 'GET', `/api/v1/providers/${id}`);
        expect(unchanged.body).toMatchObject({ npi: '1234567893', discipline: 'PT', credential: 'PT' });

        const ok = await call(h.app, owner(), 'PATCH', `/api/v1/providers/${id}`, {
          name: 'Pat Lee',
          npi: VALID_NPI,
          credential: 'PTA',
        });
        expect(ok.status).toBe(200);
        expect(ok.body).toMatchObject({ name: 'Pat Lee', npi: VALID_NPI, discipline: 'PT', credential: 'PTA' });
        const log = await call(h.app, owner(), 'GET', '/api/v1/audit-log?action=provider.update&limit=5');
        expect(log.body.items[0]).toMatchObject({ entityId: id, detail: { fields: ['name', 'npi', 'credential'] } });
        const missing = await call(h.app, owner(), 'PATCH', '/api/v1/providers/nope', { name: 'X' });
        expect(missing.status).toBe(404);
      });
    },
  );
}
