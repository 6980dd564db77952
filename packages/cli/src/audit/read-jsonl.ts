import { createInterface } from 'node:readline';
import { describeJsonError } from './json-error.ts';
import type { InputRecord } from './records.ts';

/**
 * Streams a `.jsonl` file: one case-file fragment (`{ payers?, patients?, visits? }`) a line, or a bare
 * patient or visit object. Memory holds one line at a time. Paths start with the line number.
 * @param input - the byte stream
 */
export async function* readJsonLines(input: NodeJS.ReadableStream): AsyncGenerator<InputRecord> {
  const rl = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let n = 0;
  for await (const read of rl) {
    n += 1;
    // Editors on Windows may start the file with a byte-order mark, which JSON.parse rejects.
    const line = n === 1 && read.charCodeAt(0) === 0xfeff ? read.slice(1) : read;
    if (line.trim() === '') continue;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (err) {
      const { position, message } = describeJsonError(err, line);
      yield { kind: 'error', error: { where: `line ${n}, ${position.replace(/^line 1, /, '')}`, message } };
      continue;
    }
    yield* fragmentRecords(raw, `line ${n}: `);
  }
}

/**
 * The records of one JSONL line.
 * @param raw - the parsed line
 * @param prefix - `line N: `
 */
export function* fragmentRecords(raw: unknown, prefix: string): Generator<InputRecord> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    const message =
      'each line must be a JSON object: a case-file fragment { payers, patients, visits }, a patient or a visit';
    yield { kind: 'error', error: { where: prefix.slice(0, -2), message } };
    return;
  }
  const obj = raw as Record<string, unknown>;
  if ('patients' in obj || 'visits' in obj || 'payers' in obj) {
    for (const key of ['payers', 'patients', 'visits'] as const) {
      const v = obj[key];
      if (v === undefined) continue;
      if (!Array.isArray(v)) {
        yield { kind: 'error', error: { where: `${prefix}${key}`, message: 'must be a list' } };
        continue;
      }
      if (key === 'payers') yield { kind: 'payers', list: v, prefix };
      else {
        const kind = key === 'patients' ? 'patient' : 'visit';
        for (let i = 0; i < v.length; i++) yield { kind, raw: v[i], where: `${prefix}${key}[${i}]` };
      }
    }
  } else if ('patientId' in obj || 'services' in obj) {
    yield { kind: 'visit', raw, where: `${prefix}visit` };
  } else if ('payer' in obj) {
    yield { kind: 'patient', raw, where: `${prefix}patient` };
  } else {
    const message = 'expected a case-file fragment with patients, visits or payers (or a single patient or visit)';
    yield { kind: 'error', error: { where: prefix.slice(0, -2), message } };
  }
}
