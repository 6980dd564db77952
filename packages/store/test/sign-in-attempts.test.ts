/**
 * The sign-in attempt counter on every engine: the count and the hold are one UPDATE, so attempts sent at once are
 * all counted up to the hold and the rest are refused ('held'), and a hold ends at its instant.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../src/index.ts';
import { steppingClock, type Target, targetFactories } from './helpers/targets.ts';

const NOW = '2026-03-02T15:00:00.000Z';
const LATER = '2026-03-02T15:05:00.000Z';
/** Five free attempts, then a hold until LATER (the server's schedule grows; one step is enough here). */
const holds = [{ failures: 5, until: LATER }];

for (const factory of await targetFactories()) {
  const title = factory.skip
    ? `sign-in attempts on ${factory.engine} (skipped: ${factory.skip})`
    : `sign-in attempts on ${factory.engine}`;
  describe.skipIf(factory.skip !== undefined)(title, () => {
    let target: Target;
    let store: Store;
    let clinicId = '';
    let userId = '';

    beforeAll(async () => {
      target = factory.make();
      store = await openStore(target.url, { clock: steppingClock() });
      clinicId = (await store.clinics.create({ name: 'Attempts' })).id;
      const user = await store.users.create(clinicId, {
        email: `attempts-${factory.engine}@example.test`,
        name: 'Ada Attempts',
        passwordHash: 'x',
        passwordSalt: 'y',
        roles: ['biller'],
      });
      if (!user.ok) throw new Error(user.reason);
      userId = user.value.id;
    });
    afterAll(async () => {
      await store?.close();
      await target?.dispose();
    });

    it('counts 20 parallel attempts: five pass, the fifth sets the hold, fifteen are held', async () => {
      const results = await Promise.all(
        Array.from({ length: 20 }, () => store.users.beginSignInAttempt(clinicId, userId, { now: NOW, holds })),
      );
      const counted = results.flatMap((r) => (r.ok ? [r.value] : []));
      expect(counted.sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5]);
      expect(results.filter((r) => !r.ok && r.reason === 'held')).toHaveLength(15);
      expect(await store.users.get(clinicId, userId)).toMatchObject({ failedSignIns: 5, lockedUntil: LATER });
    });

    it('counts again once the hold has passed, and a sign-in clears it', async () => {
      expect(await store.users.beginSignInAttempt(clinicId, userId, { now: LATER, holds })).toEqual({
        ok: true,
        value: 6,
      });
      await store.users.recordSignIn(clinicId, userId);
      expect(await store.users.get(clinicId, userId)).toMatchObject({ failedSignIns: 0, lockedUntil: null });
      expect(await store.users.beginSignInAttempt('other-clinic', userId, { now: NOW, holds })).toEqual({
        ok: false,
        reason: 'not-found',
      });
    });
  });
}
