/**
 * GET /api/v1/plans-of-care over HTTP, on both engines: without patientId a keyset page of the clinic's plans with
 * their goals (what the dashboard loads instead of one request per patient), filtered by activeOn; with patientId one
 * patient's plans as before. Another clinic's plans never appear; every clinical-read role may list; each list is
 * audited with its count.
 */
import type { Role, StoredPlanOfCare } from '@unitwise/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineTargets } from './helpers/engines.ts';
import { type Auth, call, type Harness, makeClinic, makeHarness, type TestClinic } from './helpers/harness.ts';

const ROLES: Role[] = ['owner', 'therapist', 'assistant', 'biller', 'auditor'];

for (const engine of await engineTargets()) {
  describe.skipIf(engine.skip !== undefined)(
    `plans-of-care list on ${engine.name}${engine.skip ? ` (skipped: ${engine.skip})` : ''}`,
    () => {
      let h: Harness;
      let a: TestClinic;
      let b: TestClinic;
      let owner: Auth;
      /** Clinic A's plans in list order (start date, then id). */
      let plans: StoredPlanOfCare[];
      let patients: string[];
      let otherPlanId: string;
      let otherPatientId: string;

      /**
       * A patient of a clinic with one plan per [start, end] interval, each with `goals` goals.
       * @param clinicId - the clinic
       * @param intervals - certification intervals
       * @param goals - goals per plan
       */
      async function patientWithPlans(clinicId: string, intervals: [string, string][], goals = 2) {
        const patient = await h.store.patients.create(clinicId, {
          firstName: 'Test',
          lastName: 'Plans',
          birthDate: '1950-01-01',
          sex: 'F',
        });
        const made: StoredPlanOfCare[] = [];
        for (const [startDate, endDate] of intervals) {
          const r = await h.store.plansOfCare.create(clinicId, {
            patientId: patient.id,
            discipline: 'PT',
            startDate,
            endDate,
            plannedCodes: ['97110'],
            goals: Array.from({ length: goals }, (_, i) => ({ text: `Goal ${i + 1}` })),
          });
          if (!r.ok) throw new Error(r.reason);
          made.push(r.value);
        }
        return { patientId: patient.id, plans: made };
      }

      beforeAll(async () => {
        h = await makeHarness(engine);
        a = await makeClinic(h.store, 'planlist');
        b = await makeClinic(h.store, 'planlistother');
        owner = { bearer: a.staff.owner.token };
        const made = [
          await patientWithPlans(a.clinicId, [
            ['2026-01-05', '2026-04-04'],
            ['2026-04-05', '2026-07-04'],
          ]),
          await patientWithPlans(a.clinicId, [['2026-01-05', '2026-02-28']], 0),
          await patientWithPlans(a.clinicId, [['2025-11-01', '2026-01-31']], 3),
          await patientWithPlans(a.clinicId, [['2026-03-01', '2026-05-31']]),
        ];
        patients = made.map((m) => m.patientId);
        plans = made
          .flatMap((m) => m.plans)
          .sort((x, y) => (x.startDate === y.startDate ? (x.id < y.id ? -1 : 1) : x.startDate < y.startDate ? -1 : 1));
        const other = await patientWithPlans(b.clinicId, [['2026-01-01', '2026-12-31']]);
        otherPatientId = other.patientId;
        otherPlanId = other.plans[0]?.id ?? '';
      });
      afterAll(async () => {
        await h?.close();
      });

      /** Every page of a clinic-wide list, following `next`. */
      async function allPages(auth: Auth, params: string) {
        const items: StoredPlanOfCare[] = [];
        let next: string | null = null;
        let pages = 0;
        do {
          const url: string = `/api/v1/plans-of-care?${params}${next ? `&cursor=${encodeURIComponent(next)}` : ''}`;
          const r = await call(h.app, auth, 'GET', url);
          expect(r.status).toBe(200);
          items.push(...r.body.items);
          next = r.body.next;
          pages++;
        } while (next && pages < 20);
        return { items, pages };
      }

      it('pages the clinic’s plans with their goals, each once, in start order, and logs the list', async () => {
        const first = await call(h.app, owner, 'GET', '/api/v1/plans-of-care?limit=2');
        expect(first.status).toBe(200);
        expect(first.body.items).toHaveLength(2);
        expect(typeof first.body.next).toBe('string');
        const { items, pages } = await allPages(owner, 'limit=2');
        expect(pages).toBe(3);
        expect(items).toEqual(plans);
        expect(items.map((p) => p.goals.length)).toEqual(plans.map((p) => p.goals.length));
        const whole = await call(h.app, owner, 'GET', '/api/v1/plans-of-care');
        expect(whole.body).toEqual({ items: plans, next: null });
        const log = await h.store.audit.list(a.clinicId, { action: 'plan.list', limit: 500 });
        const clinicWide = log.items.filter((e) => e.patientId === null);
        expect(clinicWide.length).toBeGreaterThanOrEqual(4);
        expect(clinicWide.map((e) => e.detail?.count)).toContain(5);
        expect(clinicWide.every((e) => e.entity === 'plan-of-care' && e.userId === a.staff.owner.userId)).toBe(true);
      });

      it('filters by activeOn (both ends inclusive)', async () => {
        const on = (d: string) => plans.filter((p) => p.startDate <= d && d <= p.endDate).map((p) => p.id);
        for (const d of ['2026-01-05', '2026-01-31', '2026-03-15', '2026-07-04', '2026-07-05', '2025-01-01']) {
          const { items } = await allPages(owner, `activeOn=${d}&limit=1`);
          expect(items.map((p) => p.id)).toEqual(on(d));
        }
        expect(on('2026-01-31')).toHaveLength(3);
        const bad = await call(h.app, owner, 'GET', '/api/v1/plans-of-care?activeOn=2026-13-40');
        expect(bad.status).toBe(400);
        expect(JSON.stringify(bad.body)).toContain('activeOn');
        expect((await call(h.app, owner, 'GET', '/api/v1/plans-of-care?limit=0')).status).toBe(400);
        expect((await call(h.app, owner, 'GET', '/api/v1/plans-of-care?limit=201')).status).toBe(400);
      });

      it('never shows another clinic’s plans', async () => {
        const { items } = await allPages(owner, 'limit=200');
        expect(items.some((p) => p.id === otherPlanId || p.clinicId !== a.clinicId)).toBe(false);
        const theirs = await call(h.app, { bearer: b.staff.owner.token }, 'GET', '/api/v1/plans-of-care');
        expect(theirs.body.items.map((p: StoredPlanOfCare) => p.id)).toEqual([otherPlanId]);
        // Naming the other clinic's patient is a 404, as for any unknown patient.
        expect((await call(h.app, owner, 'GET', `/api/v1/plans-of-care?patientId=${otherPatientId}`)).status).toBe(404);
        expect((await call(h.app, owner, 'GET', '/api/v1/plans-of-care?patientId=nobody')).status).toBe(404);
      });

      it('with patientId: that patient’s plans on one page (activeOn applies), audited with the patient', async () => {
        const pid = patients[0] ?? '';
        const r = await call(h.app, owner, 'GET', `/api/v1/plans-of-care?patientId=${pid}&limit=1`);
        expect(r.status).toBe(200);
        expect(r.body).toEqual({ items: plans.filter((p) => p.patientId === pid), next: null });
        const active = await call(h.app, owner, 'GET', `/api/v1/plans-of-care?patientId=${pid}&activeOn=2026-05-01`);
        expect(active.body.items.map((p: StoredPlanOfCare) => p.startDate)).toEqual(['2026-04-05']);
        const log = await h.store.audit.list(a.clinicId, { action: 'plan.list', patientId: pid });
        expect(log.items.length).toBeGreaterThanOrEqual(2);
        expect(log.items.map((e) => e.detail?.count).sort()).toEqual(expect.arrayContaining([1, 2]));
      });

      it('every clinical-read role may list; no credentials is a 401', async () => {
        for (const role of ROLES) {
          const r = await call(h.app, { bearer: a.staff[role].token }, 'GET', '/api/v1/plans-of-care?limit=200');
          expect(r.status, role).toBe(200);
          expect(r.body.items, role).toHaveLength(plans.length);
        }
        expect((await call(h.app, null, 'GET', '/api/v1/plans-of-care')).status).toBe(401);
      });
    },
  );
}
