import { describe, expect, it } from 'vitest';
import { seedClinic, visitInput } from '../helpers/fixtures.ts';
import type { ContractContext } from './context.ts';

/** @param ctx - the engine's store */
export function scopingContract(ctx: ContractContext): void {
  describe('clinic scoping: another clinic’s id behaves exactly like a missing id', () => {
    it('clinic B can neither read nor change clinic A’s rows by id', async () => {
      const { store } = ctx;
      const a = await seedClinic(store, 'Scope A');
      const b = await seedClinic(store, 'Scope B');
      const created = await store.visits.create(a.clinic.id, visitInput(a.patient.id, a.provider.id));
      if (!created.ok) throw new Error(created.reason);
      const visit = created.value;
      const B = b.clinic.id;

      // Reads: undefined, as for an id that never existed.
      expect(await store.users.get(B, a.owner.id)).toBeUndefined();
      expect(await store.providers.get(B, a.provider.id)).toBeUndefined();
      expect(await store.providers.findByUser(B, a.owner.id)).toBeUndefined();
      expect(await store.patients.get(B, a.patient.id)).toBeUndefined();
      expect(await store.payers.get(B, a.payer.id)).toBeUndefined();
      expect(await store.coverages.get(B, a.coverage.id)).toBeUndefined();
      expect(await store.coverages.listByPatient(B, a.patient.id)).toEqual([]);
      expect(await store.coverages.primaryOn(B, a.patient.id, '2026-01-05')).toBeUndefined();
      expect(await store.plansOfCare.get(B, a.plan.id)).toBeUndefined();
      expect(await store.plansOfCare.listByPatient(B, a.patient.id)).toEqual([]);
      expect(await store.visits.get(B, visit.id)).toBeUndefined();
      expect((await store.visits.list(B, { patientId: a.patient.id })).items).toEqual([]);

      // Writes: not-found, and A's rows unchanged.
      const notFound = { ok: false, reason: 'not-found' };
      expect(await store.users.update(B, a.owner.id, { roles: ['owner'], name: 'Hijack' })).toEqual(notFound);
      expect(await store.users.recordFailedSignIn(B, a.owner.id)).toEqual(notFound);
      expect(await store.providers.update(B, a.provider.id, { npi: '0000000000' })).toEqual(notFound);
      expect(await store.patients.update(B, a.patient.id, { lastName: 'Hijack' })).toEqual(notFound);
      expect(await store.payers.update(B, a.payer.id, { name: 'Hijack' })).toEqual(notFound);
      expect(await store.coverages.update(B, a.coverage.id, { memberId: 'Hijack' })).toEqual(notFound);
      expect(await store.plansOfCare.update(B, a.plan.id, { goals: [] })).toEqual(notFound);
      const { segments: _s, findings: _f, ...edit } = visitInput(a.patient.id, a.provider.id);
      expect(await store.visits.update(B, visit.id, 1, edit)).toEqual(notFound);
      expect(await store.visits.sign(B, visit.id, { expectedVersion: 1, userId: 'x', contentHash: 'h' })).toEqual(
        notFound,
      );
      expect(await store.visits.replaceFindings(B, visit.id, [])).toEqual(notFound);
      expect(await store.visits.addOverride(B, visit.id, { rule: 'r', reason: 'x', userId: 'x' })).toEqual(notFound);
      expect(await store.visits.addAddendum(B, visit.id, { authorId: 'x', text: 'x' })).toEqual(notFound);
      expect(await store.visits.addSegment(B, visit.id, { kind: 'rest', startedAt: '2026-01-05T15:00:00Z' })).toEqual(
        notFound,
      );
      expect(await store.visits.deleteDraft(B, visit.id)).toEqual(notFound);
      // Creating in B with A's patient or provider id: as if they did not exist.
      expect(await store.visits.create(B, visitInput(a.patient.id, b.provider.id))).toEqual({
        ok: false,
        reason: 'patient-not-found',
      });
      expect(await store.visits.create(B, visitInput(b.patient.id, a.provider.id))).toEqual({
        ok: false,
        reason: 'provider-not-found',
      });
      expect(
        await store.coverages.create(B, {
          patientId: b.patient.id,
          payerId: a.payer.id,
          memberId: 'x',
          startDate: '2026-01-01',
        }),
      ).toEqual({ ok: false, reason: 'payer-not-found' });
      expect(
        await store.plansOfCare.create(B, {
          patientId: a.patient.id,
          discipline: 'PT',
          startDate: '2026-01-01',
          endDate: '2026-02-01',
        }),
      ).toEqual({ ok: false, reason: 'patient-not-found' });

      expect(await store.visits.get(a.clinic.id, visit.id)).toEqual(visit);
      expect(await store.patients.get(a.clinic.id, a.patient.id)).toEqual(a.patient);
      expect(await store.users.get(a.clinic.id, a.owner.id)).toEqual(a.owner);
      expect(await store.plansOfCare.get(a.clinic.id, a.plan.id)).toEqual(a.plan);
    });

    it('lists of one clinic never hold another’s rows', async () => {
      const { store } = ctx;
      const a = await seedClinic(store, 'List A');
      const b = await seedClinic(store, 'List B');
      await store.audit.append(a.clinic.id, { action: 'patient.read', entity: 'patient', patientId: a.patient.id });
      for (const [mine, theirs] of [
        [a, b],
        [b, a],
      ] as const) {
        const patients = await store.patients.list(mine.clinic.id);
        expect(patients.items.map((p) => p.clinicId)).toEqual([mine.clinic.id]);
        expect((await store.users.list(mine.clinic.id)).items.map((u) => u.id)).toEqual([mine.owner.id]);
        expect((await store.providers.list(mine.clinic.id)).items.map((p) => p.id)).toEqual([mine.provider.id]);
        expect((await store.payers.list(mine.clinic.id)).map((p) => p.id)).toEqual([mine.payer.id]);
        const audit = await store.audit.list(mine.clinic.id);
        expect(audit.items.every((e) => e.clinicId === mine.clinic.id)).toBe(true);
        expect(audit.items.some((e) => e.patientId === theirs.patient.id)).toBe(false);
      }
    });
  });
}
