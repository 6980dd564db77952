import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import type { Database } from './db/schema.ts';
import { StoreError } from './errors.ts';
import { MIGRATIONS, type StoreMigration } from './migrations/index.ts';
import type { Engine } from './types.ts';

/**
 * Throws unless names are `NNNN-name`, unique and in ascending order: Kysely runs migrations by name, so the list
 * order and the run order must be the same.
 * @param list - the migrations
 */
export function assertOrdered(list: readonly StoreMigration[]): void {
  let previous = '';
  for (const m of list) {
    if (!/^\d{4}-[a-z0-9-]+$/.test(m.name)) throw new StoreError('migration', `bad migration name ${m.name}`);
    if (m.name <= previous) throw new StoreError('migration', `migration ${m.name} is out of order after ${previous}`);
    previous = m.name;
  }
}

/** Our advisory lock key ("unitwise migrations"); Kysely's own lock uses another. */
const MIGRATION_LOCK_KEY = 7_436_912_001;

/**
 * Holds a session advisory lock on one connection while `fn` runs on the pool. Kysely takes its lock only after
 * creating its bookkeeping tables, and two servers starting on an empty database race there; this lock closes that gap.
 * @param db - the database
 * @param fn - the migration run
 */
async function withPostgresLock<T>(db: Kysely<Database>, fn: () => Promise<T>): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql`SELECT pg_advisory_lock(${sql.lit(MIGRATION_LOCK_KEY)})`.execute(conn);
    try {
      return await fn();
    } finally {
      await sql`SELECT pg_advisory_unlock(${sql.lit(MIGRATION_LOCK_KEY)})`.execute(conn);
    }
  });
}

/**
 * Runs the pending migrations with Kysely's Migrator, which holds its lock (a PostgreSQL advisory lock; SQLite's
 * single connection) while it runs; on PostgreSQL our own advisory lock also covers Kysely's table creation. PostgreSQL runs them in one transaction; on SQLite each runs in its own.
 * @param db - the database
 * @param engine - which engine, for engine-specific statements
 * @param list - the ordered migrations (default: all of ours)
 * @returns the names applied now
 */
export async function runMigrations(
  db: Kysely<Database>,
  engine: Engine,
  list: readonly StoreMigration[] = MIGRATIONS,
): Promise<string[]> {
  assertOrdered(list);
  const migrator = await makeMigrator(db, engine, list);
  const { error, results } =
    engine === 'postgres'
      ? await withPostgresLock(db, () => migrator.migrateToLatest())
      : await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '?';
    throw new StoreError('migration', `migration ${failed} failed`, error);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * The migrations not yet applied (all of them on an empty database), without changing anything; for readiness.
 * @param db - the database
 * @param engine - which engine
 * @param list - the ordered migrations (default: all of ours)
 */
export async function pendingMigrations(
  db: Kysely<Database>,
  engine: Engine,
  list: readonly StoreMigration[] = MIGRATIONS,
): Promise<string[]> {
  const migrator = await makeMigrator(db, engine, list);
  return (await migrator.getMigrations()).filter((m) => m.executedAt === undefined).map((m) => m.name);
}

/** Kysely's Migrator over our list, its bookkeeping tables pinned to our schema on PostgreSQL. */
async function makeMigrator(db: Kysely<Database>, engine: Engine, list: readonly StoreMigration[]): Promise<Migrator> {
  const provider: MigrationProvider = {
    async getMigrations() {
      const out: Record<string, Migration> = {};
      for (const m of list) {
        out[m.name] = {
          // SQLite DDL is transactional too, but Kysely does not wrap it; do so, so a failed migration leaves nothing.
          up: (d) => (engine === 'sqlite' ? d.transaction().execute((trx) => m.up(trx, engine)) : m.up(d, engine)),
        };
      }
      return out;
    },
  };
  // Kysely looks for its bookkeeping tables in every schema; pin them to ours, or another schema's copy fools it.
  const schema =
    engine === 'postgres'
      ? (await sql<{ name: string }>`SELECT current_schema() AS name`.execute(db)).rows[0]?.name
      : undefined;
  return new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
}
