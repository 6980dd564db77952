/**
 * The clinic's PFS payment locality over HTTP on both engines (issue 15): saved in the billing settings, it prices a
 * Medicare visit with that locality's GPCIs (data/gpci.json) on the next save and in the visit list; an id the data
 * does not hold is refused under its field path; saving national again prices at the national GPCIs of 1.000.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SETTINGS_BODY } from './helpers/claims-fixtures.ts';
import { engineTargets } from './helpers/engines.ts';
import { cleanVisit } from './helpers/factory.ts';
import { type Auth, call, type Harness, makeClinic, makeHarness, type TestClinic } from './helpers/harness.ts';

for (const engine of await engineTargets()) {
  describe.skipIf(engine.skip !== undefined)(
    `clinic locality on ${engine.name}${engine.skip ? ` (skipped: ${engine.skip})` : ''}`,
    () => {
      let h: Harness;
      let a: TestClinic;
      let biller: Auth;
      let pt: Auth;
      let visitBody: Record<string, unknown>;

      beforeAll(async () => {
        h = await makeHarness(engine);
        a = await makeClinic(h.store, 'locality');
        biller = { bearer: a.staff.biller.token };
        pt = { bearer: a.staff.therapist.token };
        const payer = await call(h.app, biller, 'POST', '/api/v1/payers', {
          name: 'Medicare Part B',
          policyId: 'medicare',
          x12PayerId: '12202',
        });
        const p = await call(h.app, pt, 'POST', '/api/v1/patients', {
          firstName: 'Lou',
          lastName: 'Cality',
          birthDate: '1950-01-01',
          sex: 'M',
          history: { treatmentDaysSinceProgressReport: 0 },
        });
        await call(h.app, biller, 'POST', '/api/v1/coverages', {
          patientId: p.body.id,
          payerId: payer.body.id,
          memberId: '1EG4TE5MK73',
          startDate: '2026-01-01',
        });
        const { provider, ...content } = cleanVisit(p.body.id, a.staff.therapist.providerId ?? '', false);
        visitBody = { ...content, providerId: provider.id };
      });
      afterAll(async () => {
        await h?.close();
      });

      /** Saves a new visit and returns its estimate's total, as saved and as the visit list shows it. */
      async function estimateOfNewVisit(): Promise<{ saved: number; listed: number }> {
        const v = await call(h.app, pt, 'POST', '/api/v1/visits', visitBody);
        expect(v.status, v.text).toBe(201);
        expect(v.body.estimate.payer).toBe('medicare');
        const list = await call(h.app, pt, 'GET', '/api/v1/visits?limit=100');
        const row = list.body.items.find((i: { id: string }) => i.id === v.body.id);
        return { saved: v.body.estimate.totalCents, listed: row.estimate.totalCents };
      }

      it('prices a Medicare visit higher in NY-01 than nationally, and national again after switching back', async () => {
        expect((await call(h.app, biller, 'PUT', '/api/v1/claim-settings', SETTINGS_BODY)).status).toBe(200);
        const national = await estimateOfNewVisit();
        expect(national.saved).toBeGreaterThan(0);
        expect(national.listed).toBe(national.saved);

        const ny = await call(h.app, biller, 'PUT', '/api/v1/claim-settings', { ...SETTINGS_BODY, locality: 'NY-01' });
        expect(ny.status, ny.text).toBe(200);
        expect((await call(h.app, biller, 'GET', '/api/v1/claim-settings')).body.settings.locality).toBe('NY-01');
        const inNy = await estimateOfNewVisit();
        expect(inNy.saved).toBeGreaterThan(national.saved);
        expect(inNy.listed).toBe(inNy.saved);

        expect((await call(h.app, biller, 'PUT', '/api/v1/claim-settings', SETTINGS_BODY)).status).toBe(200);
        const back = await estimateOfNewVisit();
        expect(back).toEqual(national);
      });

      it('refuses a locality the data does not hold under its field path, and writes nothing', async () => {
        await call(h.app, biller, 'PUT', '/api/v1/claim-settings', { ...SETTINGS_BODY, locality: 'NY-01' });
        const before = await call(h.app, biller, 'GET', '/api/v1/claim-settings');
        const r = await call(h.app, biller, 'PUT', '/api/v1/claim-settings', { ...SETTINGS_BODY, locality: 'ZZ-99' });
        expect(r.status).toBe(400);
        expect(r.body.errors).toEqual([{ path: 'locality', message: 'Choose a payment locality from the list.' }]);
        expect((await call(h.app, biller, 'GET', '/api/v1/claim-settings')).body).toEqual(before.body);
      });
    },
  );
}
