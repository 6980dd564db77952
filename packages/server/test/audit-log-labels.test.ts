/**
 * The audit log names what it records, on both engines: user and patient names and a label per record instead of
 * raw ids, for the roles that may read the log; list views can be hidden; the stored rows still hold ids only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineTargets } from './helpers/engines.ts';
import { cleanVisit } from './helpers/factory.ts';
import { call, type Harness, makeClinic, makeHarness, type TestClinic } from './helpers/harness.ts';

interface Labelled {
  action: string;
  entity: string;
  entityId: string | null;
  userName: string | null;
  patientName: string | null;
  recordLabel: string | null;
}

for (const engine of await engineTargets()) {
  describe.skipIf(engine.skip !== undefined)(
    `audit-log labels on ${engine.name}${engine.skip ? ` (skipped: ${engine.skip})` : ''}`,
    () => {
      let h: Harness;
      let a: TestClinic;
      let patientId: string;
      let planId: string;
      let visitId: string;
      beforeAll(async () => {
        h = await makeHarness(engine);
        a = await makeClinic(h.store, 'labels');
        const pt = { bearer: a.staff.therapist.token };
        const p = await call(h.app, pt, 'POST', '/api/v1/patients', {
          firstName: 'Wilhelmina',
          lastName: 'Quargle',
          birthDate: '1944-04-04',
          sex: 'F',
        });
        patientId = p.body.id;
        const plan = await call(h.app, pt, 'POST', '/api/v1/plans-of-care', {
          patientId,
          discipline: 'PT',
          startDate: '2026-02-20',
          endDate: '2026-05-20',
          certifiedDate: '2026-02-22',
          goals: [{ id: 'g1', text: 'Patient will climb 12 stairs with one rail and supervision within 6 weeks.' }],
        });
        expect(plan.status, plan.text).toBe(201);
        planId = plan.body.id;
        const { provider, ...content } = cleanVisit(patientId, a.staff.therapist.providerId ?? '', false);
        const v = await call(h.app, pt, 'POST', '/api/v1/visits', { ...content, providerId: provider.id });
        expect(v.status, v.text).toBe(201);
        visitId = v.body.id;
        await call(h.app, pt, 'GET', '/api/v1/patients?search=Quargle');
        await call(h.app, { bearer: a.staff.owner.token }, 'PATCH', `/api/v1/users/${a.staff.biller.userId}`, {
          name: 'Bea Biller',
        });
      });
      afterAll(async () => {
        await h?.close();
      });

      it.each(['owner', 'auditor'] as const)('shows the %s names and labels instead of ids', async (role) => {
        const r = await call(h.app, { bearer: a.staff[role].token }, 'GET', '/api/v1/audit-log?limit=200');
        expect(r.status).toBe(200);
        const items = r.body.items as Labelled[];
        const find = (action: string) => items.find((e) => e.action === action);
        expect(find('patient.create')).toMatchObject({
          userName: 'therapist labels',
          patientName: 'Quargle, Wilhelmina',
          recordLabel: 'Quargle, Wilhelmina',
        });
        expect(find('plan.create')).toMatchObject({
          entityId: planId,
          patientName: 'Quargle, Wilhelmina',
          recordLabel: 'PT plan of care from 2026-02-20',
        });
        expect(find('visit.create')).toMatchObject({
          entityId: visitId,
          patientName: 'Quargle, Wilhelmina',
          recordLabel: 'PT daily note of 2026-03-02',
        });
        expect(find('user.update')).toMatchObject({ userName: 'owner labels', recordLabel: 'Bea Biller' });
        expect(find('patient.list')).toMatchObject({ patientName: null, userName: 'therapist labels' });
      });

      it('hides list views on request, paging through the rest', async () => {
        const owner = { bearer: a.staff.owner.token };
        const all = (await call(h.app, owner, 'GET', '/api/v1/audit-log?limit=200')).body.items as Labelled[];
        expect(all.some((e) => e.action.endsWith('.list'))).toBe(true);
        const seen: Labelled[] = [];
        let cursor = '';
        for (let i = 0; i < 20; i++) {
          const r = await call(h.app, owner, 'GET', `/api/v1/audit-log?hideLists=true&limit=2${cursor}`);
          expect(r.status).toBe(200);
          seen.push(...r.body.items);
          if (!r.body.next) break;
          cursor = `&cursor=${encodeURIComponent(r.body.next)}`;
        }
        expect(seen.length).toBeGreaterThan(0);
        expect(seen.filter((e) => e.action.endsWith('.list'))).toEqual([]);
        const later = (await call(h.app, owner, 'GET', '/api/v1/audit-log?limit=200')).body.items as Labelled[];
        expect(seen.length).toBe(later.filter((e) => !e.action.endsWith('.list')).length);
        const bad = await call(h.app, owner, 'GET', '/api/v1/audit-log?hideLists=yes');
        expect(bad.status).toBe(400);
        expect(bad.body.errors[0].path).toBe('query.hideLists');
      });

      it('audits reading the log, and stores ids only', async () => {
        const r = await call(
          h.app,
          { bearer: a.staff.auditor.token },
          'GET',
          '/api/v1/audit-log?action=audit-log.list',
        );
        expect(r.body.items.length).toBeGreaterThan(0);
        const mine = r.body.items.find((e: { userId: string }) => e.userId === a.staff.auditor.userId);
        expect(mine).toMatchObject({ userName: 'auditor labels', entity: 'audit-log', recordLabel: null });
        const stored = await h.store.audit.list(a.clinicId, { limit: 200 });
        expect(JSON.stringify(stored)).not.toMatch(/Quargle|Wilhelmina/);
      });

      it('labels nothing of another clinic', async () => {
        const b = await makeClinic(h.store, 'other');
        const r = await call(h.app, { bearer: b.staff.owner.token }, 'GET', '/api/v1/audit-log?limit=200');
        expect(r.text).not.toMatch(/Quargle|Wilhelmina/);
        const labels = await h.store.audit.labels(b.clinicId, [
          { userId: a.staff.therapist.userId, patientId, entity: 'visit', entityId: visitId },
        ]);
        expect(labels).toEqual({ users: {}, patients: {}, records: {} });
      });
    },
  );
}
