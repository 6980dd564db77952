import { rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_DATABASE_URL, MIGRATIONS } from '@unitwise/store';
import BetterSqlite from 'better-sqlite3';
import type { CliIO } from '../io.ts';
import { UsageError } from '../usage-error.ts';

/** What `backup` and `restore` say about a copy they made. */
export interface CopySummary {
  pages: number;
  bytes: number;
  /** The migrations the copy records as applied, by name. */
  migrations: string[];
}

/**
 * The SQLite file a database URL names, relative to the working directory; a PostgreSQL URL is exit 2 with the
 * native tool to use instead (its own dump is consistent and restores across versions; ours would not be better).
 * @param url - the URL given, or undefined for $DATABASE_URL then the server's default
 * @param io - environment and working directory
 * @param pgHint - the sentence naming the PostgreSQL tool
 */
export function sqliteFileOf(url: string | undefined, io: CliIO, pgHint: string): string {
  const u = url ?? io.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  if (u.startsWith('postgres://') || u.startsWith('postgresql://')) {
    // libpq refuses our ?schema= parameter ("invalid URI query parameter"), so say how to pass it.
    const schemaTip = /[?&]schema=/.test(u) ? ' For a ?schema=NAME URL, drop the query and pass --schema=NAME.' : '';
    throw new UsageError(`${pgHint}${schemaTip}`);
  }
  if (!u.startsWith('sqlite:'))
    throw new UsageError(`--database-url must be sqlite:PATH or postgres://... (got '${u}').`);
  const file = u.slice('sqlite:'.length);
  if (file === '' || file.startsWith(':')) throw new UsageError('--database-url must name a SQLite file, not memory.');
  return path.resolve(io.cwd, file);
}

/** The file's size in bytes, or undefined when there is none. */
export async function sizeOf(file: string): Promise<number | undefined> {
  return (await stat(file).catch(() => null))?.size;
}

/**
 * Opens an existing SQLite file; a missing or non-database file is exit 2 naming it.
 * @param file - the path
 * @param what - how messages name it ("the database", "the backup")
 */
export function openExisting(file: string, what: string): BetterSqlite.Database {
  let db: BetterSqlite.Database;
  try {
    // A busy server holds write locks for milliseconds; wait that out rather than fail.
    db = new BetterSqlite(file, { fileMustExist: true, timeout: 5000 });
  } catch (err) {
    throw new UsageError(`cannot open ${what} ${file}: ${err instanceof Error ? err.message : String(err)}.`);
  }
  try {
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new UsageError(`${what} ${file} is damaged (SQLite quick_check: ${String(check)}).`, 1);
  } catch (err) {
    db.close();
    if (err instanceof UsageError) throw err;
    throw new UsageError(`${what} ${file} is not a SQLite database (${err instanceof Error ? err.message : err}).`);
  }
  return db;
}

/**
 * The migrations a Unitwise database records (Kysely's bookkeeping table); exit 2 when it has none.
 * @param db - the open database
 * @param label - how messages name it
 */
export function appliedMigrations(db: BetterSqlite.Database, label: string): string[] {
  const has = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'`).get();
  if (!has) throw new UsageError(`${label} is not a Unitwise database (it records no migrations).`);
  return (db.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as { name: string }[]).map((r) => r.name);
}

/**
 * The migrations a database has that this build does not know: made by a newer Unitwise.
 * @param applied - the migrations the database records
 */
export function unknownMigrations(applied: readonly string[]): string[] {
  const known = new Set(MIGRATIONS.map((m) => m.name));
  return applied.filter((n) => !known.has(n));
}

/**
 * The number of rows in each table of a SQLite database (SQLite's own tables left out), by table name.
 * @param db - the open database
 */
export function rowCounts(db: BetterSqlite.Database): Record<string, number> {
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .all() as { name: string }[];
  const out: Record<string, number> = {};
  for (const { name } of tables) {
    // Names come from sqlite_master, quoted as identifiers.
    out[name] = (db.prepare(`SELECT count(*) AS n FROM "${name.replaceAll('"', '""')}"`).get() as { n: number }).n;
  }
  return out;
}

/** Writes `label NN%` over itself on a terminal; prints nothing otherwise (logs get the one-line summary). */
function progressPrinter(io: CliIO, label: string): { step(done: number, total: number): void; end(): void } {
  let shown = false;
  return {
    step(done, total) {
      if (!io.stderr.isTTY || total === 0) return;
      io.stderr.write(`\r${label} ${Math.floor((100 * done) / total)}%`);
      shown = true;
    },
    end() {
      if (shown) io.stderr.write('\r\x1b[K');
    },
  };
}

/**
 * Copies a live SQLite database page by page with SQLite's online backup API (better-sqlite3 `db.backup`) into a
 * temporary file renamed over `out` only when whole, so a failure never leaves half a copy. Writes by another process
 * restart the copy; after the first restart the rest goes in one step, inside one read transaction, so it ends.
 * @param source - the open source database
 * @param out - the path of the copy (must not exist)
 * @param io - streams, for progress on a terminal
 * @param label - the progress label
 */
export async function copyDatabase(
  source: BetterSqlite.Database,
  out: string,
  io: CliIO,
  label: string,
): Promise<CopySummary> {
  const partial = `${out}.partial-${process.pid}`;
  const progress = progressPrinter(io, label);
  let lastRemaining = Number.POSITIVE_INFINITY;
  let restarted = false;
  try {
    const result = await source.backup(partial, {
      progress({ totalPages, remainingPages }) {
        if (remainingPages > lastRemaining) restarted = true;
        lastRemaining = remainingPages;
        progress.step(totalPages - remainingPages, totalPages);
        // Pages per step: 1000 (4 MB) keeps the server responsive; all at once once a writer has forced a restart.
        return restarted ? 0x7fffffff : 1000;
      },
    });
    progress.end();
    const copy = new BetterSqlite(partial, { fileMustExist: true });
    let migrations: string[];
    try {
      const check = copy.pragma('integrity_check', { simple: true });
      if (check !== 'ok') throw new UsageError(`the copy failed SQLite's integrity check (${String(check)}).`, 1);
      migrations = appliedMigrations(copy, 'the copy');
      // The copy is a single file: no WAL beside it to lose when it is moved.
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    await rename(partial, out);
    return { pages: result.totalPages, bytes: (await sizeOf(out)) ?? 0, migrations };
  } catch (err) {
    progress.end();
    await rm(partial, { force: true });
    await rm(`${partial}-journal`, { force: true });
    throw err;
  }
}
