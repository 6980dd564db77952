import { describe, expect, it } from 'vitest';
import { type ContractContext, ph, rawError } from './context.ts';

/** @param ctx - the engine's store */
export function recordsContract(ctx: ContractContext): void {
  describe('idempotency keys', () => {
    it('stores the first response and returns it for a retry; scoped by clinic and user', async () => {
      const { store } = ctx;
      const clinic = await store.clinics.create({ name: 'Idem' });
      const other = await store.clinics.create({ name: 'Idem other' });
      const first = await store.idempotency.put(clinic.id, {
        userId: 'u1',
        key: 'k-123',
        requestHash: 'req-a',
        responseStatus: 201,
        responseBody: '{"id":"p1"}',
      });
      expect(first.created).toBe(true);
      const retry = await store.idempotency.put(clinic.id, {
        userId: 'u1',
        key: 'k-123',
        requestHash: 'req-b',
        responseStatus: 500,
        responseBody: '{}',
      });
      expect(retry).toEqual({ created: false, record: first.record });
      expect(await store.idempotency.get(clinic.id, 'u1', 'k-123')).toEqual(first.record);
      expect(await store.idempotency.get(clinic.id, 'u2', 'k-123')).toBeUndefined();
      expect(await store.idempotency.get(other.id, 'u1', 'k-123')).toBeUndefined();
      expect(await store.idempotency.purge('2000-01-01T00:00:00Z')).toBe(0);
      expect(await store.idempotency.purge('2999-01-01T00:00:00Z')).toBeGreaterThanOrEqual(1);
      expect(await store.idempotency.get(clinic.id, 'u1', 'k-123')).toBeUndefined();
    });
  });

  describe('audit log', () => {
    it('appends entries and lists them newest first with filters and pages', async () => {
      const { store } = ctx;
      const clinic = await store.clinics.create({ name: 'Audit' });
      const actions = ['patient.read', 'visit.update', 'patient.read', 'visit.sign', 'patient.read'];
      for (const [i, action] of actions.entries()) {
        await store.audit.append(clinic.id, {
          userId: i % 2 ? 'u2' : 'u1',
          action,
          entity: action.split('.')[0] ?? 'x',
          entityId: `e${i}`,
          patientId: i < 3 ? 'pat-1' : 'pat-2',
          ip: '127.0.0.1',
          detail: { fields: ['response'], n: i },
        });
      }
      const all = await store.audit.list(clinic.id);
      expect(all.items.map((e) => e.entityId)).toEqual(['e4', 'e3', 'e2', 'e1', 'e0']);
      expect(all.items[0]).toMatchObject({ ip: '127.0.0.1', detail: { fields: ['response'], n: 4 } });
      expect((await store.audit.list(clinic.id, { action: 'patient.read' })).items).toHaveLength(3);
      expect((await store.audit.list(clinic.id, { patientId: 'pat-1', userId: 'u1' })).items).toHaveLength(2);
      const window = await store.audit.list(clinic.id, { from: all.items[3]?.at, to: all.items[1]?.at });
      expect(window.items.map((e) => e.entityId)).toEqual(['e3', 'e2', 'e1']);
      const p1 = await store.audit.list(clinic.id, { limit: 2 });
      const p2 = await store.audit.list(clinic.id, { limit: 2, cursor: p1.nextCursor });
      const p3 = await store.audit.list(clinic.id, { limit: 2, cursor: p2.nextCursor });
      expect([...p1.items, ...p2.items, ...p3.items].map((e) => e.entityId)).toEqual(['e4', 'e3', 'e2', 'e1', 'e0']);
      expect(p3.nextCursor).toBeNull();
    });

    it('is append-only: raw UPDATE and DELETE are refused by triggers', async () => {
      const { store, target } = ctx;
      const clinic = await store.clinics.create({ name: 'Append only' });
      const entry = await store.audit.append(clinic.id, { action: 'visit.sign', entity: 'visit', userId: 'u' });
      const p = ph(target, 1);
      expect(await rawError(target, `UPDATE audit_log SET action = 'nothing' WHERE id = ${p}`, [entry.id])).toMatch(
        /append-only/,
      );
      expect(await rawError(target, `DELETE FROM audit_log WHERE id = ${p}`, [entry.id])).toMatch(/append-only/);
      expect(await rawError(target, 'DELETE FROM audit_log')).toMatch(/append-only/);
      if (target.engine === 'postgres') expect(await rawError(target, 'TRUNCATE audit_log')).toMatch(/append-only/);
      expect((await store.audit.list(clinic.id)).items).toEqual([entry]);
    });

    it('appendMany writes a batch across clinics, each entry scoped to its own clinic, over the 500-row statement', async () => {
      const { store } = ctx;
      const a = await store.clinics.create({ name: 'Batch A' });
      const b = await store.clinics.create({ name: 'Batch B' });
      const entries = Array.from({ length: 1203 }, (_, i) => ({
        clinicId: i % 3 === 0 ? b.id : a.id,
        action: 'visit.read',
        entity: 'visit',
        entityId: `v${i}`,
        userId: 'u1',
        at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
        detail: { n: i },
      }));
      await store.audit.appendMany(entries);
      await store.audit.appendMany([]);
      const all = async (clinicId: string) => {
        const out = [];
        let cursor: string | null = null;
        do {
          const page: Awaited<ReturnType<typeof store.audit.list>> = await store.audit.list(clinicId, {
            limit: 200,
            cursor,
          });
          out.push(...page.items);
          cursor = page.nextCursor;
        } while (cursor);
        return out;
      };
      const inB = await all(b.id);
      const inA = await all(a.id);
      expect(inB).toHaveLength(401);
      expect(inA).toHaveLength(802);
      expect(inB.every((e) => e.clinicId === b.id && Number(e.entityId?.slice(1)) % 3 === 0)).toBe(true);
      expect(inA.find((e) => e.entityId === 'v1')).toMatchObject({
        userId: 'u1',
        detail: { n: 1 },
        action: 'visit.read',
      });
    });
  });

  describe('fee schedules and payer policies', () => {
    it('adds effective-dated fees and finds those in force on a date', async () => {
      const { store } = ctx;
      const clinic = await store.clinics.create({ name: 'Fees' });
      const rows = await store.feeSchedules.add(clinic.id, [
        { payerPolicyId: 'acme', code: '97530', effectiveFrom: '2025-01-01', effectiveTo: '2025-12-31', cents: 4100 },
        { payerPolicyId: 'acme', code: '97530', effectiveFrom: '2026-01-01', cents: 4250 },
        { payerPolicyId: 'acme', code: '97110', effectiveFrom: '2025-01-01', cents: 3300 },
        { payerPolicyId: 'other', code: '97110', effectiveFrom: '2025-01-01', cents: 1 },
      ]);
      expect(rows).toHaveLength(4);
      const on2026 = await store.feeSchedules.list(clinic.id, 'acme', '2026-02-01');
      expect(on2026.map((r) => [r.code, r.cents])).toEqual([
        ['97110', 3300],
        ['97530', 4250],
      ]);
      expect(await store.feeSchedules.list(clinic.id, 'acme')).toHaveLength(3);
      expect(await store.feeSchedules.remove('other-clinic', rows[0]?.id ?? '')).toBe(false);
      expect(await store.feeSchedules.remove(clinic.id, rows[0]?.id ?? '')).toBe(true);
      expect(await store.feeSchedules.list(clinic.id, 'acme')).toHaveLength(2);
    });

    it('puts, replaces and reads a clinic payer policy', async () => {
      const { store } = ctx;
      const clinic = await store.clinics.create({ name: 'Policies' });
      await store.payerPolicies.put(clinic.id, { id: 'acme', name: 'Acme', basedOn: 'commercial', unitMethod: 'ama' });
      const replaced = await store.payerPolicies.put(clinic.id, {
        id: 'acme',
        name: 'Acme Health',
        basedOn: 'commercial',
        versions: [{ effectiveFrom: '2026-01-01', unitMethod: 'per-code-15' }],
      });
      expect(await store.payerPolicies.get(clinic.id, 'acme')).toEqual(replaced);
      expect(replaced.policy.versions?.[0]?.unitMethod).toBe('per-code-15');
      expect(await store.payerPolicies.list(clinic.id)).toHaveLength(1);
      expect(await store.payerPolicies.get('other-clinic', 'acme')).toBeUndefined();
    });
  });
}
