import { connect } from './db/connect.ts';
import { listen, notify, withAdvisoryLock } from './db/pg-coordination.ts';
import { claimSqliteFile, type ProcessLock } from './db/sqlite-process-lock.ts';
import { pendingMigrations, runMigrations } from './migrate.ts';
import { createRepositories } from './repos/index.ts';
import type { OpenStoreOptions, Store } from './types.ts';

/** The embedded database `npm start` uses when DATABASE_URL is not set: a SQLite file under ./data. */
export const DEFAULT_DATABASE_URL = 'sqlite:./data/unitwise.db';

/**
 * Opens the store named by a `DATABASE_URL`: `sqlite:PATH` (parent folders created; `sqlite::memory:` in memory)
 * or `postgres://...` (a pg Pool; `?schema=NAME` creates that schema and puts it on the search path).
 * Runs pending migrations unless `opts.migrate` is false.
 * @param url - the database URL
 * @param opts - clock, migration and file-claim options
 */
export async function openStore(url: string, opts: OpenStoreOptions = {}): Promise<Store> {
  const conn = await connect(url);
  let claim: ProcessLock | undefined;
  if (opts.claimFile && conn.path && conn.path !== ':memory:') {
    try {
      claim = claimSqliteFile(conn.path);
    } catch (err) {
      await conn.close();
      throw err;
    }
  }
  const clock = opts.clock ?? (() => new Date());
  const repos = createRepositories({ db: conn.db, engine: conn.engine, now: () => clock().toISOString() });
  const pool = conn.pool;
  const store: Store = {
    ...repos,
    // runMigrations holds its own advisory lock on PostgreSQL, so processes starting together migrate once.
    migrate: () => runMigrations(conn.db, conn.engine),
    pendingMigrations: () => pendingMigrations(conn.db, conn.engine),
    exclusive: (name, fn) => (pool ? withAdvisoryLock(pool, `unitwise:${name}`, fn) : fn()),
    broadcast: async (channel) => {
      if (pool) await notify(pool, channel);
    },
    subscribe: async (channel, handler, onLost) =>
      pool ? listen(pool, channel, handler, onLost) : async () => undefined,
    async close() {
      await conn.close();
      claim?.release();
    },
  };
  if (opts.migrate !== false) {
    try {
      await store.migrate();
    } catch (err) {
      await store.close();
      throw err;
    }
  }
  return store;
}
