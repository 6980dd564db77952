import { describe, expect, it } from 'vitest';
import { hashVisitContent, StoreError, type VisitDetail } from '../../src/index.ts';
import { seedClinic, visitInput } from '../helpers/fixtures.ts';
import { type ContractContext, ph, rawError } from './context.ts';

/** @param ctx - the engine's store */
export function visitsContract(ctx: ContractContext): void {
  describe('visits', () => {
    it('creates a visit with services, non-billable time, segments and findings, and reads it back equal', async () => {
      const { store } = ctx;
      const s = await seedClinic(store, 'Visits');
      const input = visitInput(s.patient.id, s.provider.id);
      const created = await store.visits.create(s.clinic.id, input, { createdBy: s.owner.id });
      expect(created.ok).toBe(true);
      if (!created.ok) return;
      const v = created.value;
      expect(v).toMatchObject({
        clinicId: s.clinic.id,
        patientId: s.patient.id,
        providerId: s.provider.id,
        provider: { id: s.provider.id, credential: 'PT' },
        status: 'draft',
        version: 1,
        createdBy: s.owner.id,
        signedAt: null,
        contentHash: null,
        noteType: 'daily',
      });
      expect(v.services).toEqual(input.services);
      expect(v.nonBillable).toEqual(input.nonBillable);
      expect(v.findings).toEqual(input.findings);
      expect(v.segments.map((g) => [g.serviceOrdinal, g.kind, g.startedAt])).toEqual([
        [0, 'treatment', '2026-01-05T15:00:00.000Z'],
        [null, 'rest', '2026-01-05T15:23:00.000Z'],
      ]);
      expect(await store.visits.get(s.clinic.id, v.id)).toEqual(v);
      expect(hashVisitContent(v)).toBe(hashVisitContent({ ...input, id: v.id }));
    });

    it('refuses a visit for a patient or provider the clinic does not have', async () => {
      const { store } = ctx;
      const s = await seedClinic(store, 'Refuse');
      expect(await store.visits.create(s.clinic.id, visitInput('missing', s.provider.id))).toEqual({
        ok: false,
        reason: 'patient-not-found',
      });
      expect(await store.visits.create(s.clinic.id, visitInput(s.patient.id, 'missing'))).toEqual({
        ok: false,
        reason: 'provider-not-found',
      });
    });

    it('an update given the head it read keeps or moves date and provider, with the lists by date and provider', async () => {
      const { store } = ctx;
      const s = await seedClinic(store, 'Before');
      const other = await store.providers.create(s.clinic.id, {
        name: 'Second PT',
        npi: '1234567893',
        discipline: 'PT',
        credential: 'PT',
      });
      const created = await store.visits.create(s.clinic.id, visitInput(s.patient.id, s.provider.id));
      if (!created.ok) throw new Error(created.reason);
      const id = created.value.id;
      const { segments: _s, findings: _f, ...base } = visitInput(s.patient.id, s.provider.id);
      const ids = async (q: { from?: string; to?: string; providerId?: string }) =>
        (await store.visits.list(s.clinic.id, q)).items.map((v) => v.id);
      const save = async (change: Partial<typeof base>) => {
        const head = await store.visits.head(s.clinic.id, id);
        if (!head) throw new Error('no head');
        const r = await store.visits.update(s.clinic.id, id, head.version, { ...base, ...change }, head);
        if (!r.ok) throw new Error(r.reason);
        return r.value;
      };
      const same = await save({ response: 'Same date and provider.' });
      expect(same).toMatchObject({
        date: base.date,
        provider: { id: s.provider.id },
        response: 'Same date and provider.',
      });
      expect(await ids({ from: base.date, to: base.date })).toContain(id);
      const moved = await save({ date: '2026-03-20', provider: { id: other.id, credential: 'PT' } });
      expect(moved).toMatchObject({ date: '2026-03-20', provider: { id: other.id } });
      expect(await store.visits.get(s.clinic.id, id)).toMatchObject({ date: '2026-03-20', provider: { id: other.id } });
      expect(await ids({ from: '2026-03-20', to: '2026-03-20' })).toEqual([id]);
      expect(await ids({ from: base.date, to: base.date })).not.toContain(id);
      expect(await ids({ providerId: other.id })).toEqual([id]);
      expect(await ids({ providerId: s.provider.id })).not.toContain(id);
    });

    it('an autosave with the same services keeps their rows; a change made elsewhere in between is never lost', async () => {
      const { store, target } = ctx;
      const s = await seedClinic(store, 'Autosave');
      const created = await store.visits.create(s.clinic.id, visitInput(s.patient.id, s.provider.id));
      if (!created.ok) throw new Error(created.reason);
      const id = created.value.id;
      const { segments: _s, findings: _f, ...base } = visitInput(s.patient.id, s.provider.id);
      const services = [
        { code: '97530', minutes: 23, modifiers: ['GP'], description: 'Sit to stand x10 from a low chair' },
        { code: '97110', minutes: 15, modifiers: ['GP'] },
      ];
      const rows = async () =>
        (await target.raw(
          `SELECT code, minutes FROM visit_services WHERE visit_id = ${ph(target, 1)} ORDER BY ordinal`,
          [id],
        )) as { code: string; minutes: number }[];
      const first = await store.visits.update(s.clinic.id, id, 1, { ...base, services });
      if (!first.ok) throw new Error(first.reason);
      // Same services, another response: the rows stay, the visit moves on.
      const second = await store.visits.update(s.clinic.id, id, 2, { ...base, services, response: 'Typed more.' });
      if (!second.ok) throw new Error(second.reason);
      expect(second.value.services).toEqual(first.value.services);
      expect(await rows()).toEqual([
        { code: '97530', minutes: 23 },
        { code: '97110', minutes: 15 },
      ]);
      expect((await store.visits.get(s.clinic.id, id))?.response).toBe('Typed more.');
      // Another process changes a service and the version (3 -> 4); this store last wrote version 3.
      await target.raw(`UPDATE visit_services SET minutes = 30 WHERE visit_id = ${ph(target, 1)} AND ordinal = 0`, [
        id,
      ]);
      await target.raw(`UPDATE visits SET version = 4 WHERE id = ${ph(target, 1)}`, [id]);
      const third = await store.visits.update(s.clinic.id, id, 4, { ...base, services, response: 'Mine again.' });
      if (!third.ok) throw new Error(third.reason);
      // The write at version 4 is not "unchanged" (this store never wrote version 4): the rows are written again.
      expect(await rows()).toEqual([
        { code: '97530', minutes: 23 },
        { code: '97110', minutes: 15 },
      ]);
      // Different services are always written.
      const fourth = await store.visits.update(s.clinic.id, id, 5, { ...base, services: services.slice(1) });
      if (!fourth.ok) throw new Error(fourth.reason);
      expect(await rows()).toEqual([{ code: '97110', minutes: 15 }]);
      expect((await store.visits.get(s.clinic.id, id))?.services).toEqual(fourth.value.services);
    });

    it('updates with the expected version; a stale version is a conflict and changes nothing', async () => {
      const { store } = ctx;
      const s = await seedClinic(store, 'Concurrency');
      const created = await store.visits.create(s.clinic.id, visitInput(s.patient.id, s.provider.id));
      if (!created.ok) throw new Error(created.reason);
      const v1 = created.value;
      const { segments: _s, findings: _f, ...base } = visitInput(s.patient.id, s.provider.id);
      const edit = { ...base, services: [{ code: '97530', minutes: 38, modifiers: ['GP'] }], response: 'Better.' };
      const saved = await store.visits.update(s.clinic.id, v1.id, 1, edit);
      expect(saved.ok).toBe(true);
      if (!saved.ok) return;
      expect(saved.value).toMatchObject({
        version: 2,
        response: 'Better.',
        services: [{ code: '97530', minutes: 38 }],
      });
      // Segments and findings were not given: they stay.
      expect(saved.value.segments).toHaveLength(2);
      expect(saved.value.findings).toEqual(v1.findings);
      const stale = await store.visits.update(s.clinic.id, v1.id, 1, { ...edit, response: 'Lost update' });
      expect(stale).toEqual({ ok: false, reason: 'conflict' });
      expect((await store.visits.get(s.clinic.id, v1.id))?.response).toBe('Better.');
      expect(
        await store.visits.sign(s.clinic.id, v1.id, { expectedVersion: 1, userId: 'u', contentHash: 'h' }),
      ).toEqual({
        ok: false,
        reason: 'conflict',
      });
    });

    it('of two writers racing on one version, exactly one wins', async () => {
      const { store } = ctx;
      const s = await seedClinic(store, 'Race');
      const created = await store.visits.create(s.clinic.id, visitInput(s.patient.id, s.provider.id));
      if (!created.ok) throw new Error(created.reason);
      const { segments: _s, findings: _f, ...base } = visitInput(s.patient.id, s.provider.id);
      const results = await Promise.all(
        ['A', 'B', 'C'].map((who) => store.visits.update(s.clinic.id, created.value.id, 1, { ...base, response: who })),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.reason)).toEqual(['conflict', 'conflict']);
      expect((await store.visits.get(s.clinic.id, created.value.id))?.version).toBe(2);
    });

    it('replaces findings, records overrides, runs and stops timers on a draft', async () => {
      const { store } = ctx;
      const s = await seedClinic(store, 'Draft work');
      const created = await store.visits.create(s.clinic.id, visitInput(s.patient.id, s.provider.id));
      if (!created.ok) throw new Error(created.reason);
      const id = created.value.id;
      const findings = [
        { rule: 'missing-response' as const, severity: 'error' as const, message: 'Add the response', citation: 'x' },
      ];
      expect(await store.visits.replaceFindings(s.clinic.id, id, findings)).toEqual({ ok: true, value: true });
      const ov = await store.visits.addOverride(s.clinic.id, id, {
        rule: 'missing-response',
        reason: 'Response documented on paper, scanned',
        userId: s.owner.id,
      });
      expect(ov.ok && ov.value).toMatchObject({ rule: 'missing-response', service: null, userId: s.owner.id });
      const seg = await store.visits.addSegment(s.clinic.id, id, {
        serviceOrdinal: 1,
        kind: 'treatment',
        startedAt: '2026-01-05T15:30:00Z',
      });
      expect(seg.ok && seg.value.endedAt).toBeNull();
      if (!seg.ok) return;
      const ended = await store.visits.endSegment(s.clinic.id, id, seg.value.id, '2026-01-05T15:45:00Z');
      expect(ended.ok && ended.value.endedAt).toBe('2026-01-05T15:45:00.000Z');
      expect(await store.visits.endSegment(s.clinic.id, id, 'missing', '2026-01-05T15:45:00Z')).toEqual({
        ok: false,
        reason: 'not-found',
      });
      const detail = await store.visits.get(s.clinic.id, id);
      expect(detail?.findings).toEqual(findings);
      expect(detail?.overrides).toHaveLength(1);
      expect(detail?.segments).toHaveLength(3);
      expect(detail?.version).toBe(1);
    });

    it('lists by patient and by date range and status, newest first, in pages', async () => {
      const { store } = ctx;
      const s = await seedClinic(store, 'Listing');
      const dates = ['2026-01-05', '2026-01-07', '2026-01-09', '2026-01-12', '2026-01-14'];
      const ids: string[] = [];
      for (const date of dates) {
        const r = await store.visits.create(s.clinic.id, visitInput(s.patient.id, s.provider.id, date));
        if (!r.ok) throw new Error(r.reason);
        ids.push(r.value.id);
      }
      const first = ids[0] ?? '';
      await store.visits.sign(s.clinic.id, first, { expectedVersion: 1, userId: s.owner.id, contentHash: 'h' });
      const p1 = await store.visits.list(s.clinic.id, { patientId: s.patient.id, limit: 2 });
      expect(p1.items.map((v) => v.date)).toEqual(['2026-01-14', '2026-01-12']);
      expect(p1.items[0]?.services).toHaveLength(4);
      expect(p1.items[0]?.nonBillable).toEqual([{ kind: 'rest', minutes: 5, note: 'seated rest' }]);
      const p2 = await store.visits.list(s.clinic.id, { patientId: s.patient.id, limit: 2, cursor: p1.nextCursor });
      const p3 = await store.visits.list(s.clinic.id, { patientId: s.patient.id, limit: 2, cursor: p2.nextCursor });
      expect([...p2.items, ...p3.items].map((v) => v.date)).toEqual(['2026-01-09', '2026-01-07', '2026-01-05']);
      expect(p3.nextCursor).toBeNull();
      const range = await store.visits.list(s.clinic.id, { from: '2026-01-06', to: '2026-01-12' });
      expect(range.items.map((v) => v.date)).toEqual(['2026-01-12', '2026-01-09', '2026-01-07']);
      const signed = await store.visits.list(s.clinic.id, { status: 'signed' });
      expect(signed.items.map((v) => v.id)).toEqual([first]);
      const drafts = await store.visits.list(s.clinic.id, { status: 'draft', providerId: s.provider.id });
      expect(drafts.items).toHaveLength(4);
    });

    it('deletes a draft with its children', async () => {
      const { store, target } = ctx;
      const s = await seedClinic(store, 'Delete draft');
      const r = await store.visits.create(s.clinic.id, visitInput(s.patient.id, s.provider.id));
      if (!r.ok) throw new Error(r.reason);
      expect(await store.visits.deleteDraft(s.clinic.id, r.value.id)).toEqual({ ok: true, value: true });
      expect(await store.visits.get(s.clinic.id, r.value.id)).toBeUndefined();
      const left = await target.raw(`SELECT ordinal FROM visit_services WHERE visit_id = ${ph(target, 1)}`, [
        r.value.id,
      ]);
      expect(left).toEqual([]);
      expect(await store.visits.deleteDraft(s.clinic.id, r.value.id)).toEqual({ ok: false, reason: 'not-found' });
    });
  });

  describe('signed visits never change', () => {
    /** A signed visit of a fresh clinic. */
    async function signedVisit(): Promise<{ clinicId: string; visit: VisitDetail; userId: string }> {
      const s = await seedClinic(ctx.store, `Signed ${Math.random()}`);
      const created = await ctx.store.visits.create(s.clinic.id, visitInput(s.patient.id, s.provider.id));
      if (!created.ok) throw new Error(created.reason);
      const signed = await ctx.store.visits.sign(s.clinic.id, created.value.id, {
        expectedVersion: 1,
        userId: s.owner.id,
        contentHash: hashVisitContent(created.value),
      });
      if (!signed.ok) throw new Error(signed.reason);
      return { clinicId: s.clinic.id, visit: signed.value, userId: s.owner.id };
    }

    it('sign keeps who, when and the content hash', async () => {
      const { visit, userId } = await signedVisit();
      expect(visit).toMatchObject({ status: 'signed', version: 2, signedBy: userId });
      expect(visit.signedAt).toMatch(/^2026-01-05T/);
      expect(visit.contentHash).toBe(hashVisitContent(visit));
    });

    it('every repository write to a signed visit answers signed, and nothing changes', async () => {
      const { store } = ctx;
      const { clinicId, visit, userId } = await signedVisit();
      const { segments: _s, findings: _f, ...input } = visitInput(visit.patientId, visit.providerId ?? '');
      expect(await store.visits.update(clinicId, visit.id, visit.version, { ...input, response: 'x' })).toEqual({
        ok: false,
        reason: 'signed',
      });
      expect(await store.visits.sign(clinicId, visit.id, { expectedVersion: 2, userId, contentHash: 'h' })).toEqual({
        ok: false,
        reason: 'signed',
      });
      expect(await store.visits.replaceFindings(clinicId, visit.id, [])).toEqual({ ok: false, reason: 'signed' });
      expect(await store.visits.addOverride(clinicId, visit.id, { rule: 'r', reason: 'x', userId })).toEqual({
        ok: false,
        reason: 'signed',
      });
      expect(
        await store.visits.addSegment(clinicId, visit.id, { kind: 'rest', startedAt: '2026-01-05T16:00:00Z' }),
      ).toEqual({ ok: false, reason: 'signed' });
      const seg = visit.segments[0]?.id ?? '';
      expect(await store.visits.endSegment(clinicId, visit.id, seg, '2026-01-05T17:00:00Z')).toEqual({
        ok: false,
        reason: 'signed',
      });
      expect(await store.visits.deleteDraft(clinicId, visit.id)).toEqual({ ok: false, reason: 'signed' });
      expect(await store.visits.get(clinicId, visit.id)).toEqual(visit);
    });

    it('corrections are addenda, with a hash; drafts take none', async () => {
      const { store } = ctx;
      const { clinicId, visit, userId } = await signedVisit();
      const add = await store.visits.addAddendum(clinicId, visit.id, {
        authorId: userId,
        text: 'Correction: 97140 was 9 minutes.',
      });
      expect(add.ok && add.value).toMatchObject({ visitId: visit.id, authorId: userId });
      expect(add.ok && add.value.hash).toMatch(/^[0-9a-f]{64}$/);
      const after = await store.visits.get(clinicId, visit.id);
      expect(after?.addenda).toHaveLength(1);
      expect(after?.version).toBe(visit.version);
      const s = await seedClinic(store, 'Draft addendum');
      const draft = await store.visits.create(s.clinic.id, visitInput(s.patient.id, s.provider.id));
      if (!draft.ok) throw new Error(draft.reason);
      expect(await store.visits.addAddendum(s.clinic.id, draft.value.id, { authorId: userId, text: 'x' })).toEqual({
        ok: false,
        reason: 'not-signed',
      });
    });

    it('raw SQL UPDATE and DELETE on the visit and its children are refused by triggers', async () => {
      const { target, store } = ctx;
      const { visit: signed, userId } = await signedVisit();
      await store.visits.addAddendum(signed.clinicId, signed.id, { authorId: userId, text: 'Late entry.' });
      const visit = await store.visits.get(signed.clinicId, signed.id);
      if (!visit) throw new Error('signed visit vanished');
      const id = [visit.id];
      const p = ph(target, 1);
      const refusals = [
        `UPDATE visits SET response = 'rewritten' WHERE id = ${p}`,
        `UPDATE visits SET status = 'draft' WHERE id = ${p}`,
        `DELETE FROM visits WHERE id = ${p}`,
        `UPDATE visit_services SET minutes = 60 WHERE visit_id = ${p}`,
        `DELETE FROM visit_services WHERE visit_id = ${p}`,
        `UPDATE time_segments SET ended_at = NULL WHERE visit_id = ${p}`,
        `DELETE FROM time_segments WHERE visit_id = ${p}`,
        `UPDATE non_billable SET minutes = 0 WHERE visit_id = ${p}`,
        `DELETE FROM non_billable WHERE visit_id = ${p}`,
        `DELETE FROM findings WHERE visit_id = ${p}`,
        `UPDATE addenda SET text = 'x' WHERE visit_id = ${p}`,
        `DELETE FROM addenda WHERE visit_id = ${p}`,
      ];
      for (const statement of refusals) {
        expect(await rawError(target, statement, id), statement).toMatch(/signed visit is immutable|append-only/);
      }
      const insert = `INSERT INTO visit_services (clinic_id, visit_id, ordinal, code, minutes)
        VALUES (${ph(target, 1)}, ${ph(target, 2)}, 9, '97530', 15)`;
      expect(await rawError(target, insert, [visit.clinicId, visit.id])).toMatch(/signed visit is immutable/);
      if (target.engine === 'postgres') {
        expect(await rawError(target, 'TRUNCATE visits CASCADE')).toMatch(/signed visit is immutable/);
      }
      expect(await ctx.store.visits.get(visit.clinicId, visit.id)).toEqual(visit);
    });

    it('a write through the store that a trigger refuses surfaces as StoreError signed-immutable', async () => {
      const { store } = ctx;
      const { clinicId, visit } = await signedVisit();
      const failure = await store
        .transaction(async (tx) => {
          // The repositories check first; go under them to prove the database itself refuses.
          await tx.db.updateTable('visits').set({ response: 'x' }).where('id', '=', visit.id).execute();
        })
        .catch((err: unknown) => err);
      expect(failure).toBeInstanceOf(StoreError);
      expect((failure as StoreError).code).toBe('signed-immutable');
      expect((await store.visits.get(clinicId, visit.id))?.response).toBe(visit.response);
    });
  });
}
