import { describe, expect, it } from 'vitest';
import { StoreError } from '../../src/index.ts';
import { seedClinic, visitInput } from '../helpers/fixtures.ts';
import { type ContractContext, ph } from './context.ts';

/** @param ctx - the engine's store */
export function transactionsContract(ctx: ContractContext): void {
  describe('transactions: a failed multi-row write leaves nothing behind', () => {
    it('a visit whose fourth row breaks a constraint is not stored at all', async () => {
      const { store, target } = ctx;
      const s = await seedClinic(store, 'Atomic visit');
      const input = visitInput(s.patient.id, s.provider.id);
      const bad = {
        ...input,
        id: 'atomic-visit-1',
        // 'nap' is no non-billable kind: the CHECK constraint refuses the row after the visit and services went in.
        nonBillable: [{ kind: 'nap' as 'rest', minutes: 5 }],
      };
      const err = await store.visits.create(s.clinic.id, bad).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StoreError);
      expect((err as StoreError).code).toBe('constraint');
      expect(await store.visits.get(s.clinic.id, 'atomic-visit-1')).toBeUndefined();
      const p = ph(target, 1);
      expect(await target.raw(`SELECT id FROM visits WHERE id = ${p}`, ['atomic-visit-1'])).toEqual([]);
      expect(await target.raw(`SELECT ordinal FROM visit_services WHERE visit_id = ${p}`, ['atomic-visit-1'])).toEqual(
        [],
      );
    });

    it('store.transaction rolls back every write when the function throws', async () => {
      const { store } = ctx;
      const s = await seedClinic(store, 'Atomic tx');
      const before = (await store.patients.list(s.clinic.id)).items.length;
      const err = await store
        .transaction(async (tx) => {
          const p = await tx.patients.create(s.clinic.id, {
            firstName: 'Temp',
            lastName: 'Patient',
            birthDate: '1990-01-01',
            sex: 'U',
          });
          const v = await tx.visits.create(s.clinic.id, visitInput(p.id, s.provider.id));
          if (!v.ok) throw new Error(v.reason);
          await tx.audit.append(s.clinic.id, { action: 'visit.create', entity: 'visit', entityId: v.value.id });
          throw new Error('payer lookup failed');
        })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StoreError);
      expect((await store.patients.list(s.clinic.id)).items).toHaveLength(before);
      expect((await store.visits.list(s.clinic.id)).items).toEqual([]);
      expect((await store.audit.list(s.clinic.id, { action: 'visit.create' })).items).toEqual([]);
    });

    it('store.transaction rolls back when the function returns a failed result, and hands the result out', async () => {
      const { store } = ctx;
      const s = await seedClinic(store, 'Atomic result');
      const result = await store.transaction(async (tx) => {
        await tx.patients.create(s.clinic.id, {
          firstName: 'Half',
          lastName: 'Done',
          birthDate: '1990-01-01',
          sex: 'U',
        });
        return tx.visits.create(s.clinic.id, visitInput('missing-patient', s.provider.id));
      });
      expect(result).toEqual({ ok: false, reason: 'patient-not-found' });
      expect((await store.patients.list(s.clinic.id, { search: 'Half' })).items).toEqual([]);
    });

    it('a successful transaction keeps everything, and nested calls join it', async () => {
      const { store } = ctx;
      const s = await seedClinic(store, 'Commit');
      const value = await store.transaction(async (tx) => {
        const p = await tx.patients.create(s.clinic.id, {
          firstName: 'Kept',
          lastName: 'Row',
          birthDate: '1990-01-01',
          sex: 'F',
        });
        return tx.transaction(async (inner) => inner.visits.create(s.clinic.id, visitInput(p.id, s.provider.id)));
      });
      expect(value.ok).toBe(true);
      if (value.ok) expect(await store.visits.get(s.clinic.id, value.value.id)).toEqual(value.value);
    });
  });
}
