import { access } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseCommandArgs } from '../args.ts';
import { describeJsonError } from '../audit/json-error.ts';
import { openOutput } from '../audit/output.ts';
import { type AuditSink, runAuditPipeline } from '../audit/pipeline.ts';
import { createProgress } from '../audit/progress.ts';
import { readCsv } from '../audit/read-csv.ts';
import { readJsonCaseFile } from '../audit/read-json.ts';
import { readJsonLines } from '../audit/read-jsonl.ts';
import type { InputRecord } from '../audit/records.ts';
import { createHtmlSink } from '../audit/sinks/html-sink.ts';
import { createJsonSink } from '../audit/sinks/json-sink.ts';
import { reorderSink } from '../audit/sinks/reorder-sink.ts';
import { createTableSink } from '../audit/sinks/table-sink.ts';
import { openSource, type Source } from '../audit/source.ts';
import { AuditTally } from '../audit/summary.ts';
import type { Command } from '../command.ts';
import type { CliIO } from '../io.ts';
import { UsageError } from '../usage-error.ts';

const HELP = `Usage: unitwise audit FILE [--format table|json|html] [--out FILE]

Audits a case file: units by each payer's method, every documentation and billing check, and a price
estimate per visit. FILE is .json (a case file), .jsonl (one case-file fragment a line), .csv (one
service a row), or - for standard input.

  --format F        table (default), json, or html (one self-contained page)
  --out FILE        write the report to FILE instead of standard output
  --input-format F  json, jsonl or csv, when the name or content does not say
  --patients FILE   a .json case file whose patients and payers apply (e.g. plans of care for a CSV)
  -h, --help        show this help

CSV columns: visit_id, patient_id, date, discipline, payer, credential, time_in, time_out, code,
minutes, assistant_minutes, units, modifiers (space-separated), group_size, description,
goal_ids (space-separated), response. Rows of one visit share visit_id and come together.

Exit status: 0 no error-severity finding, 1 at least one, 2 input errors (the valid visits are
still audited and reported).
`;

const OPTIONS = {
  format: { type: 'string', short: 'f', default: 'table' },
  out: { type: 'string', short: 'o' },
  'input-format': { type: 'string' },
  patients: { type: 'string' },
} as const;

const FORMATS = ['table', 'json', 'html'] as const;

async function loadBase(io: CliIO, file: string): Promise<{ patients: unknown[]; payers: unknown[] }> {
  const source = await openSource(io, file, 'json');
  const read = await source.text();
  const text = read.charCodeAt(0) === 0xfeff ? read.slice(1) : read;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    const { position, message } = describeJsonError(err, text);
    throw new UsageError(`--patients ${file}: ${position}: ${message}.`);
  }
  const obj = (raw ?? {}) as { patients?: unknown; payers?: unknown };
  if (!Array.isArray(obj.patients)) throw new UsageError(`--patients ${file}: needs a "patients" list.`);
  return { patients: obj.patients, payers: Array.isArray(obj.payers) ? obj.payers : [] };
}

function records(source: Source, base: Set<string>): AsyncIterable<InputRecord> | Iterable<InputRecord> {
  switch (source.format) {
    case 'jsonl':
      return readJsonLines(source.stream());
    case 'csv':
      return readCsv(source.stream(), base);
    case 'json':
      return (async function* () {
        yield* readJsonCaseFile(await source.text());
      })();
  }
}

/** `unitwise audit`: audit a case file and report units, findings and estimates. */
export const command: Command = {
  summary: 'audit a case file (.json, .jsonl, .csv, - for stdin): units, findings, estimates',
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, OPTIONS, 'audit');
    if (values.help) {
      io.stdout.write(HELP);
      return 0;
    }
    if (positionals.length !== 1) {
      throw new UsageError(
        positionals.length === 0
          ? 'give the FILE to audit (or - for standard input).'
          : `give one FILE; got ${positionals.length}.`,
      );
    }
    const format = FORMATS.find((f) => f === values.format);
    if (!format) throw new UsageError(`unknown --format '${values.format}'. Use one of: ${FORMATS.join(', ')}.`);
    if (values.out !== undefined && values.out !== '-') {
      const dir = dirname(resolve(io.cwd, values.out));
      await access(dir).catch(() => {
        throw new UsageError(`cannot write --out '${values.out}': no such folder '${dir}'.`);
      });
    }
    const base = values.patients === undefined ? undefined : await loadBase(io, values.patients);
    const source = await openSource(io, positionals[0] as string, values['input-format']);
    const out = openOutput(io, values.out);
    const writer: AuditSink =
      format === 'json'
        ? createJsonSink(out)
        : format === 'html'
          ? await createHtmlSink(out, `Unitwise audit: ${source.name}`)
          : createTableSink(out);
    const sink = source.format === 'json' ? reorderSink(writer) : writer;
    const progress = createProgress(io, source.size);
    const tally = new AuditTally();
    const baseIds = new Set(base?.patients.map((p) => String((p as { id?: unknown } | null)?.id)) ?? []);
    await runAuditPipeline(records(source, baseIds), sink, tally, {
      stream: source.format !== 'json',
      ...(base ? { base } : {}),
      onVisit: progress.tick,
    });
    progress.done();
    if (tally.inputErrorCount && (format !== 'table' || values.out !== undefined)) {
      const listed = tally.inputErrors.slice(0, 10);
      io.stderr.write(`unitwise audit: ${tally.inputErrorCount} input error(s); the valid visits were audited.\n`);
      for (const e of listed) io.stderr.write(`  ${e.where}: ${e.message}\n`);
      if (tally.inputErrorCount > listed.length)
        io.stderr.write(`  … and ${tally.inputErrorCount - listed.length} more\n`);
    }
    return tally.exitCode();
  },
};
