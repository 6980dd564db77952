import { describe, expect, it } from 'vitest';
import { assertOrdered, MIGRATIONS, openStore, StoreError } from '../../src/index.ts';
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
