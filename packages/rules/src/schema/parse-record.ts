import { lookupCode } from '../catalog/index.ts';
import type { Patient, Visit } from '../types.ts';
import { patientSchema, visitSchema } from './case-file-schemas.ts';
import { isPlainValidVisit } from './fast-visit.ts';
import type { InputError } from './input-error.ts';
import { issuesToErrors } from './issues.ts';

/** A parsed record: the value when valid, and every problem found. */
export interface Parsed<T> {
  value?: T;
  errors: InputError[];
}

/**
 * Validates one visit: its shape (design.md, visit interchange format) and that every code is in the
 * catalog. Unknown fields are dropped (a visit without any is returned as it is, after a fast check that
 * agrees with the schema). Patient references are checked by the case-file checker.
 * @param raw - the visit as read from JSON, JSONL or CSV
 * @param where - its path in the input, e.g. `visits[3]`
 * @example
 * parseVisit({ id: 'v1' }, 'visits[0]').errors[0] // { where: 'visits[0].patientId', message: 'is required' }
 */
export function parseVisit(raw: unknown, where: string): Parsed<Visit> {
  let visit: Visit;
  if (isPlainValidVisit(raw)) visit = raw;
  else {
    const r = visitSchema.safeParse(raw);
    if (!r.success) return { errors: issuesToErrors(r.error.issues, raw, where) };
    visit = r.data;
  }
  const errors: InputError[] = [];
  const services = visit.services;
  for (let i = 0; i < services.length; i++) {
    const code = (services[i] as { code: string }).code;
    if (!lookupCode(code)) {
      errors.push({
        where: `${where}.services[${i}].code`,
        message: `'${code}' is not a code Unitwise knows; use a code from the catalog (\`unitwise units --help\`)`,
      });
    }
  }
  return errors.length ? { errors } : { value: visit, errors };
}

/**
 * Validates one patient's shape. Whether the payer exists is checked by the case-file checker.
 * @param raw - the patient as read
 * @param where - its path, e.g. `patients[0]`
 */
export function parsePatient(raw: unknown, where: string): Parsed<Patient> {
  const r = patientSchema.safeParse(raw);
  if (!r.success) return { errors: issuesToErrors(r.error.issues, raw, where) };
  const errors: InputError[] = [];
  r.data.plansOfCare?.forEach((plan, p) => {
    plan.plannedCodes?.forEach((code, c) => {
      if (!lookupCode(code)) {
        errors.push({
          where: `${where}.plansOfCare[${p}].plannedCodes[${c}]`,
          message: `'${code}' is not a code Unitwise knows; use a code from the catalog`,
        });
      }
    });
  });
  return errors.length ? { errors } : { value: r.data, errors };
}
