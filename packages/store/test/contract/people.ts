import { describe, expect, it } from 'vitest';
import type { StoredPlanOfCare } from '../../src/index.ts';
import { seedClinic } from '../helpers/fixtures.ts';
import type { ContractContext } from './context.ts';

/** @param ctx - the engine's store */
export function peopleContract(ctx: ContractContext): void {
  describe('providers, patients, payers, coverages, plans of care', () => {
    it('round-trips every field of a seeded clinic', async () => {
      const { store } = ctx;
      const s = await seedClinic(store, 'Round Trip');
      expect(await store.providers.get(s.clinic.id, s.provider.id)).toEqual(s.provider);
      expect(await store.providers.findByUser(s.clinic.id, s.owner.id)).toEqual(s.provider);
      expect(await store.patients.get(s.clinic.id, s.patient.id)).toEqual(s.patient);
      expect(s.patient.address).toEqual({ line1: '1 Main St', city: 'Springfield', state: 'IL', postalCode: '62701' });
      expect(await store.payers.get(s.clinic.id, s.payer.id)).toEqual(s.payer);
      expect(await store.coverages.listByPatient(s.clinic.id, s.patient.id)).toEqual([s.coverage]);
      expect(await store.plansOfCare.get(s.clinic.id, s.plan.id)).toEqual(s.plan);
      expect(s.plan.goals.map((g) => [g.id === 'g1' || g.id.length === 36, g.ordinal, g.status])).toEqual([
        [true, 0, 'active'],
        [true, 1, 'active'],
      ]);
      expect(s.plan.goals[0]?.id).toBe('g1');
      expect(await store.plansOfCare.listByPatient(s.clinic.id, s.patient.id)).toEqual([s.plan]);
    });

    it('lists a patient’s plans in start order, each with its own goals in order (none for a plan without goals)', async () => {
      const { store } = ctx;
      const s = await seedClinic(store, 'Plans');
      const make = async (discipline: 'OT' | 'SLP', startDate: string, goals: string[]) => {
        const r = await store.plansOfCare.create(s.clinic.id, {
          patientId: s.patient.id,
          discipline,
          startDate,
          endDate: '2026-12-31',
          plannedCodes: ['97530'],
          goals: goals.map((text) => ({ text })),
        });
        if (!r.ok) throw new Error(r.reason);
        return r.value;
      };
      const later = await make('OT', '2026-04-01', ['Dress upper body alone', 'Shower with a bench', 'Cook a meal']);
      const bare = await make('SLP', '2026-02-01', []);
      const listed = await store.plansOfCare.listByPatient(s.clinic.id, s.patient.id);
      expect(listed).toEqual([s.plan, bare, later]);
      expect(listed.map((p) => p.goals.length)).toEqual([2, 0, 3]);
      for (const p of listed) expect(await store.plansOfCare.get(s.clinic.id, p.id)).toEqual(p);
      expect(await store.plansOfCare.listByPatient('other-clinic', s.patient.id)).toEqual([]);
    });

    it('pages a clinic’s plans by start date with their goals: every plan once, filters, nothing of another clinic', async () => {
      const { store } = ctx;
      const s = await seedClinic(store, 'Plan Pages');
      const other = await seedClinic(store, 'Plan Pages Other');
      const second = await store.patients.create(s.clinic.id, {
        firstName: 'Bo',
        lastName: 'Cole',
        birthDate: '1950-05-05',
        sex: 'M',
      });
      const make = async (patientId: string, startDate: string, endDate: string, goals: number) => {
        const r = await store.plansOfCare.create(s.clinic.id, {
          patientId,
          discipline: 'OT',
          startDate,
          endDate,
          goals: Array.from({ length: goals }, (_, i) => ({ text: `Goal ${i}` })),
        });
        if (!r.ok) throw new Error(r.reason);
        return r.value;
      };
      // Two plans share a start date, so the id decides their order (and the cursor must carry it).
      const made = [
        s.plan,
        await make(second.id, '2025-10-01', '2025-12-31', 1),
        await make(s.patient.id, '2026-02-15', '2026-05-15', 0),
        await make(second.id, '2026-02-15', '2026-04-30', 3),
        await make(second.id, '2026-06-01', '2026-08-31', 2),
      ];
      const expected = [...made].sort((x, y) =>
        x.startDate === y.startDate ? (x.id < y.id ? -1 : 1) : x.startDate < y.startDate ? -1 : 1,
      );
      const all = async (query: { activeOn?: string; patientId?: string }, limit: number) => {
        const seen: StoredPlanOfCare[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const page = await store.plansOfCare.list(s.clinic.id, { ...query, limit, cursor });
          expect(page.items.length).toBeLessThanOrEqual(limit);
          seen.push(...page.items);
          cursor = page.nextCursor;
          pages++;
        } while (cursor && pages < 20);
        return { seen, pages };
      };
      const paged = await all({}, 2);
      expect(paged.pages).toBe(3);
      expect(paged.seen).toEqual(expected);
      expect(paged.seen.map((p) => p.goals.length)).toEqual(expected.map((p) => p.goals.length));
      expect((await all({}, 1)).seen).toEqual(expected);
      const one = await store.plansOfCare.list(s.clinic.id);
      expect(one).toEqual({ items: expected, nextCursor: null });
      // In force on a date: start <= d <= end, both ends inclusive.
      const active = await all({ activeOn: '2026-03-31' }, 1);
      expect(active.seen.map((p) => p.id)).toEqual(
        expected.filter((p) => p.startDate <= '2026-03-31' && p.endDate >= '2026-03-31').map((p) => p.id),
      );
      expect(active.seen).toHaveLength(3);
      expect((await all({ activeOn: '2026-02-15' }, 5)).seen).toHaveLength(3);
      expect((await all({ activeOn: '2025-01-01' }, 5)).seen).toEqual([]);
      const bo = await all({ patientId: second.id }, 2);
      expect(bo.seen).toEqual(expected.filter((p) => p.patientId === second.id));
      expect((await all({ patientId: second.id, activeOn: '2026-07-01' }, 2)).seen.map((p) => p.startDate)).toEqual([
        '2026-06-01',
      ]);
      // Another clinic sees only its own plan, and nothing when it names this clinic's patient.
      expect((await store.plansOfCare.list(other.clinic.id)).items).toEqual([other.plan]);
      expect((await store.plansOfCare.list(other.clinic.id, { patientId: second.id })).items).toEqual([]);
      expect(await store.plansOfCare.list('no-such-clinic')).toEqual({ items: [], nextCursor: null });
      // A cursor that is not one of ours serves the first page.
      expect((await store.plansOfCare.list(s.clinic.id, { limit: 2, cursor: 'garbage' })).items).toEqual(
        expected.slice(0, 2),
      );
    });

    it('updates a provider, a patient, a payer, a coverage and a plan (goals replaced)', async () => {
      const { store } = ctx;
      const s = await seedClinic(store, 'Updates');
      const prov = await store.providers.update(s.clinic.id, s.provider.id, { credential: 'PTA', name: 'Pat A.' });
      expect(prov.ok && prov.value).toMatchObject({ credential: 'PTA', name: 'Pat A.' });
      const pat = await store.patients.update(s.clinic.id, s.patient.id, {
        phone: '555-0100',
        address: null,
        history: { treatmentDaysSinceProgressReport: 4, thresholdSpentCents: { PT_SLP: 120000 } },
      });
      expect(pat.ok && pat.value).toMatchObject({
        phone: '555-0100',
        address: null,
        history: { treatmentDaysSinceProgressReport: 4, thresholdSpentCents: { PT_SLP: 120000 } },
      });
      const payer = await store.payers.update(s.clinic.id, s.payer.id, { x12PayerId: null });
      expect(payer.ok && payer.value.x12PayerId).toBeNull();
      const cov = await store.coverages.update(s.clinic.id, s.coverage.id, { endDate: '2026-12-31', priority: 1 });
      expect(cov.ok && cov.value.endDate).toBe('2026-12-31');
      const plan = await store.plansOfCare.update(s.clinic.id, s.plan.id, {
        certifiedDate: null,
        goals: [{ id: 'g1', text: 'Sit to stand x5', status: 'met' }],
      });
      expect(plan.ok && plan.value).toMatchObject({
        certifiedDate: null,
        goals: [{ id: 'g1', status: 'met', ordinal: 0 }],
      });
    });

    it('finds the primary coverage in force on a date, with its payer', async () => {
      const { store } = ctx;
      const s = await seedClinic(store, 'Coverage');
      const commercial = await store.payers.create(s.clinic.id, { name: 'Acme Health', policyId: 'commercial' });
      const sec = await store.coverages.create(s.clinic.id, {
        patientId: s.patient.id,
        payerId: commercial.id,
        memberId: 'ACME-9',
        priority: 2,
        startDate: '2025-06-01',
      });
      expect(sec.ok).toBe(true);
      const primary = await store.coverages.primaryOn(s.clinic.id, s.patient.id, '2026-01-05');
      expect(primary?.payer.policyId).toBe('medicare');
      expect(await store.coverages.primaryOn(s.clinic.id, s.patient.id, '2024-01-01')).toBeUndefined();
      expect(
        await store.coverages.create(s.clinic.id, {
          patientId: 'missing',
          payerId: s.payer.id,
          memberId: 'x',
          startDate: '2026-01-01',
        }),
      ).toEqual({ ok: false, reason: 'patient-not-found' });
      expect(
        await store.coverages.create(s.clinic.id, {
          patientId: s.patient.id,
          payerId: 'missing',
          memberId: 'x',
          startDate: '2026-01-01',
        }),
      ).toEqual({ ok: false, reason: 'payer-not-found' });
    });

    it('pages patients by last name with a cursor, and searches by name', async () => {
      const { store } = ctx;
      const clinic = await store.clinics.create({ name: 'Paging' });
      const names = ['Young', 'Abbott', 'Moss', 'Baker', 'Zhou', 'Lopez', 'Baker'];
      for (const [i, lastName] of names.entries()) {
        await store.patients.create(clinic.id, {
          firstName: `F${i}`,
          lastName,
          birthDate: '1960-01-01',
          sex: i % 2 ? 'M' : 'F',
        });
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page = await store.patients.list(clinic.id, { limit: 3, cursor });
        expect(page.items.length).toBeLessThanOrEqual(3);
        seen.push(...page.items.map((p) => `${p.lastName}/${p.firstName}`));
        cursor = page.nextCursor;
        pages++;
      } while (cursor);
      expect(pages).toBe(3);
      expect(seen).toEqual(['Abbott/F1', 'Baker/F3', 'Baker/F6', 'Lopez/F5', 'Moss/F2', 'Young/F0', 'Zhou/F4']);
      const found = await store.patients.list(clinic.id, { search: 'bAK' });
      expect(found.items.map((p) => p.firstName)).toEqual(['F3', 'F6']);
      expect((await store.patients.list(clinic.id, { search: 'F1 Abb' })).items).toHaveLength(1);
      // A LIKE wildcard in the search is text, not a pattern.
      expect((await store.patients.list(clinic.id, { search: '%' })).items).toHaveLength(0);
      expect((await store.providers.list(clinic.id)).items).toEqual([]);
    });

    it('stores a hostile name as text (SQL injection)', async () => {
      const { store, target } = ctx;
      const clinic = await store.clinics.create({ name: "O'Brien & Sons Rehab" });
      const name = "Robert'); DROP TABLE patients;--";
      const patient = await store.patients.create(clinic.id, {
        firstName: name,
        lastName: "O'Hara",
        birthDate: '1970-07-07',
        sex: 'M',
      });
      expect((await store.patients.get(clinic.id, patient.id))?.firstName).toBe(name);
      const found = await store.patients.list(clinic.id, { search: "Robert'); DROP" });
      expect(found.items.map((p) => p.id)).toEqual([patient.id]);
      const updated = await store.patients.update(clinic.id, patient.id, { lastName: "x' OR '1'='1" });
      expect(updated.ok && updated.value.lastName).toBe("x' OR '1'='1");
      const rows = await target.raw('SELECT count(*) AS n FROM patients');
      expect(Number((rows[0] as { n: number | string }).n)).toBeGreaterThan(0);
      expect((await store.clinics.get(clinic.id))?.name).toBe("O'Brien & Sons Rehab");
    });
  });
}
