/**
 * Goal status per goal on progress notes (migration 0006), on every engine: written on create and update, read back
 * by get, cleared by an update without it, part of the content hash only when present, and frozen once signed
 * (the visits trigger refuses a raw UPDATE of the column).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashVisitContent, openStore, type Store, type VisitGoalStatus } from '../src/index.ts';
import { seedClinic, visitInput } from './helpers/fixtures.ts';
import { steppingClock, type Target, targetFactories } from './helpers/targets.ts';

const PROGRESS: VisitGoalStatus = {
  g1: { status: 'progressing', measure: 'Sit to stand x5 in 14 s without hands', note: 'Was 22 s at evaluation' },
  g2: { status: 'met' },
};

for (const factory of await targetFactories()) {
  const title = factory.skip
    ? `goal status on ${factory.engine} (skipped: ${factory.skip})`
    : `goal status on ${factory.engine}`;
  describe.skipIf(factory.skip !== undefined)(title, () => {
    let target: Target;
    let store: Store;
    beforeAll(async () => {
      target = factory.make();
      store = await openStore(target.url, { clock: steppingClock() });
    });
    afterAll(async () => {
      await store?.close();
      await target?.dispose();
    });

    it('round-trips goal status through create, get, update and an update without it', async () => {
      const s = await seedClinic(store, 'Goalstatus Round');
      const input = { ...visitInput(s.patient.id, s.provider.id), noteType: 'progress-report' as const };
      const created = await store.visits.create(s.clinic.id, { ...input, goalStatus: PROGRESS });
      if (!created.ok) throw new Error(created.reason);
      expect(created.value.goalStatus).toEqual(PROGRESS);
      expect((await store.visits.get(s.clinic.id, created.value.id))?.goalStatus).toEqual(PROGRESS);

      const changed: VisitGoalStatus = { g1: { status: 'met', measure: 'x5 in 10 s' } };
      const updated = await store.visits.update(s.clinic.id, created.value.id, 1, { ...input, goalStatus: changed });
      if (!updated.ok) throw new Error(updated.reason);
      expect(updated.value.goalStatus).toEqual(changed);
      expect((await store.visits.get(s.clinic.id, created.value.id))?.goalStatus).toEqual(changed);

      // An empty record is none: stored as null and absent on read.
      const cleared = await store.visits.update(s.clinic.id, created.value.id, 2, { ...input, goalStatus: {} });
      if (!cleared.ok) throw new Error(cleared.reason);
      const got = await store.visits.get(s.clinic.id, created.value.id);
      expect(got && 'goalStatus' in got).toBe(false);
      const [row] = (await target.raw(
        `SELECT goal_status FROM visits WHERE id = ${target.engine === 'postgres' ? '$1' : '?'}`,
        [created.value.id],
      )) as { goal_status: string | null }[];
      expect(row?.goal_status).toBeNull();
    });

    it('hashes goal status only when present, and a signed note keeps it unchangeable', async () => {
      const s = await seedClinic(store, 'Goalstatus Signed');
      const input = { ...visitInput(s.patient.id, s.provider.id), noteType: 'progress-report' as const };
      const plain = await store.visits.create(s.clinic.id, input);
      if (!plain.ok) throw new Error(plain.reason);
      const withEmpty = { ...plain.value, goalStatus: {} };
      expect(hashVisitContent(withEmpty)).toBe(hashVisitContent(plain.value));

      const created = await store.visits.create(s.clinic.id, { ...input, goalStatus: PROGRESS });
      if (!created.ok) throw new Error(created.reason);
      const hash = hashVisitContent(created.value);
      expect(hash).not.toBe(hashVisitContent({ ...created.value, id: plain.value.id, goalStatus: undefined }));
      expect(hashVisitContent({ ...created.value, id: plain.value.id, goalStatus: undefined })).toBe(
        hashVisitContent(plain.value),
      );
      const signed = await store.visits.sign(s.clinic.id, created.value.id, {
        expectedVersion: 1,
        userId: s.owner.id,
        contentHash: hash,
      });
      if (!signed.ok) throw new Error(signed.reason);
      expect(signed.value.goalStatus).toEqual(PROGRESS);
      expect(hashVisitContent(signed.value)).toBe(hash);

      const p = target.engine === 'postgres' ? '$1' : '?';
      await expect(
        target.raw(`UPDATE visits SET goal_status = NULL WHERE id = ${p}`, [created.value.id]),
      ).rejects.toThrow(/signed visit is immutable/);
      expect((await store.visits.get(s.clinic.id, created.value.id))?.goalStatus).toEqual(PROGRESS);
    });
  });
}
