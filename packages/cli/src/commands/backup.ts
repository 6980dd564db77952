import path from 'node:path';
import { parseCommandArgs } from '../args.ts';
import type { Command } from '../command.ts';
import { UsageError } from '../usage-error.ts';
import { copyDatabase, openExisting, sizeOf, sqliteFileOf } from './sqlite-copy.ts';

const HELP = `Usage:
  unitwise backup --out FILE [--database-url URL]

Makes a consistent copy of a SQLite database while the server keeps running, with SQLite's
online backup API. The copy is checked (integrity check, migrations recorded) before it is
given its name, so FILE is either a whole backup or absent. FILE must not exist yet.

  --database-url URL   sqlite:PATH (default $DATABASE_URL, then sqlite:./data/unitwise.db)
  --out FILE           where the copy goes (required)
  -h, --help           show this help

On PostgreSQL use the database's own tool, which is consistent while the servers run:
  pg_dump --format=custom --file=unitwise.dump "$DATABASE_URL"
and restore into an empty database with
  pg_restore --no-owner --dbname="$DATABASE_URL" unitwise.dump

Exit status: 0 the backup was written, 1 the copy failed its check, 2 bad arguments, the
database cannot be opened, FILE exists, or the URL is PostgreSQL (use pg_dump, above).
`;

/** The sentence a PostgreSQL URL gets: which tool makes the backup. */
export const PG_DUMP_HINT =
  'on PostgreSQL use pg_dump, which makes a consistent copy while the servers run: ' +
  'pg_dump --format=custom --file=unitwise.dump "$DATABASE_URL" (see `unitwise backup --help`).';

const OPTIONS = { 'database-url': { type: 'string' }, out: { type: 'string' } } as const;

/** `unitwise backup`: an online, consistent copy of a SQLite database. */
export const command: Command = {
  summary: 'copy a SQLite database while the server runs (PostgreSQL: pg_dump)',
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, OPTIONS, 'backup');
    if (values.help) {
      io.stdout.write(HELP);
      return 0;
    }
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'; give --out FILE.`);
    if (values.out === undefined) throw new UsageError('--out FILE is required: where the backup goes.');
    const source = sqliteFileOf(values['database-url'], io, PG_DUMP_HINT);
    const out = path.resolve(io.cwd, values.out);
    if ((await sizeOf(out)) !== undefined) throw new UsageError(`${values.out} already exists; choose a new name.`);
    if ((await sizeOf(path.dirname(out))) === undefined)
      throw new UsageError(`the folder for ${values.out} does not exist.`);
    if ((await sizeOf(source)) === undefined) throw new UsageError(`no database at ${source}.`);
    const db = openExisting(source, 'the database');
    try {
      const s = await copyDatabase(db, out, io, 'backing up');
      io.stderr.write(
        `backed up ${source} to ${out}: ${s.pages} pages, ${Math.ceil(s.bytes / 1024)} KiB, ${s.migrations.length} migrations.\n`,
      );
      return 0;
    } finally {
      db.close();
    }
  },
};
