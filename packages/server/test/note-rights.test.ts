/**
 * Who may sign and add to a note, over HTTP on both engines (issue 18): an assistant signs daily notes only, not a
 * discharge summary; an addendum comes only from the author, a co-signing therapist of the note's discipline, or
 * the owner — not from another discipline's therapist nor from an assistant on a therapist's note.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_TOKEN_PREFIX } from '../src/auth/authenticate.ts';
import { hashPassword } from '../src/auth/password.ts';
import { hashSecret, newSecret } from '../src/auth/secret-token.ts';
import { engineTargets } from './helpers/engines.ts';
import { cleanVisit, type Factory, storeFactory } from './helpers/factory.ts';
import {
  type Auth,
  call,
  type Harness,
  makeClinic,
  makeHarness,
  PASSWORD,
  type TestClinic,
} from './helpers/harness.ts';
import { signConfirmed } from './helpers/sign.ts';

for (const engine of await engineTargets()) {
  describe.skipIf(engine.skip !== undefined)(
    `note rights on ${engine.name}${engine.skip ? ` (skipped: ${engine.skip})` : ''}`,
    () => {
      let h: Harness;
      let a: TestClinic;
      let f: Factory;
      let pt: Auth;
      let pta: Auth;
      let ot: Auth;
      beforeAll(async () => {
        h = await makeHarness(engine);
        a = await makeClinic(h.store, 'rights');
        f = storeFactory(h.store, a, 'Rightscase');
        pt = { bearer: a.staff.therapist.token };
        pta = { bearer: a.staff.assistant.token };
        // An occupational therapist of the same clinic: a therapist, but not of the PT notes' discipline.
        const u = await h.store.users.create(a.clinicId, {
          email: `ot.rights.${Date.now()}@example.test`,
          name: 'Olga OT',
          roles: ['therapist'],
          ...(await hashPassword(PASSWORD)),
        });
        if (!u.ok) throw new Error(u.reason);
        await h.store.providers.create(a.clinicId, {
          userId: u.value.id,
          name: 'Olga OT',
          npi: '1679576722',
          discipline: 'OT',
          credential: 'OT',
        });
        const token = newSecret(API_TOKEN_PREFIX);
        await h.store.apiTokens.create(a.clinicId, { userId: u.value.id, name: 'test', tokenHash: hashSecret(token) });
        ot = { bearer: token };
      });
      afterAll(async () => {
        await h?.close();
      });

      const addend = (who: Auth, id: string) =>
        call(h.app, who, 'POST', `/api/v1/visits/${id}/addenda`, { text: 'Late entry: home program reviewed.' });

      it("refuses an addendum to a PT's note from an OT and from a PTA; the author and the owner may", async () => {
        const id = await f.draftVisit('therapist');
        const signed = await signConfirmed(h.app, pt, id);
        expect(signed.status, signed.text).toBe(200);

        const byOt = await addend(ot, id);
        expect(byOt.status).toBe(403);
        expect(byOt.body.detail).toMatch(/author/);
        const byPta = await addend(pta, id);
        expect(byPta.status).toBe(403);

        expect((await addend(pt, id)).status).toBe(201);
        expect((await addend({ bearer: a.staff.owner.token }, id)).status).toBe(201);
        const stored = await h.store.visits.get(a.clinicId, id);
        // Both addenda share the test clock's instant, so their order is not part of the contract.
        expect(stored?.addenda.map((x) => x.authorId).sort()).toEqual(
          [a.staff.therapist.userId, a.staff.owner.userId].sort(),
        );
      });

      it("lets the supervising PT add to a PTA's note, and the PTA author, but not an OT", async () => {
        const id = await f.signedVisit('assistant');
        expect((await addend(ot, id)).status).toBe(403);
        expect((await addend(pt, id)).status).toBe(201);
        expect((await addend(pta, id)).status).toBe(201);
        expect((await h.store.visits.get(a.clinicId, id))?.addenda).toHaveLength(2);
      });

      it('refuses a discharge summary signed by an assistant and lets the therapist sign it', async () => {
        const { patientId, id: seed } = await f.draftVisitFull('assistant');
        await h.store.visits.deleteDraft(a.clinicId, seed);
        const v = cleanVisit(patientId, a.staff.assistant.providerId ?? '', true);
        const { provider, ...rest } = v;
        const created = await call(h.app, pta, 'POST', '/api/v1/visits', {
          ...rest,
          noteType: 'discharge',
          providerId: provider.id,
        });
        expect(created.status, created.text).toBe(201);
        const refused = await call(h.app, pta, 'POST', `/api/v1/visits/${created.body.id}/sign`, {});
        expect(refused.status).toBe(403);
        expect(refused.body.detail).toBe('An assistant cannot sign a discharge note; the therapist signs it.');
        expect((await h.store.visits.get(a.clinicId, created.body.id))?.status).toBe('draft');
      });
    },
  );
}
