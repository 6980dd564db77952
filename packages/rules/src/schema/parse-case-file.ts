import type { CaseFile } from '../types.ts';
import { type CaseFileCheckerOptions, createCaseFileChecker } from './case-file-checker.ts';
import type { InputError } from './input-error.ts';

/** A case file with its invalid records left out, and what was wrong with each. */
export interface ParsedCaseFile {
  file: CaseFile;
  errors: InputError[];
}

/**
 * Validates a whole case file (design.md, "The visit interchange format"). Every valid payer, patient and
 * visit is kept; each invalid one is reported with its path (`visits[3].services[0].minutes`) and left out,
 * so the rest can still be audited. Unknown fields are ignored.
 * @param raw - the parsed JSON
 * @param options - known payer ids (default: the built-in policies)
 * @example
 * const { file, errors } = parseCaseFile(JSON.parse(text));
 */
export function parseCaseFile(raw: unknown, options: CaseFileCheckerOptions = {}): ParsedCaseFile {
  const file: CaseFile = { patients: [], visits: [] };
  const errors: InputError[] = [];
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    errors.push({ where: '(file)', message: 'a case file must be a JSON object with "patients" and "visits" lists' });
    return { file, errors };
  }
  const obj = raw as Record<string, unknown>;
  const checker = createCaseFileChecker(options);
  const section = (key: 'payers' | 'patients' | 'visits', required: boolean): unknown[] => {
    const v = obj[key];
    if (Array.isArray(v)) return v;
    if (v !== undefined || required) {
      errors.push({ where: key, message: v === undefined ? 'is required (a list)' : 'must be a list' });
    }
    return [];
  };
  const payers = section('payers', false);
  if (payers.length) {
    const r = checker.addPayers(payers);
    file.payers = r.values;
    errors.push(...r.errors);
  }
  section('patients', true).forEach((p, i) => {
    const r = checker.addPatient(p, `patients[${i}]`);
    if (r.value) file.patients.push(r.value);
    else errors.push(...r.errors);
  });
  section('visits', true).forEach((v, i) => {
    const r = checker.addVisit(v, `visits[${i}]`);
    if (r.value) file.visits.push(r.value);
    else errors.push(...r.errors);
  });
  return { file, errors };
}
