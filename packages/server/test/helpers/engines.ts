import { randomBytes } from 'node:crypto';
import { openStore, type Store } from '@unitwise/store';
import pg from 'pg';

/** The PostgreSQL the HTTP suite uses: PG_TEST_URL, else the local test database. */
export const PG_URL = process.env.PG_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface EngineTarget {
  name: 'sqlite' | 'postgres';
  /** Why the engine is skipped, when it is. */
  skip?: string;
  /** Opens a fresh, migrated store (a memory database, or a schema of its own) and a way to drop it. */
  open(clock: () => Date): Promise<{ store: Store; dispose(): Promise<void> }>;
}

async function probe(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The engines to run the HTTP suite on: SQLite in memory always; PostgreSQL when reachable (a printed skip otherwise,
 * and a failure under UNITWISE_REQUIRE_PG=1).
 */
export async function engineTargets(): Promise<EngineTarget[]> {
  const sqlite: EngineTarget = {
    name: 'sqlite',
    async open(clock) {
      const store = await openStore('sqlite::memory:', { clock });
      return { store, dispose: () => store.close() };
    },
  };
  const postgres: EngineTarget = {
    name: 'postgres',
    async open(clock) {
      const schema = `uw_server_test_${randomBytes(6).toString('hex')}`;
      const url = new URL(PG_URL);
      url.searchParams.set('schema', schema);
      const store = await openStore(url.toString(), { clock });
      return {
        store,
        async dispose() {
          await store.close();
          const c = new pg.Client({ connectionString: PG_URL });
          await c.connect();
          await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
          await c.end();
        },
      };
    },
  };
  const reason = await probe();
  if (reason !== undefined && process.env.UNITWISE_REQUIRE_PG !== '1') {
    const skip = `PostgreSQL not reachable at ${new URL(PG_URL).host} (${reason}); set UNITWISE_REQUIRE_PG=1 to fail instead`;
    console.warn(`[server] skipping the HTTP suite on PostgreSQL: ${skip}`);
    return [sqlite, { ...postgres, skip }];
  }
  return [sqlite, postgres];
}
