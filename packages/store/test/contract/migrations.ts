import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { assertOrdered, MIGRATIONS, openStore, StoreError } from '../../src/index.ts';
import { PG_URL } from '../helpers/targets.ts';
import type { ContractContext } from './context.ts';

/** @param ctx - the engine's store */
export function migrationsContract(ctx: ContractContext): void {
  describe('migrations', () => {
    it('are already applied by openStore, and running them again applies nothing', async () => {
      expect(await ctx.store.migrate()).toEqual([]);
      expect(await ctx.store.migrate()).toEqual([]);
    });

    it('recorded every migration, in list order', async () => {
      const rows = (await ctx.target.raw('SELECT name FROM kysely_migration ORDER BY timestamp, name')) as {
        name: string;
      }[];
      expect(rows.map((r) => r.name)).toEqual(MIGRATIONS.map((m) => m.name));
    });

    it('a second store on the same database opens without migrating again', async () => {
      const again = await openStore(ctx.target.url);
      try {
        expect(await again.migrate()).toEqual([]);
        expect(await again.clinics.get('no-such-clinic')).toBeUndefined();
      } finally {
        await again.close();
      }
    });

    if (ctx.engine === 'postgres') {
      it('two servers migrating one new schema at once: the advisory lock lets one apply, the other finds it done', async () => {
        const schema = `uw_test_lock_${randomBytes(4).toString('hex')}`;
        const url = new URL(PG_URL);
        url.searchParams.set('schema', schema);
        try {
          const stores = await Promise.all([openStore(url.toString()), openStore(url.toString())]);
          const rows = (await ctx.target.raw(`SELECT name FROM "${schema}".kysely_migration ORDER BY name`)) as {
            name: string;
          }[];
          expect(rows.map((r) => r.name)).toEqual(MIGRATIONS.map((m) => m.name));
          for (const s of stores) expect(await s.migrate()).toEqual([]);
          await Promise.all(stores.map((s) => s.close()));
        } finally {
          await ctx.target.raw(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        }
      });
    }

    it('names are NNNN-name, unique and ascending; an out-of-order list is refused', () => {
      expect(() => assertOrdered(MIGRATIONS)).not.toThrow();
      const [first, second] = MIGRATIONS;
      if (!first || !second) throw new Error('expected at least two migrations');
      expect(() => assertOrdered([second, first])).toThrow(StoreError);
      expect(() => assertOrdered([first, first])).toThrow(/out of order/);
      expect(() => assertOrdered([{ name: 'initial', up: async () => undefined }])).toThrow(/bad migration name/);
    });
  });
}
