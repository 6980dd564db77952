import { describeJsonError } from './json-error.ts';
import type { InputRecord } from './records.ts';

/**
 * Reads a whole `.json` case file: payers first, then patients, then visits in the file's order. Paths keep
 * the file's indexes (`visits[3]`) and each visit carries its index; the pipeline audits them in date order
 * and the report restores the file's order (as `auditCase` does).
 * @param file - the file's text
 */
export function* readJsonCaseFile(file: string): Generator<InputRecord> {
  // Editors on Windows may start the file with a byte-order mark, which JSON.parse rejects.
  const text = file.charCodeAt(0) === 0xfeff ? file.slice(1) : file;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    const { position, message } = describeJsonError(err, text);
    yield { kind: 'error', error: { where: position, message } };
    return;
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    yield {
      kind: 'error',
      error: { where: '(file)', message: 'a case file must be a JSON object with "patients" and "visits" lists' },
    };
    return;
  }
  const obj = raw as Record<string, unknown>;
  const errors: InputRecord[] = [];
  const list = (key: string, required: boolean): unknown[] => {
    const v = obj[key];
    if (Array.isArray(v)) return v;
    if (v !== undefined || required) {
      errors.push({
        kind: 'error',
        error: { where: key, message: v === undefined ? 'is required (a list)' : 'must be a list' },
      });
    }
    return [];
  };
  const payers = list('payers', false);
  const patients = list('patients', true);
  const visits = list('visits', true);
  yield* errors;
  if (payers.length) yield { kind: 'payers', list: payers, prefix: '' };
  for (let i = 0; i < patients.length; i++) yield { kind: 'patient', raw: patients[i], where: `patients[${i}]` };
  for (let i = 0; i < visits.length; i++) yield { kind: 'visit', raw: visits[i], where: `visits[${i}]`, order: i };
}
