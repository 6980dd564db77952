import type { Kysely } from 'kysely';
import type { Engine } from '../types.ts';

/**
 * One forward-only migration. `name` is `NNNN-what` and decides the order; `up` gets the engine so that the few
 * engine-specific statements (triggers) can differ while the tables stay one schema.
 */
export interface StoreMigration {
  name: string;
  /** Untyped tables: a migration must not depend on today's table types, which change after it (Kysely's advice). */
  // biome-ignore lint/suspicious/noExplicitAny: Kysely's migration API is typed Kysely<any>; unknown breaks its types.
  up(db: Kysely<any>, engine: Engine): Promise<void>;
}

/** The database handle migrations get. */
export type KyselyAny = Parameters<StoreMigration['up']>[0];
