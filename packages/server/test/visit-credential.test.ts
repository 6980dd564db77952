/**
 * A visit's credential is its provider's, from the store, on both engines: an assistant who sends "credential":"PT"
 * is stored as PTA and gets the assistant-modifier finding (CQ missing); an owner may correct the credential, and the
 * correction is in the audit log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineTargets } from './helpers/engines.ts';
import { cleanVisit, type Factory, storeFactory } from './helpers/factory.ts';
import { call, type Harness, makeClinic, makeHarness, type TestClinic } from './helpers/harness.ts';

for (const engine of await engineTargets()) {
  describe.skipIf(engine.skip !== undefined)(
    `visit credential on ${engine.name}${engine.skip ? ` (skipped: ${engine.skip})` : ''}`,
    () => {
      let h: Harness;
      let a: TestClinic;
      let f: Factory;
      beforeAll(async () => {
        h = await makeHarness(engine);
        a = await makeClinic(h.store, 'cred');
        f = storeFactory(h.store, a, 'Credcase');
      });
      afterAll(async () => {
        await h?.close();
      });

      /** An assistant's visit body claiming to be a PT's, with GP and no CQ. */
      async function claimsPt(): Promise<Record<string, unknown>> {
        const { patientId, id } = await f.draftVisitFull('assistant');
        await h.store.visits.deleteDraft(a.clinicId, id);
        // Medicare requires CQ (Pub. 100-04 Ch. 5 §20.1); priority 0 puts it before the factory's commercial coverage.
        const payer = await h.store.payers.create(a.clinicId, { name: 'Medicare Part B', policyId: 'medicare' });
        const cov = await h.store.coverages.create(a.clinicId, {
          patientId,
          payerId: payer.id,
          memberId: '1EG4TE5MK73',
          startDate: '2026-01-01',
          priority: 0,
        });
        if (!cov.ok) throw new Error(cov.reason);
        const v = cleanVisit(patientId, a.staff.assistant.providerId ?? '', true);
        const { provider, ...rest } = v;
        const services = v.services.map((s) => ({ ...s, modifiers: ['GP'] }));
        return { ...rest, services, providerId: provider.id, credential: 'PT' };
      }

      it('stores an assistant who says "PT" as PTA, with the CQ finding, on create and on update', async () => {
        const pta = { bearer: a.staff.assistant.token };
        const body = await claimsPt();
        const created = await call(h.app, pta, 'POST', '/api/v1/visits', body);
        expect(created.status, created.text).toBe(201);
        const id = String(created.body.id);
        const stored = await h.store.visits.get(a.clinicId, id);
        expect(stored?.provider.credential).toBe('PTA');
        expect(stored?.findings.map((x) => x.rule)).toContain('assistant-modifier');
        const updated = await call(h.app, pta, 'PUT', `/api/v1/visits/${id}`, body, { 'if-match': '"1"' });
        expect(updated.status, updated.text).toBe(200);
        const again = await h.store.visits.get(a.clinicId, id);
        expect(again?.provider.credential).toBe('PTA');
        expect(again?.findings.map((x) => x.rule)).toContain('assistant-modifier');
        const corrections = await h.store.audit.list(a.clinicId, { action: 'visit.credential-correct' });
        expect(corrections.items.filter((e) => e.entityId === id)).toEqual([]);
      });

      it('lets an owner correct the credential, and audits the correction', async () => {
        const owner = { bearer: a.staff.owner.token };
        const created = await call(h.app, owner, 'POST', '/api/v1/visits', await claimsPt());
        expect(created.status, created.text).toBe(201);
        const id = String(created.body.id);
        expect((await h.store.visits.get(a.clinicId, id))?.provider.credential).toBe('PT');
        const corrections = await h.store.audit.list(a.clinicId, { action: 'visit.credential-correct' });
        expect(corrections.items.filter((e) => e.entityId === id).map((e) => e.detail)).toEqual([
          { from: 'PTA', to: 'PT' },
        ]);
      });
    },
  );
}
