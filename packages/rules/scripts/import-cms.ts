/**
 * Imports the CMS quarterly files into packages/rules/data for the catalog codes, so a clinic can refresh
 * the NCCI, MUE and RVU reference data:
 *
 *   node --import tsx packages/rules/scripts/import-cms.ts \
 *     --ptp ccipra-v323r0-f1.txt --ptp ccipra-v323r0-f2.txt --quarter 2026Q4 --effective 2026-10-01 \
 *     --mue MCR_MUE_PractitionerServices_Eff_10-01-2026.csv --rvu PPRRVU2026_Oct.csv --year 2026 [--out DIR]
 *
 * Column layouts: test/fixtures/cms/README.md. Progress goes to stderr; errors name file and line, and
 * nothing is written when any input has an error (exit 1). Bad arguments exit 2.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CODES } from '../src/catalog/codes.ts';
import { type ImportError, type Progress, readMue, readPtp, readRvu } from './cms-files.ts';

interface Args {
  ptp: string[];
  mue?: string;
  rvu?: string;
  quarter?: string;
  effective?: string;
  year?: number;
  out: string;
}

const DEFAULT_OUT = resolve(dirname(fileURLToPath(import.meta.url)), '../data');

function usage(message: string): never {
  process.stderr.write(
    `import-cms: ${message}\nusage: import-cms [--ptp FILE]... [--mue FILE] [--rvu FILE] --quarter YYYYQn --effective YYYY-MM-DD --year YYYY [--out DIR]\n`,
  );
  process.exit(2);
}

function parseArgs(argv: string[]): Args {
  const a: Args = { ptp: [], out: DEFAULT_OUT };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) usage(`${flag} needs a value`);
    i++;
    if (flag === '--ptp') a.ptp.push(value);
    else if (flag === '--mue') a.mue = value;
    else if (flag === '--rvu') a.rvu = value;
    else if (flag === '--quarter') a.quarter = value;
    else if (flag === '--effective') a.effective = value;
    else if (flag === '--year') a.year = Number(value);
    else if (flag === '--out') a.out = value;
    else usage(`unknown option ${flag}`);
  }
  if (a.ptp.length === 0 && !a.mue && !a.rvu) usage('give at least one of --ptp, --mue, --rvu');
  if ((a.ptp.length > 0 || a.mue) && !/^\d{4}Q[1-4]$/.test(a.quarter ?? ''))
    usage('--quarter YYYYQn is required with --ptp or --mue');
  if (a.mue && !/^\d{4}-\d{2}-\d{2}$/.test(a.effective ?? '')) usage('--effective YYYY-MM-DD is required with --mue');
  if (a.rvu && !(Number.isInteger(a.year) && (a.year ?? 0) > 1990)) usage('--year YYYY is required with --rvu');
  return a;
}

const progress: Progress = (file, lines) =>
  process.stderr.write(`import-cms: ${file}: ${lines.toLocaleString('en-US')} lines read\n`);

/** Writes through a temporary file and a rename, so a failed run never leaves half a file. */
function writeJson(path: string, value: unknown): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, `${JSON.stringify(value, null, 2)}\n`);
  renameSync(tmp, path);
}

function readJson(path: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined; // absent or unreadable: the import starts a fresh file
  }
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const wanted = new Set(CODES.keys());
  const errors: ImportError[] = [];
  const outputs: [string, unknown][] = [];

  if (args.ptp.length > 0) {
    const edits = [];
    for (const f of args.ptp) edits.push(...(await readPtp(f, wanted, errors, progress)));
    edits.sort(
      (x, y) =>
        x.column1.localeCompare(y.column1) ||
        x.column2.localeCompare(y.column2) ||
        x.effective.localeCompare(y.effective),
    );
    outputs.push([
      'ncci-ptp.json',
      {
        title: 'NCCI procedure-to-procedure edits, Medicare practitioner file, pairs among the catalog codes',
        source: `CMS NCCI PTP practitioner edits ${args.quarter}, imported from ${args.ptp.map((f) => basename(f)).join(', ')} by scripts/import-cms.ts`,
        quarter: args.quarter,
        confirmed: true,
        note: "'deleted' is the last day the edit applies (inclusive); null: still active. Indicator 9 edits never apply.",
        edits,
      },
    ]);
  }

  if (args.mue) {
    const rows = await readMue(args.mue, wanted, errors, progress);
    const path = join(args.out, 'mue.json');
    const existing = readJson(path);
    const others = Array.isArray(existing?.quarters)
      ? (existing.quarters as { quarter?: string; effective?: string }[]).filter((q) => q.quarter !== args.quarter)
      : [];
    const quarter = { quarter: args.quarter, effective: args.effective, source: `CMS ${basename(args.mue)}`, rows };
    outputs.push([
      'mue.json',
      {
        title: 'Medically Unlikely Edits, practitioner services, for the catalog codes',
        source: `CMS MCR_MUE_PractitionerServices quarterly files, imported by scripts/import-cms.ts (latest: ${basename(args.mue)})`,
        confirmed: true,
        note: 'The earliest quarter held is applied to earlier dates of service.',
        quarters: [...others, quarter].sort((x, y) => String(x.effective).localeCompare(String(y.effective))),
      },
    ]);
  }

  if (args.rvu) {
    const rows = await readRvu(args.rvu, wanted, errors, progress);
    const path = join(args.out, 'rvu.json');
    const existing = readJson(path);
    const years: Record<string, unknown> =
      existing && typeof existing.years === 'object' && existing.years !== null ? { ...existing.years } : {};
    const fileSource = `CMS PPRRVU ${args.year}, ${basename(args.rvu)}, imported by scripts/import-cms.ts (work, non-facility PE, MP RVUs)`;
    const codes: Record<string, Record<string, unknown>> = {};
    for (const r of rows) {
      const status = r.status === 'B' || r.status === 'I' ? r.status : 'A';
      codes[r.code] = {
        work: r.work,
        pe: r.pe,
        mp: r.mp,
        total: r.total,
        status,
        ...(status === 'A' ? {} : { statusNote: STATUS_NOTES[status] }),
        confirmed: true,
        source: fileSource,
      };
    }
    // One year is replaced; the other years held stay as they were.
    years[String(args.year)] = { source: fileSource, confirmed: true, codes };
    outputs.push([
      'rvu.json',
      {
        title: 'Medicare PFS relative value units (national, non-facility) for every catalog code, by calendar year',
        note: 'Non-facility PE RVUs; codes without RVUs in a year are not priced under the PFS for that year. status: A priced, B bundled, I not valid for Medicare.',
        years: Object.fromEntries(Object.entries(years).sort(([a], [b]) => a.localeCompare(b))),
      },
    ]);
  }

  if (errors.length > 0) {
    for (const e of errors.slice(0, 50)) process.stderr.write(`import-cms: ${e.file}:${e.line}: ${e.message}\n`);
    if (errors.length > 50) process.stderr.write(`import-cms: ... and ${errors.length - 50} more errors\n`);
    process.stderr.write('import-cms: nothing written.\n');
    return 1;
  }
  mkdirSync(args.out, { recursive: true });
  for (const [name, value] of outputs) {
    writeJson(join(args.out, name), value);
    process.stderr.write(`import-cms: wrote ${join(args.out, name)}\n`);
  }
  return 0;
}

// Plain words for the PFS status indicators that are not paid separately (CMS PFS RVU file documentation).
const STATUS_NOTES: Record<'B' | 'I', string> = {
  B: 'PFS status B: bundled, no separate Medicare payment',
  I: 'PFS status I: not valid for Medicare',
};

process.exitCode = await main();
