import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite from 'better-sqlite3';
import { Kysely, PostgresDialect, type SqliteDatabase, SqliteDialect, type SqliteStatement } from 'kysely';
import pg from 'pg';
import { StoreError } from '../errors.ts';
import type { Engine } from '../types.ts';
import { startCheckpointer } from './checkpointer.ts';
import type { Database } from './schema.ts';
import { SqlStats } from './sql-stats.ts';

/** An open database: the Kysely instance, which engine, and how to close it. */
export interface Connection {
  db: Kysely<Database>;
  engine: Engine;
  /** The pg Pool on PostgreSQL, for advisory locks and LISTEN/NOTIFY. */
  pool?: pg.Pool;
  /** The file on SQLite (`:memory:` in memory). */
  path?: string;
  close(): Promise<void>;
}

/** How many prepared SQLite statements to keep; queries are parameterised, so the set of texts is small. */
const STATEMENT_CACHE_SIZE = 256;

/**
 * Opens SQLite through better-sqlite3 with WAL, foreign keys and a busy timeout, and a prepared-statement cache
 * (Kysely's driver would otherwise prepare every statement anew).
 * @param path - a file path (parent folders are created) or `:memory:`
 */
async function openSqlite(path: string): Promise<Connection> {
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const raw = new BetterSqlite(path);
  raw.pragma('journal_mode = WAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  // NORMAL is durable in WAL mode except for the last commits on power loss (sqlite.org/pragma.html#pragma_synchronous).
  raw.pragma('synchronous = NORMAL');
  const cache = new Map<string, SqliteStatement>();
  const database: SqliteDatabase = {
    close: () => raw.close(),
    prepare(text) {
      // Kysely opens transactions with a plain BEGIN; IMMEDIATE takes the write lock up front, so a transaction of
      // this process never fails half-way with SQLITE_BUSY when another process (a CLI, a second server) writes too.
      const sqlText = text === 'begin' ? 'begin immediate' : text;
      let stmt = cache.get(sqlText);
      if (!stmt) {
        // better-sqlite3's Statement has all/run/iterate/reader as Kysely's SqliteStatement expects.
        stmt = raw.prepare(sqlText) as unknown as SqliteStatement;
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.clear();
        cache.set(sqlText, stmt);
      }
      return stmt;
    },
  };
  const checkpointer = path === ':memory:' ? undefined : await startCheckpointer(path).catch(() => undefined);
  // The worker checkpoints now; the commit that crosses 1,000 WAL pages no longer does it on the event loop.
  if (checkpointer) raw.pragma('wal_autocheckpoint = 0');
  // After a checkpoint resets the WAL, the file is cut back to this size instead of keeping its largest.
  raw.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
  const stats = process.env.UNITWISE_SQL_STATS ? new SqlStats() : undefined;
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }), ...(stats ? { log: stats.log } : {}) });
  return {
    db,
    engine: 'sqlite',
    path,
    async close() {
      if (stats) process.stderr.write(stats.report());
      await checkpointer?.close();
      await db.destroy();
    },
  };
}

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/**
 * Opens a pg Pool. A `schema` query parameter (not part of libpq's URL) selects and creates a schema and puts it
 * first on the search path: tests use it to isolate runs, deployments to share one database.
 * @param url - `postgres://user:pass@host:port/db?schema=NAME`
 */
async function openPostgres(url: string): Promise<Connection> {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema');
  parsed.searchParams.delete('schema');
  if (schema !== null && !SCHEMA_NAME.test(schema)) throw new StoreError('bad-url', `invalid schema name in URL`);
  const pool = new pg.Pool({
    connectionString: parsed.toString(),
    max: 10,
    application_name: 'unitwise',
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle client losing its server emits 'error' on the pool; unhandled, that would end the process. The next
  // query gets a fresh client or a real error, which the repositories report.
  pool.on('error', () => undefined);
  try {
    if (schema) {
      // Two processes creating it at once: the loser gets a duplicate error although IF NOT EXISTS; that is fine.
      await pool.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`).catch((err: unknown) => {
        const code = typeof err === 'object' && err !== null && 'code' in err ? err.code : '';
        if (code !== '23505' && code !== '42P06') throw err;
      });
    } else {
      await pool.query('SELECT 1');
    }
  } catch (err) {
    await pool.end();
    throw new StoreError('unexpected', `cannot connect to PostgreSQL at ${parsed.host}`, err);
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: 'postgres', pool, close: () => db.destroy() };
}

/**
 * Opens the database a `DATABASE_URL` names: `sqlite:PATH`, `sqlite::memory:`, or `postgres://` / `postgresql://`.
 * @param url - the database URL
 */
export async function connect(url: string): Promise<Connection> {
  if (url.startsWith('sqlite:')) {
    let path = url.slice('sqlite:'.length);
    if (path.startsWith('//')) path = path.slice(2);
    if (path === '') throw new StoreError('bad-url', 'sqlite: URL without a path');
    return openSqlite(path);
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return openPostgres(url);
  throw new StoreError('bad-url', 'DATABASE_URL must start with sqlite: or postgres://');
}
