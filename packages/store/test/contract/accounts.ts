import { describe, expect, it } from 'vitest';
import type { ContractContext } from './context.ts';

/** @param ctx - the engine's store */
export function accountsContract(ctx: ContractContext): void {
  describe('clinics, users, sessions, API tokens', () => {
    it('creates, reads and renames a clinic', async () => {
      const { store } = ctx;
      const clinic = await store.clinics.create({ name: 'Riverside PT' });
      expect(await store.clinics.get(clinic.id)).toEqual(clinic);
      const renamed = await store.clinics.rename(clinic.id, 'Riverside Therapy');
      expect(renamed.ok && renamed.value.name).toBe('Riverside Therapy');
      expect(await store.clinics.rename('missing', 'x')).toEqual({ ok: false, reason: 'not-found' });
    });

    it('creates a user with roles; email is unique across clinics and case-insensitive', async () => {
      const { store } = ctx;
      const a = await store.clinics.create({ name: 'A' });
      const b = await store.clinics.create({ name: 'B' });
      const created = await store.users.create(a.id, {
        email: 'Tess@Example.com',
        name: 'Tess',
        passwordHash: 'h1',
        passwordSalt: 's1',
        roles: ['therapist', 'assistant', 'therapist'],
      });
      expect(created.ok).toBe(true);
      if (!created.ok) return;
      expect(created.value).toMatchObject({ email: 'tess@example.com', status: 'active', failedSignIns: 0 });
      expect(created.value.roles).toEqual(['assistant', 'therapist']);
      expect(created.value).not.toHaveProperty('passwordHash');
      const dup = await store.users.create(b.id, {
        email: 'tess@EXAMPLE.com',
        name: 'Other',
        passwordHash: 'h',
        passwordSalt: 's',
        roles: ['owner'],
      });
      expect(dup).toEqual({ ok: false, reason: 'email-taken' });
      expect(
        await store.users.create('no-clinic', {
          email: 'x@y.z',
          name: 'X',
          passwordHash: 'h',
          passwordSalt: 's',
          roles: [],
        }),
      ).toEqual({ ok: false, reason: 'clinic-not-found' });

      const creds = await store.users.findCredentialsByEmail(' TESS@example.com ');
      expect(creds).toEqual({ user: created.value, passwordHash: 'h1', passwordSalt: 's1' });
      expect(await store.users.findCredentialsByEmail('nobody@example.com')).toBeUndefined();
    });

    it('updates roles and status, counts failed sign-ins, locks and unlocks', async () => {
      const { store } = ctx;
      const clinic = await store.clinics.create({ name: 'C' });
      const u = await store.users.create(clinic.id, {
        email: 'bill@c.example',
        name: 'Bill',
        passwordHash: 'h',
        passwordSalt: 's',
        roles: ['biller'],
      });
      if (!u.ok) throw new Error(u.reason);
      const updated = await store.users.update(clinic.id, u.value.id, {
        roles: ['biller', 'auditor'],
        name: 'Bill B.',
      });
      expect(updated.ok && updated.value.roles).toEqual(['auditor', 'biller']);
      expect(await store.users.recordFailedSignIn(clinic.id, u.value.id)).toEqual({ ok: true, value: 1 });
      expect(await store.users.recordFailedSignIn(clinic.id, u.value.id, '2026-01-05T15:00:00Z')).toEqual({
        ok: true,
        value: 2,
      });
      const locked = await store.users.get(clinic.id, u.value.id);
      expect(locked).toMatchObject({ failedSignIns: 2, lockedUntil: '2026-01-05T15:00:00.000Z' });
      const ok = await store.users.recordSignIn(clinic.id, u.value.id);
      expect(ok.ok && ok.value).toMatchObject({ failedSignIns: 0, lockedUntil: null });
      const pw = await store.users.update(clinic.id, u.value.id, { passwordHash: 'h2', passwordSalt: 's2' });
      expect(pw.ok).toBe(true);
      expect((await store.users.findCredentialsByEmail('bill@c.example'))?.passwordHash).toBe('h2');
      const page = await store.users.list(clinic.id);
      expect(page.items.map((x) => x.email)).toEqual(['bill@c.example']);
    });

    it('finds a live session by token hash, not an expired one, and deletes it', async () => {
      const { store } = ctx;
      const clinic = await store.clinics.create({ name: 'S' });
      const u = await store.users.create(clinic.id, {
        email: 'sam@s.example',
        name: 'Sam',
        passwordHash: 'h',
        passwordSalt: 's',
        roles: ['owner'],
      });
      if (!u.ok) throw new Error(u.reason);
      const live = await store.sessions.create(clinic.id, {
        userId: u.value.id,
        tokenHash: 'live-hash',
        csrfToken: 'csrf-1',
        expiresAt: '2099-01-01T00:00:00Z',
      });
      await store.sessions.create(clinic.id, {
        userId: u.value.id,
        tokenHash: 'old-hash',
        csrfToken: 'csrf-2',
        expiresAt: '2020-01-01T00:00:00Z',
      });
      expect(await store.sessions.findByTokenHash('live-hash')).toEqual(live);
      expect(await store.sessions.findByTokenHash('old-hash')).toBeUndefined();
      expect(await store.sessions.deleteExpired()).toBeGreaterThanOrEqual(1);
      expect(await store.sessions.delete('other-clinic', live.id)).toBe(false);
      expect(await store.sessions.delete(clinic.id, live.id)).toBe(true);
      expect(await store.sessions.findByTokenHash('live-hash')).toBeUndefined();
    });

    it('API tokens: create, find, touch, revoke', async () => {
      const { store } = ctx;
      const clinic = await store.clinics.create({ name: 'T' });
      const u = await store.users.create(clinic.id, {
        email: 'int@t.example',
        name: 'Integration',
        passwordHash: 'h',
        passwordSalt: 's',
        roles: ['biller'],
      });
      if (!u.ok) throw new Error(u.reason);
      const token = await store.apiTokens.create(clinic.id, {
        userId: u.value.id,
        name: 'EHR sync',
        tokenHash: 'tok-hash',
      });
      expect(await store.apiTokens.findByTokenHash('tok-hash')).toEqual(token);
      await store.apiTokens.touch(clinic.id, token.id);
      const [listed] = await store.apiTokens.list(clinic.id, u.value.id);
      expect(listed?.lastUsedAt).not.toBeNull();
      expect(await store.apiTokens.revoke('other-clinic', token.id)).toBe(false);
      expect(await store.apiTokens.revoke(clinic.id, token.id)).toBe(true);
      expect(await store.apiTokens.revoke(clinic.id, token.id)).toBe(false);
      expect(await store.apiTokens.findByTokenHash('tok-hash')).toBeUndefined();
    });

    it('API tokens: revokeForUser ends only that user’s live tokens, within its clinic', async () => {
      const { store } = ctx;
      const clinic = await store.clinics.create({ name: 'R' });
      const mk = async (email: string) => {
        const u = await store.users.create(clinic.id, {
          email,
          name: 'U',
          passwordHash: 'h',
          passwordSalt: 's',
          roles: ['biller'],
        });
        if (!u.ok) throw new Error(u.reason);
        return u.value.id;
      };
      const gone = await mk('gone@r.example');
      const stays = await mk('stays@r.example');
      await store.apiTokens.create(clinic.id, { userId: gone, name: 'a', tokenHash: 'gone-1' });
      await store.apiTokens.create(clinic.id, { userId: gone, name: 'b', tokenHash: 'gone-2' });
      await store.apiTokens.create(clinic.id, { userId: stays, name: 'c', tokenHash: 'stays-1' });
      expect(await store.apiTokens.revokeForUser('other-clinic', gone)).toBe(0);
      expect(await store.apiTokens.revokeForUser(clinic.id, gone)).toBe(2);
      expect(await store.apiTokens.revokeForUser(clinic.id, gone)).toBe(0);
      expect(await store.apiTokens.findByTokenHash('gone-1')).toBeUndefined();
      expect(await store.apiTokens.findByTokenHash('gone-2')).toBeUndefined();
      expect(await store.apiTokens.findByTokenHash('stays-1')).toBeDefined();
    });
  });
}
