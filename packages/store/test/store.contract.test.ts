/**
 * The store's contract, run against every engine: SQLite always, PostgreSQL whenever reachable (and required under
 * CI, where UNITWISE_REQUIRE_PG=1 turns its absence into failures). Each engine gets a fresh database: a temp file,
 * or a schema of its own in the test database (dropped at the end), so parallel runs never meet.
 */
import { afterAll, beforeAll, describe } from 'vitest';
import { openStore } from '../src/index.ts';
import { accountsContract } from './contract/accounts.ts';
import type { ContractContext } from './contract/context.ts';
import { intakeContract } from './contract/intake.ts';
import { migrationsContract } from './contract/migrations.ts';
import { peopleContract } from './contract/people.ts';
import { recordsContract } from './contract/records.ts';
import { roundTripContract } from './contract/round-trip.ts';
import { scopingContract } from './contract/scoping.ts';
import { transactionsContract } from './contract/transactions.ts';
import { visitTimersContract } from './contract/visit-timers.ts';
import { visitsContract } from './contract/visits.ts';
import { steppingClock, targetFactories } from './helpers/targets.ts';

for (const factory of await targetFactories()) {
  const title = factory.skip ? `store on ${factory.engine} (skipped: ${factory.skip})` : `store on ${factory.engine}`;
  describe.skipIf(factory.skip !== undefined)(title, () => {
    // Filled before any test runs; the contract functions only read it inside tests.
    const ctx = { engine: factory.engine } as ContractContext;
    beforeAll(async () => {
      ctx.target = factory.make();
      ctx.store = await openStore(ctx.target.url, { clock: steppingClock() });
    });
    afterAll(async () => {
      await ctx.store?.close();
      await ctx.target?.dispose();
    });
    migrationsContract(ctx);
    accountsContract(ctx);
    peopleContract(ctx);
    visitsContract(ctx);
    visitTimersContract(ctx);
    roundTripContract(ctx);
    scopingContract(ctx);
    transactionsContract(ctx);
    recordsContract(ctx);
    intakeContract(ctx);
  });
}
