import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { EdiError, read835, remittanceText, remittanceView } from '@unitwise/edi';
import { parseCommandArgs } from '../args.ts';
import type { Command } from '../command.ts';
import type { CliIO } from '../io.ts';
import { UsageError } from '../usage-error.ts';
import { importRemittance } from './remit-db.ts';

const HELP = `Usage:
  unitwise remit read FILE [--json]
  unitwise remit import FILE --clinic CLINIC_ID [--database-url URL] [--user EMAIL] [--json]

read     Reads an X12 835 remittance (005010X221A1) and prints its payments, claims, service lines
         and adjustments with the reasons in plain words, and the result of each balancing check
         (service, claim, transaction). Read-only: nothing is posted.
         --json prints { ok, balanced, errors: [{ where, message }], warnings, payments, checks, summary }.
import   Posts an 835 to the clinic's claims in the database, as the web app does: lines matched by
         REF*6R, then code, date and charge; paid, contractual and patient amounts recorded; claims
         paid, partly paid or denied. Prints the claims matched, totals, variances and denials by rule,
         and writes a remit.import entry to the clinic's audit log. A file that does not balance is
         refused with its failing checks and nothing is written; the same file twice posts once.
         --database-url URL   sqlite:PATH or postgres://... (default $DATABASE_URL, then sqlite:./data/unitwise.db)
         --clinic CLINIC_ID   the clinic whose claims are paid (required)
         --user EMAIL         the clinic user the audit log names (default: the actor "cli")
         --json               print { ok, outcome, remittanceId, claims, totals, variances, denialsByRule }

  -h, --help   show this help

Exit status: read: 0 the file is sound and balances, 1 a check fails, 2 the file cannot be read.
import: 0 posted (or already posted), 1 refused (does not balance, has errors), 2 the file cannot be
read, the database cannot be opened, or the clinic or user does not exist.
FILE may be - for standard input.
`;

const OPTIONS = { json: { type: 'boolean', default: false } } as const;
const IMPORT_OPTIONS = {
  json: { type: 'boolean', default: false },
  'database-url': { type: 'string' },
  clinic: { type: 'string' },
  user: { type: 'string' },
} as const;

async function importFile(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, IMPORT_OPTIONS, 'remit import');
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  const [file, extra] = positionals;
  if (file === undefined) throw new UsageError('give the 835 file to import: unitwise remit import FILE --clinic ID.');
  if (extra !== undefined) throw new UsageError(`one file at a time (got '${extra}' too).`);
  if (values.clinic === undefined) throw new UsageError('--clinic CLINIC_ID is required.');
  return importRemittance(file, await readInputFile(file, io), values, io);
}

/**
 * Reads a file (or standard input for `-`) as bytes; a missing or unreadable file is a UsageError (exit 2).
 * @param file - the path, relative to the working directory
 * @param io - streams and working directory
 */
export async function readInputFile(file: string, io: CliIO): Promise<Uint8Array> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const c of io.stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
    return Buffer.concat(chunks);
  }
  try {
    return await readFile(path.resolve(io.cwd, file));
  } catch (err) {
    const code = (err as { code?: string }).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (code ?? 'unreadable');
    throw new UsageError(`cannot read ${file}: ${why}.`);
  }
}

/** `unitwise remit`: read 835 remittances, or import (post) one into a clinic's database. */
export const command: Command = {
  summary: 'read an 835 remittance (payments, adjustments in plain words, balancing), or post it to a clinic',
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (sub === undefined || sub === '-h' || sub === '--help' || sub === 'help') {
      io[sub === undefined ? 'stderr' : 'stdout'].write(HELP);
      return sub === undefined ? 2 : 0;
    }
    if (sub === 'import') return importFile(rest, io);
    if (sub !== 'read')
      throw new UsageError(`unknown sub-command '${sub}'. Use: remit read FILE, or remit import FILE --clinic ID.`);
    const { values, positionals } = parseCommandArgs(rest, OPTIONS, 'remit read');
    if (values.help) {
      io.stdout.write(HELP);
      return 0;
    }
    const [file, extra] = positionals;
    if (file === undefined) throw new UsageError('give the 835 file to read: unitwise remit read FILE.');
    if (extra !== undefined) throw new UsageError(`one file at a time (got '${extra}' too).`);
    const bytes = await readInputFile(file, io);
    let view: ReturnType<typeof remittanceView>;
    try {
      view = remittanceView(read835(bytes));
    } catch (err) {
      if (err instanceof EdiError) throw new UsageError(`cannot read ${file}: ${err.message}`);
      throw err;
    }
    io.stdout.write(values.json ? `${JSON.stringify(view, null, 2)}\n` : remittanceText(view, file));
    return view.ok ? 0 : 1;
  },
};
