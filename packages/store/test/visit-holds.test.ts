/**
 * Billing holds on visits (migration 0011) on every engine: a hold stands until released, one at a time per visit
 * (also when two are tried at once), released holds stay in the visit's history, and every read is clinic-scoped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ClaimsRepository, claimsRepository, openStore, type Store } from '../src/index.ts';
import { steppingClock, type Target, targetFactories } from './helpers/targets.ts';

async function seedVisit(store: Store, clinicId: string, date: string): Promise<string> {
  const patient = await store.patients.create(clinicId, {
    firstName: 'Hal',
    lastName: 'Holdtest',
    birthDate: '1951-04-03',
    sex: 'M',
  });
  const visit = await store.visits.create(clinicId, {
    patientId: patient.id,
    date,
    discipline: 'PT',
    provider: { credential: 'PT' },
    services: [{ code: '97110', minutes: 23, modifiers: ['GP'] }],
  });
  if (!visit.ok) throw new Error(visit.reason);
  return visit.value.id;
}

for (const factory of await targetFactories()) {
  const title = factory.skip
    ? `visit holds on ${factory.engine} (skipped: ${factory.skip})`
    : `visit holds on ${factory.engine}`;
  describe.skipIf(factory.skip !== undefined)(title, () => {
    let target: Target;
    let store: Store;
    let claims: ClaimsRepository;
    let clinicA = '';
    let clinicB = '';
    let v1 = '';
    let v2 = '';

    beforeAll(async () => {
      target = factory.make();
      const clock = steppingClock();
      store = await openStore(target.url, { clock });
      claims = claimsRepository(store, () => clock().toISOString());
      clinicA = (await store.clinics.create({ name: 'Holds A' })).id;
      clinicB = (await store.clinics.create({ name: 'Holds B' })).id;
      v1 = await seedVisit(store, clinicA, '2026-03-03');
      v2 = await seedVisit(store, clinicA, '2026-03-04');
    });
    afterAll(async () => {
      await store?.close();
      await target?.dispose();
    });

    it('holds a visit with a reason and refuses a second standing hold', async () => {
      const held = await claims.holdVisit(clinicA, v1, { reason: 'Waiting for the referral', userId: 'u-biller' });
      if (!held.ok) throw new Error(held.reason);
      expect(held.value).toMatchObject({
        visitId: v1,
        reason: 'Waiting for the referral',
        heldBy: 'u-biller',
        releasedAt: null,
      });
      expect(await claims.holdVisit(clinicA, v1, { reason: 'again' })).toEqual({ ok: false, reason: 'held' });
      const standing = await claims.standingHolds(clinicA, [v1, v2]);
      expect([...standing.keys()]).toEqual([v1]);
      expect(standing.get(v1)?.id).toBe(held.value.id);
    });

    it('releases a hold with its reason, keeps it in the history, and allows a new hold later', async () => {
      expect(await claims.releaseVisit(clinicA, v2, { reason: 'nothing held' })).toEqual({
        ok: false,
        reason: 'not-held',
      });
      const released = await claims.releaseVisit(clinicA, v1, { reason: 'Referral received', userId: 'u-owner' });
      if (!released.ok) throw new Error(released.reason);
      expect(released.value).toMatchObject({ releasedBy: 'u-owner', releaseReason: 'Referral received' });
      expect(released.value.releasedAt).not.toBeNull();
      expect((await claims.standingHolds(clinicA, [v1])).size).toBe(0);
      const again = await claims.holdVisit(clinicA, v1, { reason: 'Second look at the minutes' });
      expect(again.ok).toBe(true);
      const history = await claims.holdHistory(clinicA, v1);
      expect(history.map((h) => [h.reason, h.releaseReason])).toEqual([
        ['Waiting for the referral', 'Referral received'],
        ['Second look at the minutes', null],
      ]);
    });

    it('keeps one standing hold when two are placed at the same time', async () => {
      const results = await Promise.allSettled([
        claims.holdVisit(clinicA, v2, { reason: 'first' }),
        claims.holdVisit(clinicA, v2, { reason: 'second' }),
      ]);
      // One wins; the other sees the standing hold, or (PostgreSQL, same instant) the unique index refuses it.
      const won = results.filter((r) => r.status === 'fulfilled' && r.value.ok);
      expect(won).toHaveLength(1);
      const rows = await target.raw(
        target.engine === 'postgres'
          ? 'SELECT id FROM visit_holds WHERE visit_id = $1 AND released_at IS NULL'
          : 'SELECT id FROM visit_holds WHERE visit_id = ? AND released_at IS NULL',
        [v2],
      );
      expect(rows).toHaveLength(1);
    });

    it('names the live claim a visit is on, and forgets a claim once it is voided', async () => {
      const v3 = await seedVisit(store, clinicA, '2026-03-05');
      const claim = await claims.create(clinicA, {
        claimNumber: 'UWH00001',
        patientId: (await store.visits.head(clinicA, v3))?.patientId ?? '',
        payerId: null,
        payerPolicyId: 'commercial',
        renderingNpi: null,
        status: 'exported',
        frequency: '1',
        claim: {},
        chargeCents: 9000,
        lines: [
          {
            controlNumber: 'UWH00001-1',
            code: '97110',
            modifiers: ['GP'],
            dateOfService: '2026-03-05',
            units: 2,
            chargeCents: 9000,
            expectedCents: null,
          },
        ],
        visitIds: [v3],
        scrubErrors: [],
        scrubWarnings: [],
      });
      expect(await claims.claimsOfVisits(clinicA, [v3, v1])).toEqual(
        new Map([[v3, { claimId: claim.id, claimNumber: 'UWH00001', status: 'exported' }]]),
      );
      expect((await claims.claimsOfVisits(clinicB, [v3])).size).toBe(0);
      const voided = await claims.transition(clinicA, claim.id, { from: 'exported', to: 'voided', event: 'voided' });
      expect(voided.ok).toBe(true);
      expect((await claims.claimsOfVisits(clinicA, [v3])).size).toBe(0);
    });

    it('scopes holds by clinic: another clinic neither sees nor releases them, and cannot hold a visit it lacks', async () => {
      expect((await claims.standingHolds(clinicB, [v1, v2])).size).toBe(0);
      expect(await claims.holdHistory(clinicB, v1)).toEqual([]);
      expect(await claims.releaseVisit(clinicB, v1, { reason: 'x' })).toEqual({ ok: false, reason: 'not-held' });
      await expect(claims.holdVisit(clinicB, v1, { reason: 'not ours' })).rejects.toMatchObject({
        code: 'constraint',
      });
      expect((await claims.standingHolds(clinicA, [v1])).size).toBe(1);
    });
  });
}
