/**
 * A write's audit entry is part of the write's transaction, on both engines: when the entry cannot be written the
 * change is rolled back (the answer is a 500 and nothing is left changed), and a write that answered 2xx has its entry
 * at once, with no batch still to flush. The entry is refused by a real trigger on audit_log, not a mock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The store's fault helper (a real trigger on audit_log); kysely is the store's dependency, not the server's.
import { refuseAuditAction as refuseAudit } from '../../store/test/helpers/refuse-audit.ts';
import { engineTargets } from './helpers/engines.ts';
import { cleanVisit, type Factory, storeFactory } from './helpers/factory.ts';
import { type Auth, call, type Harness, makeClinic, makeHarness, type TestClinic } from './helpers/harness.ts';
import { signConfirmed } from './helpers/sign.ts';

for (const engine of await engineTargets()) {
  describe.skipIf(engine.skip !== undefined)(
    `audit in the write's transaction on ${engine.name}${engine.skip ? ` (skipped: ${engine.skip})` : ''}`,
    () => {
      let h: Harness;
      let a: TestClinic;
      let f: Factory;
      let pt: Auth;
      beforeAll(async () => {
        h = await makeHarness(engine);
        a = await makeClinic(h.store, 'atx');
        f = storeFactory(h.store, a, 'Audittx');
        pt = { bearer: a.staff.therapist.token };
      });
      afterAll(async () => {
        await h?.close();
      });

      const entries = async (action: string, entityId: string) =>
        (await h.store.audit.list(a.clinicId, { action })).items.filter((e) => e.entityId === entityId);

      async function body(): Promise<Record<string, unknown>> {
        const { patientId, id } = await f.draftVisitFull('therapist');
        await h.store.visits.deleteDraft(a.clinicId, id);
        const { provider, ...rest } = cleanVisit(patientId, a.staff.therapist.providerId ?? '', false);
        return { ...rest, providerId: provider.id };
      }

      it('a visit is not saved when its visit.create entry cannot be written, and is with it', async () => {
        const b = await body();
        const restore = await refuseAudit(h.store, 'visit.create');
        const refused = await call(h.app, pt, 'POST', '/api/v1/visits', b);
        await restore();
        expect(refused.status).toBe(500);
        const none = await h.store.visits.list(a.clinicId, { patientId: String(b.patientId) });
        expect(none.items).toEqual([]);
        const saved = await call(h.app, pt, 'POST', '/api/v1/visits', b);
        expect(saved.status, saved.text).toBe(201);
        expect(await entries('visit.create', saved.body.id)).toHaveLength(1);
      });

      it('an update and a signature are rolled back with their entry, and kept with it', async () => {
        const created = await call(h.app, pt, 'POST', '/api/v1/visits', await body());
        const id = String(created.body.id);
        const { patientId: _p, ...fresh } = await body();
        const changed = { ...fresh, patientId: created.body.patientId, response: 'Changed response.' };
        let restore = await refuseAudit(h.store, 'visit.update');
        const refused = await call(h.app, pt, 'PUT', `/api/v1/visits/${id}`, changed, { 'if-match': '"1"' });
        await restore();
        expect(refused.status).toBe(500);
        expect((await h.store.visits.get(a.clinicId, id))?.version).toBe(1);
        expect(await entries('visit.update', id)).toEqual([]);
        const updated = await call(h.app, pt, 'PUT', `/api/v1/visits/${id}`, changed, { 'if-match': '"1"' });
        expect(updated.status, updated.text).toBe(200);
        expect(await entries('visit.update', id)).toHaveLength(1);

        restore = await refuseAudit(h.store, 'visit.sign');
        const unsigned = await signConfirmed(h.app, pt, id);
        await restore();
        expect(unsigned.status).toBe(500);
        expect((await h.store.visits.get(a.clinicId, id))?.status).toBe('draft');

        const signed = await signConfirmed(h.app, pt, id);
        expect(signed.status, signed.text).toBe(200);
        expect(await entries('visit.sign', id)).toHaveLength(1);
      });
    },
  );
}
