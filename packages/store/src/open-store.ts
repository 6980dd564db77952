import { StoreError } from './errors.ts';
import type { OpenStoreOptions, Store } from './types.ts';

/**
 * Opens the store named by a `DATABASE_URL`: `sqlite:PATH` (parent folders created; `sqlite::memory:` in memory)
 * or `postgres://...` (a pg Pool; `?schema=NAME` sets the search path). Runs pending migrations unless told not to.
 * @param url - the database URL
 * @param opts - clock and migration options
 */
export async function openStore(url: string, opts: OpenStoreOptions = {}): Promise<Store> {
  void url;
  void opts;
  throw new StoreError('unexpected', 'openStore: not implemented yet');
}
