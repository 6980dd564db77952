import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { openStore } from '@unitwise/store';
import BetterSqlite from 'better-sqlite3';
import { parseCommandArgs } from '../args.ts';
import type { Command } from '../command.ts';
import { UsageError } from '../usage-error.ts';
import {
  appliedMigrations,
  copyDatabase,
  openExisting,
  rowCounts,
  sizeOf,
  sqliteFileOf,
  unknownMigrations,
} from './sqlite-copy.ts';

const HELP = `Usage:
  unitwise restore --from FILE [--database-url URL]

Brings a backup made by \`unitwise backup\` into an EMPTY SQLite database (a file that does
not exist yet, or one with no tables). A database that holds anything is refused: restore
never overwrites data. The backup is checked first (integrity, and that it was not made by a
newer Unitwise than this one); then it is copied in, and migrations this build adds are run.
Stop the server on the target first.

  --from FILE          the backup file (required)
  --database-url URL   sqlite:PATH (default $DATABASE_URL, then sqlite:./data/unitwise.db)
  -h, --help           show this help

On PostgreSQL restore a pg_dump file with the database's own tool, into an empty database:
  pg_restore --no-owner --dbname="$DATABASE_URL" unitwise.dump

Exit status: 0 restored, 1 refused (the target is not empty, the backup is damaged or newer
than this build), 2 bad arguments, the backup cannot be read, or the URL is PostgreSQL.
`;

const PG_RESTORE_HINT =
  'on PostgreSQL restore a pg_dump file with pg_restore into an empty database: ' +
  'pg_restore --no-owner --dbname="$DATABASE_URL" unitwise.dump (see `unitwise restore --help`).';

const OPTIONS = { 'database-url': { type: 'string' }, from: { type: 'string' } } as const;

/**
 * Throws (exit 1) unless the target is absent, zero bytes, or a SQLite database without tables.
 * @param target - the target file
 */
async function assertEmpty(target: string): Promise<void> {
  const size = await sizeOf(target);
  if (size === undefined || size === 0) return;
  const db = openExisting(target, 'the target database');
  try {
    const tables = Object.keys(rowCounts(db));
    if (tables.length > 0)
      throw new UsageError(
        `the target database ${target} is not empty (${tables.length} tables); restore only into an empty database — ` +
          'give a new file with --database-url, or move this one aside first.',
        1,
      );
  } finally {
    db.close();
  }
}

/** `unitwise restore`: a SQLite backup into an empty database. */
export const command: Command = {
  summary: 'bring a backup into an empty SQLite database (PostgreSQL: pg_restore)',
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, OPTIONS, 'restore');
    if (values.help) {
      io.stdout.write(HELP);
      return 0;
    }
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'; give --from FILE.`);
    if (values.from === undefined) throw new UsageError('--from FILE is required: the backup to restore.');
    const target = sqliteFileOf(values['database-url'], io, PG_RESTORE_HINT);
    const from = path.resolve(io.cwd, values.from);
    if ((await sizeOf(from)) === undefined) throw new UsageError(`no backup at ${values.from}.`);
    const backup = openExisting(from, 'the backup');
    let copied: Awaited<ReturnType<typeof copyDatabase>>;
    try {
      const newer = unknownMigrations(appliedMigrations(backup, `the backup ${values.from}`));
      if (newer.length > 0)
        throw new UsageError(
          `the backup was made by a newer Unitwise (migrations ${newer.join(', ')} are unknown to this one); ` +
            'restore it with that version or later.',
          1,
        );
      await assertEmpty(target);
      if ((await sizeOf(path.dirname(target))) === undefined)
        throw new UsageError(`the folder for ${target} does not exist.`);
      // Copied beside the target and renamed over it whole; an empty target's leftover WAL must not replay onto it.
      const staged = `${target}.restoring-${process.pid}`;
      copied = await copyDatabase(backup, staged, io, 'restoring');
      for (const f of [`${target}-wal`, `${target}-shm`]) await rm(f, { force: true });
      await rename(staged, target);
    } finally {
      backup.close();
    }
    // Opening through the store runs the migrations this build adds and proves the result opens as the server would.
    let applied: string[];
    try {
      const store = await openStore(`sqlite:${target}`, { migrate: false });
      try {
        applied = await store.migrate();
      } finally {
        await store.close();
      }
    } catch (err) {
      io.stderr.write(
        `unitwise restore: restored to ${target}, but it does not migrate: ${err instanceof Error ? err.message : err}\n`,
      );
      return 1;
    }
    const check = new BetterSqlite(target, { fileMustExist: true, readonly: true });
    const tables = Object.keys(rowCounts(check)).length;
    check.close();
    io.stderr.write(
      `restored ${from} to ${target}: ${copied.pages} pages, ${tables} tables, ${copied.migrations.length} migrations` +
        `${applied.length > 0 ? `, ${applied.length} newer applied` : ''}.\n`,
    );
    return 0;
  },
};
