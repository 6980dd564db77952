/**
 * The visit list's per-visit summary on both engines: lines, units, estimate and findings as GET /visits/{id} gives
 * them, the payer and rule filters, and clinic scoping (another clinic's visits never appear).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineTargets } from './helpers/engines.ts';
import { cleanVisit, type Factory, storeFactory } from './helpers/factory.ts';
import { type Auth, call, type Harness, makeClinic, makeHarness, type TestClinic } from './helpers/harness.ts';

interface ListedVisit {
  id: string;
  lines: unknown[];
  totalUnits: number;
  estimate: { payer: string; totalCents: number; payerCents: number; patientCents: number };
  findings: { rule: string; severity: string; service?: number }[];
}

for (const engine of await engineTargets()) {
  describe.skipIf(engine.skip !== undefined)(
    `visit list summaries on ${engine.name}${engine.skip ? ` (skipped: ${engine.skip})` : ''}`,
    () => {
      let h: Harness;
      let a: TestClinic;
      let b: TestClinic;
      let f: Factory;
      let pt: Auth;
      /** Visit ids: a commercial one with a units finding, a medicare one, and one of clinic B. */
      const ids = { commercial: '', medicare: '', other: '' };
      beforeAll(async () => {
        h = await makeHarness(engine);
        a = await makeClinic(h.store, 'list-sum-a');
        b = await makeClinic(h.store, 'list-sum-b');
        f = storeFactory(h.store, a, 'Listsum');
        pt = { bearer: a.staff.therapist.token };
        const provider = a.staff.therapist.providerId ?? '';
        async function post(patientId: string, change: (v: ReturnType<typeof cleanVisit>) => void) {
          const v = cleanVisit(patientId, provider, false);
          change(v);
          const { provider: p, ...rest } = v;
          const r = await call(h.app, pt, 'POST', '/api/v1/visits', { ...rest, providerId: p.id });
          expect(r.status).toBe(201);
          return r.body.id as string;
        }
        const first = await f.draftVisitFull('therapist');
        await h.store.visits.deleteDraft(a.clinicId, first.id);
        ids.commercial = await post(first.patientId, (v) => {
          const s = v.services[0];
          if (s) s.units = 3;
        });
        const second = await f.draftVisitFull('therapist');
        await h.store.visits.deleteDraft(a.clinicId, second.id);
        const medicare = await h.store.payers.create(a.clinicId, { name: 'Medicare', policyId: 'medicare' });
        // Priority 0 comes before the factory's commercial coverage, so Medicare is primary on the date.
        await h.store.coverages.create(a.clinicId, {
          patientId: second.patientId,
          payerId: medicare.id,
          memberId: 'MC1',
          startDate: '2025-01-01',
          priority: 0,
        });
        ids.medicare = await post(second.patientId, () => {});
        const fb = storeFactory(h.store, b, 'Otherclinic');
        ids.other = (await fb.draftVisitFull('therapist')).id;
      });
      afterAll(async () => {
        await h?.close();
      });

      async function list(q = ''): Promise<ListedVisit[]> {
        const r = await call(h.app, pt, 'GET', `/api/v1/visits?limit=200${q}`);
        expect(r.status).toBe(200);
        return r.body.items;
      }

      it('gives each listed visit the lines, units, estimate and findings GET /visits/{id} gives', async () => {
        const items = await list();
        for (const id of [ids.commercial, ids.medicare]) {
          const listed = items.find((v) => v.id === id);
          const got = await call(h.app, pt, 'GET', `/api/v1/visits/${id}`);
          expect(listed).toBeDefined();
          expect(listed?.lines).toEqual(got.body.lines);
          expect(listed?.totalUnits).toBe(got.body.units.totalUnits);
          expect(listed?.estimate).toEqual(got.body.estimate);
          expect(listed?.findings).toEqual(got.body.findings);
        }
        const c = items.find((v) => v.id === ids.commercial);
        expect(c?.lines[0]).toMatchObject({ code: '97110', minutes: 23, units: 2, claimedUnits: 3 });
        expect(c?.findings.map((x) => x.rule)).toContain('units-exceed-minutes');
      });

      it('filters by payer and by rule', async () => {
        const byPayer = await list(
          `&payer=${encodeURIComponent(
            (await call(h.app, pt, 'GET', `/api/v1/visits/${ids.medicare}`)).body.estimate.payer,
          )}`,
        );
        expect(byPayer.map((v) => v.id)).toContain(ids.medicare);
        expect(byPayer.map((v) => v.id)).not.toContain(ids.commercial);
        const commercial = await list('&payer=commercial');
        expect(commercial.map((v) => v.id)).toContain(ids.commercial);
        expect(commercial.every((v) => v.estimate.payer === 'commercial')).toBe(true);
        const byRule = await list('&rule=units-exceed-minutes');
        expect(byRule.map((v) => v.id)).toEqual([ids.commercial]);
        expect(await list('&rule=ncci-pair')).toEqual([]);
      });

      it('never lists another clinic’s visits, and the patient list carries the same summaries', async () => {
        const items = await list();
        expect(items.map((v) => v.id)).not.toContain(ids.other);
        const c = items.find((v) => v.id === ids.commercial);
        const stored = await h.store.visits.get(a.clinicId, ids.commercial);
        const byPatient = await call(h.app, pt, 'GET', `/api/v1/patients/${stored?.patientId}/visits`);
        expect(byPatient.status).toBe(200);
        expect(byPatient.body.items).toEqual([c]);
        const extras = await h.store.visits.listExtras(a.clinicId, [ids.other]);
        expect(extras.findings.size).toBe(0);
        expect(extras.payerPolicy.size).toBe(0);
      });
    },
  );
}
