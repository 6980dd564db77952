import { connect } from './db/connect.ts';
import { runMigrations } from './migrate.ts';
import { createRepositories } from './repos/index.ts';
import type { OpenStoreOptions, Store } from './types.ts';

/** The embedded database `npm start` uses when DATABASE_URL is not set: a SQLite file under ./data. */
export const DEFAULT_DATABASE_URL = 'sqlite:./data/unitwise.db';

/**
 * Opens the store named by a `DATABASE_URL`: `sqlite:PATH` (parent folders created; `sqlite::memory:` in memory)
 * or `postgres://...` (a pg Pool; `?schema=NAME` creates that schema and puts it on the search path).
 * Runs pending migrations unless `opts.migrate` is false.
 * @param url - the database URL
 * @param opts - clock and migration options
 */
export async function openStore(url: string, opts: OpenStoreOptions = {}): Promise<Store> {
  const conn = await connect(url);
  const clock = opts.clock ?? (() => new Date());
  const repos = createRepositories({ db: conn.db, engine: conn.engine, now: () => clock().toISOString() });
  const store: Store = {
    ...repos,
    migrate: () => runMigrations(conn.db, conn.engine),
    close: () => conn.close(),
  };
  if (opts.migrate !== false) {
    try {
      await store.migrate();
    } catch (err) {
      await conn.close();
      throw err;
    }
  }
  return store;
}
