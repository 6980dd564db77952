/**
 * Migration 0010 on a database that already has providers and patients (both engines): providers get their first
 * and last name split from the display name (the credential dropped), patients keep their rows and read back with
 * no diagnoses and no referring provider.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { connect } from '../src/db/connect.ts';
import { MIGRATIONS, openStore, runMigrations } from '../src/index.ts';
import { type Target, targetFactories } from './helpers/targets.ts';

const BEFORE = MIGRATIONS.filter((m) => m.name < '0010');

for (const factory of await targetFactories()) {
  describe.skipIf(factory.skip !== undefined)(
    `migration 0010 on ${factory.engine}${factory.skip ? ` (skipped: ${factory.skip})` : ''}`,
    () => {
      let target: Target | undefined;
      afterEach(async () => {
        await target?.dispose();
      });

      it('splits existing providers’ names and leaves patients readable', async () => {
        target = factory.make();
        const conn = await connect(target.url);
        await runMigrations(conn.db, conn.engine, BEFORE);
        const now = '2026-01-01T00:00:00.000Z';
        await conn.db.insertInto('clinics').values({ id: 'c1', name: 'Old clinic', created_at: now }).execute();
        const provider = (id: string, name: string) => ({
          clinic_id: 'c1',
          id,
          user_id: null,
          name,
          npi: '1245319599',
          discipline: 'OT',
          credential: 'OT',
          created_at: now,
          updated_at: now,
        });
        // Typed tables know the new columns; the rows are what an older schema held.
        // biome-ignore lint/suspicious/noExplicitAny: inserting rows of the pre-0010 schema
        const old = conn.db as any;
        await old
          .insertInto('providers')
          .values([provider('p1', 'Olga Therapist, OT'), provider('p2', 'Mary Ann Lee'), provider('p3', 'Cher')])
          .execute();
        await old
          .insertInto('patients')
          .values({
            clinic_id: 'c1',
            id: 'pa1',
            first_name: 'Ida',
            last_name: 'Lane',
            birth_date: '1951-07-04',
            sex: 'F',
            created_at: now,
            updated_at: now,
          })
          .execute();
        expect(await runMigrations(conn.db, conn.engine)).toContain('0010-intake-and-provider-names');
        await conn.close();
        const store = await openStore(target.url);
        try {
          const names = (await store.providers.list('c1')).items.map((p) => [p.name, p.firstName, p.lastName]);
          expect(names).toEqual([
            ['Cher', '', 'Cher'],
            ['Mary Ann Lee', 'Mary Ann', 'Lee'],
            ['Olga Therapist, OT', 'Olga', 'Therapist'],
          ]);
          const rows = (await target.raw('SELECT first_name, last_name FROM providers ORDER BY id')) as {
            first_name: string;
            last_name: string;
          }[];
          expect(rows.map((r) => r.last_name)).toEqual(['Therapist', 'Lee', 'Cher']);
          const patient = await store.patients.get('c1', 'pa1');
          expect([patient?.diagnoses, patient?.referringProvider]).toEqual([[], null]);
        } finally {
          await store.close();
        }
      });
    },
  );
}
