import { stat } from 'node:fs/promises';
import path from 'node:path';
import { type VerifyReport, verifyDatabase } from '@unitwise/store';
import { parseCommandArgs } from '../args.ts';
import type { Command } from '../command.ts';
import type { CliIO } from '../io.ts';
import { UsageError } from '../usage-error.ts';

const HELP = `Usage:
  unitwise verify --database-url URL [--json]

Checks that nothing was changed behind the application's back (the tamper check, issue 18):
  - every signed note's content hash is recomputed from the note as stored and compared with the
    hash kept at signing;
  - every clinic's audit log hash chain is recomputed entry by entry (each entry's hash covers the
    one before it, so an edited, inserted or deleted entry breaks the chain from there on).
Prints the first row that does not match in each table (table, id, what differs) and never any
note text or names. Read-only: the database must already be migrated (start the server once).

  --database-url URL   sqlite:PATH or postgres://... (default $DATABASE_URL)
  --json               print { ok, clinics, signedVisits, auditEntries, mismatches: [{ table, clinicId, id, differs }] }
  -h, --help           show this help

Progress goes to standard error on large databases.
Exit status: 0 everything matches, 1 a mismatch was found, 2 bad arguments or the database cannot be opened.
`;

const OPTIONS = { 'database-url': { type: 'string' }, json: { type: 'boolean', default: false } } as const;

/** A relative `sqlite:` path is taken from the working directory; a missing file is refused, never created. */
async function resolveUrl(url: string, cwd: string): Promise<string> {
  if (!url.startsWith('sqlite:')) return url;
  const file = url.slice('sqlite:'.length);
  if (file === '' || file.startsWith(':'))
    throw new UsageError('verify needs a database file, not an empty or in-memory one.');
  const full = path.isAbsolute(file) ? file : path.resolve(cwd, file);
  if (!(await stat(full).catch(() => null))) throw new UsageError(`no database at ${file}.`);
  return `sqlite:${full}`;
}

/** The report as lines for people. */
function text(report: VerifyReport): string {
  const counts = `${report.signedVisits} signed note(s) and ${report.auditEntries} audit entries in ${report.clinics} clinic(s)`;
  if (report.mismatches.length === 0) return `ok: ${counts} match.\n`;
  const lines = report.mismatches.map(
    (m) => `mismatch: table ${m.table}, id ${m.id} (clinic ${m.clinicId}): ${m.differs}\n`,
  );
  return `${lines.join('')}checked ${counts}; ${report.mismatches.length} table(s) do not match.\n`;
}

/** `unitwise verify`: recompute signed notes' hashes and the audit log's hash chain, and name the first mismatch. */
export const command: Command = {
  summary: "check signed notes' content hashes and the audit log's hash chain (the tamper check)",
  async run(argv, io: CliIO) {
    const { values, positionals } = parseCommandArgs(argv, OPTIONS, 'verify');
    if (values.help) {
      io.stdout.write(HELP);
      return 0;
    }
    if (positionals.length > 0) throw new UsageError(`verify takes no file (got '${positionals[0]}').`);
    const given = values['database-url'] ?? io.env.DATABASE_URL;
    if (!given) throw new UsageError('--database-url URL is required (or set DATABASE_URL).');
    const url = await resolveUrl(given, io.cwd);
    let report: VerifyReport;
    try {
      report = await verifyDatabase(url, (what, n) =>
        io.stderr.write(`verify: ${n} ${what === 'visits' ? 'signed notes' : 'audit entries'} checked\n`),
      );
    } catch (err) {
      throw new UsageError(`cannot verify the database: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (values.json) io.stdout.write(`${JSON.stringify({ ok: report.mismatches.length === 0, ...report })}\n`);
    else io.stdout.write(text(report));
    return report.mismatches.length === 0 ? 0 : 1;
  },
};
