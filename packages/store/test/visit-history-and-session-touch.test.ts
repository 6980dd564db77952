/**
 * The engine's history read (`visits.history`), the write routes' head read (`visits.head`) and idle session expiry
 * (`sessions.touch`), on every engine: SQLite always, PostgreSQL when reachable.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../src/index.ts';
import { seedClinic, visitInput } from './helpers/fixtures.ts';
import { steppingClock, type Target, targetFactories } from './helpers/targets.ts';

for (const factory of await targetFactories()) {
  const title = factory.skip ? `${factory.engine} (skipped: ${factory.skip})` : factory.engine;
  describe.skipIf(factory.skip !== undefined)(`history, head and session touch on ${title}`, () => {
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

    it('history is the visit list up to a date, newest first, limited, with the same services', async () => {
      const s = await seedClinic(store, 'History');
      const dates = ['2026-01-05', '2026-01-07', '2026-01-07', '2026-01-09', '2026-01-12'];
      for (const d of dates) {
        const r = await store.visits.create(s.clinic.id, visitInput(s.patient.id, s.provider.id, d));
        if (!r.ok) throw new Error(r.reason);
      }
      // A visit with no services still appears, with an empty list.
      const bare = await store.visits.create(s.clinic.id, {
        ...visitInput(s.patient.id, s.provider.id, '2026-01-08'),
        services: [],
      });
      if (!bare.ok) throw new Error(bare.reason);
      for (const [to, limit] of [
        ['2026-01-09', 200],
        ['2026-01-07', 2],
        ['2026-01-04', 10],
        ['2026-12-31', 3],
      ] as const) {
        const listed = await store.visits.list(s.clinic.id, { patientId: s.patient.id, to, limit });
        const history = await store.visits.history(s.clinic.id, s.patient.id, to, limit);
        expect(history.map((v) => v.id)).toEqual(listed.items.map((v) => v.id));
        expect(history.map((v) => v.services)).toEqual(listed.items.map((v) => v.services));
        const versions = await store.visits.historyVersions(s.clinic.id, s.patient.id, to, limit);
        expect(versions).toEqual(listed.items.map((v) => ({ id: v.id, date: v.date, version: v.version })));
        for (const [i, v] of history.entries()) {
          const l = listed.items[i];
          expect(v).toMatchObject({
            patientId: l?.patientId,
            date: l?.date,
            discipline: l?.discipline,
            noteType: l?.noteType,
            provider: l?.provider,
            timeIn: l?.timeIn,
            totalTimedMinutes: l?.totalTimedMinutes,
            version: l?.version,
            nonBillable: [],
          });
        }
      }
      expect(await store.visits.history('other-clinic', s.patient.id, '2026-12-31', 200)).toEqual([]);
      expect(await store.visits.historyVersions('other-clinic', s.patient.id, '2026-12-31', 200)).toEqual([]);
    });

    it('head names the patient, provider (login, credential), status, version and history, in the clinic only', async () => {
      const s = await seedClinic(store, 'Head');
      const r = await store.visits.create(s.clinic.id, visitInput(s.patient.id, s.provider.id));
      if (!r.ok) throw new Error(r.reason);
      expect(await store.visits.head(s.clinic.id, r.value.id)).toEqual({
        id: r.value.id,
        patientId: s.patient.id,
        providerId: s.provider.id,
        date: r.value.date,
        status: 'draft',
        version: 1,
        provider: { userId: s.provider.userId, credential: s.provider.credential },
        patientHistory: s.patient.history,
      });
      const history = { treatmentDaysSinceProgressReport: 3, thresholdSpentCents: { PT_SLP: 50_000 } };
      await store.patients.update(s.clinic.id, s.patient.id, { history });
      const none = await store.visits.create(s.clinic.id, {
        ...visitInput(s.patient.id, s.provider.id),
        provider: { credential: 'PT' },
      });
      if (!none.ok) throw new Error(none.reason);
      expect(await store.visits.head(s.clinic.id, none.value.id)).toMatchObject({
        providerId: null,
        provider: null,
        patientHistory: history,
      });
      expect(await store.visits.head('other-clinic', r.value.id)).toBeUndefined();
    });

    it('touch moves a live session’s expiry, never revives an expired one, and stays in its clinic', async () => {
      const s = await seedClinic(store, 'Touch');
      const live = await store.sessions.create(s.clinic.id, {
        userId: s.owner.id,
        tokenHash: 'touch-live',
        csrfToken: 'c1',
        expiresAt: '2098-01-01T00:00:00Z',
      });
      const old = await store.sessions.create(s.clinic.id, {
        userId: s.owner.id,
        tokenHash: 'touch-old',
        csrfToken: 'c2',
        expiresAt: '2020-01-01T00:00:00Z',
      });
      expect(await store.sessions.touch('other-clinic', live.id, '2099-01-01T00:00:00Z')).toBe(false);
      expect(await store.sessions.touch(s.clinic.id, live.id, '2099-01-01T00:00:00Z')).toBe(true);
      expect((await store.sessions.findByTokenHash('touch-live'))?.expiresAt).toBe('2099-01-01T00:00:00.000Z');
      expect(await store.sessions.touch(s.clinic.id, old.id, '2099-01-01T00:00:00Z')).toBe(false);
      expect(await store.sessions.findByTokenHash('touch-old')).toBeUndefined();
    });
  });
}
