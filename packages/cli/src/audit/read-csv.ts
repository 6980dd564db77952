import type { InputError, Patient } from '@unitwise/rules';
import { parse } from 'csv-parse';
import type { InputRecord, Rewrite } from './records.ts';

/** Columns of the CSV form, one service a row (design.md, "The visit interchange format"). */
export const CSV_COLUMNS = [
  'visit_id',
  'patient_id',
  'date',
  'discipline',
  'payer',
  'credential',
  'time_in',
  'time_out',
  'code',
  'minutes',
  'assistant_minutes',
  'units',
  'modifiers',
  'group_size',
  'description',
  'goal_ids',
  'response',
] as const;
const REQUIRED = ['visit_id', 'patient_id', 'date', 'code'] as const;

/** Visit-level fields: the CSV column of each, for error paths. */
const VISIT_COLUMN: Record<string, string> = {
  id: 'visit_id',
  patientId: 'patient_id',
  date: 'date',
  discipline: 'discipline',
  provider: 'credential',
  timeIn: 'time_in',
  timeOut: 'time_out',
  response: 'response',
  noteType: 'note_type',
  totalTimedMinutes: 'total_timed_minutes',
  totalTreatmentMinutes: 'total_treatment_minutes',
};
const SERVICE_COLUMN: Record<string, string> = {
  code: 'code',
  minutes: 'minutes',
  assistantMinutes: 'assistant_minutes',
  units: 'units',
  modifiers: 'modifiers',
  groupSize: 'group_size',
  description: 'description',
  assistance: 'assistance',
  goalIds: 'goal_ids',
};

type Row = Record<string, string | undefined>;

/** A number when the cell is one, undefined when empty, else the text so validation names it. */
function num(cell: string | undefined): number | string | undefined {
  if (cell === undefined || cell === '') return undefined;
  return /^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell;
}
function text(cell: string | undefined): string | undefined {
  return cell === undefined || cell === '' ? undefined : cell;
}
function list(cell: string | undefined): string[] | undefined {
  return cell === undefined || cell === '' ? undefined : cell.split(/[\s,]+/).filter(Boolean);
}
function first(rows: readonly Row[], column: string): string | undefined {
  for (const r of rows) {
    const v = r[column];
    if (v !== undefined && v !== '') return v;
  }
  return undefined;
}

/**
 * Builds a visit object from its rows (the first non-empty cell wins for visit-level columns).
 * @param rows - the rows sharing one visit_id, in order
 */
export function visitFromRows(rows: readonly Row[]): Record<string, unknown> {
  const credential = first(rows, 'credential');
  return {
    id: first(rows, 'visit_id'),
    patientId: first(rows, 'patient_id'),
    date: first(rows, 'date'),
    discipline: first(rows, 'discipline'),
    noteType: text(first(rows, 'note_type')),
    provider: { credential, id: text(first(rows, 'provider_id')) },
    timeIn: text(first(rows, 'time_in')),
    timeOut: text(first(rows, 'time_out')),
    totalTimedMinutes: num(first(rows, 'total_timed_minutes')),
    totalTreatmentMinutes: num(first(rows, 'total_treatment_minutes')),
    response: text(first(rows, 'response')),
    services: rows.map((r) => ({
      code: r.code,
      minutes: num(r.minutes),
      assistantMinutes: num(r.assistant_minutes),
      units: num(r.units),
      modifiers: list(r.modifiers),
      groupSize: num(r.group_size),
      description: text(r.description),
      assistance: text(r.assistance),
      goalIds: list(r.goal_ids),
    })),
  };
}

/** Maps checker paths (`@.services[1].minutes`) back to CSV lines and columns. */
function csvRewrite(lines: readonly number[]): Rewrite {
  return (e: InputError) => {
    const s = /^@\.services\[(\d+)\](?:\.(\w+))?/.exec(e.where);
    if (s) {
      const line = lines[Number(s[1])] ?? lines[0];
      const column = s[2] ? (SERVICE_COLUMN[s[2]] ?? s[2]) : 'code';
      return { where: `line ${line}, column ${column}`, message: e.message };
    }
    const v = /^@\.(\w+)/.exec(e.where);
    const column = v ? (VISIT_COLUMN[v[1] as string] ?? v[1]) : 'visit_id';
    return { where: `line ${lines[0]}, column ${column}`, message: e.message };
  };
}

/**
 * Streams a `.csv` file of services. Consecutive rows with the same visit_id make one visit; a patient is
 * made from the first row that names it (id + payer) unless already known. Memory holds one visit's rows.
 * @param input - the byte stream
 * @param knownPatients - patients given apart (e.g. `--patients`), whose payer a row may omit
 */
export async function* readCsv(
  input: NodeJS.ReadableStream,
  knownPatients: ReadonlySet<string> = new Set(),
): AsyncGenerator<InputRecord> {
  const skipped: InputError[] = [];
  const parser = input.pipe(
    parse({
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      info: true,
      bom: true,
      trim: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (err) => {
        if (err)
          skipped.push({
            where: `line ${err.lines}`,
            message: `not valid CSV: ${err.message.replace(/ (on|at) line \d+.*$/s, '')}`,
          });
        return undefined;
      },
    }),
  );
  const patientPayer = new Map<string, string | undefined>();
  let rows: Row[] = [];
  let lines: number[] = [];
  let headerChecked = false;
  const flushVisit = function* (): Generator<InputRecord> {
    if (rows.length === 0) return;
    const patientId = rows[0]?.patient_id ?? '';
    if (patientId && !patientPayer.has(patientId) && !knownPatients.has(patientId)) {
      const payer = first(rows, 'payer');
      patientPayer.set(patientId, payer);
      const raw: Partial<Patient> = { id: patientId, ...(payer ? { payer } : {}) };
      const line = lines[0];
      yield {
        kind: 'patient',
        raw,
        where: '@',
        rewrite: (e) => ({
          where: `line ${line}, column ${e.where.endsWith('.payer') ? 'payer' : 'patient_id'}`,
          message: e.message,
        }),
      };
    } else if (patientId) {
      const payer = first(rows, 'payer');
      const known = patientPayer.get(patientId);
      if (payer && known && payer !== known) {
        const error = {
          where: `line ${lines[0]}, column payer`,
          message: `patient '${patientId}' was given payer '${known}' on an earlier row; one patient has one payer`,
        };
        yield { kind: 'error', error };
      }
    }
    yield { kind: 'visit', raw: visitFromRows(rows), where: '@', rewrite: csvRewrite(lines) };
    rows = [];
    lines = [];
  };
  for await (const item of parser as AsyncIterable<{ record: Row; info: { lines: number } }>) {
    while (skipped.length) yield { kind: 'error', error: skipped.shift() as InputError };
    if (!headerChecked) {
      headerChecked = true;
      const missing = REQUIRED.filter((c) => !(c in item.record));
      if (missing.length) {
        yield {
          kind: 'error',
          error: {
            where: 'line 1',
            message: `the header lacks ${missing.join(', ')}; columns are ${CSV_COLUMNS.join(', ')}`,
          },
        };
        return;
      }
    }
    const id = item.record.visit_id;
    if (rows.length > 0 && rows[0]?.visit_id !== id) yield* flushVisit();
    rows.push(item.record);
    lines.push(item.info.lines);
  }
  yield* flushVisit();
  while (skipped.length) yield { kind: 'error', error: skipped.shift() as InputError };
}
