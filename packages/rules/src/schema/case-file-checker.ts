import { BUILT_IN_POLICIES, validatePayerInputs } from '../policies/index.ts';
import type { Patient, PayerPolicyInput, Visit } from '../types.ts';
import type { InputError } from './input-error.ts';
import { type Parsed, parsePatient, parseVisit } from './parse-record.ts';

/** The policies every installation has (design.md, Patient.payer): medicare, medicaid, commercial. */
export const BUILT_IN_PAYER_IDS: readonly string[] = BUILT_IN_POLICIES.map((p) => p.id);

/** The valid payers of a list, and the problems of the others. */
export interface ParsedPayers {
  values: PayerPolicyInput[];
  errors: InputError[];
}

export interface CaseFileCheckerOptions {
  /** Payer ids known before the file's own `payers` (default: the built-in ones). */
  payerIds?: Iterable<string>;
  /** Report duplicate visit ids; costs memory per visit, so streams turn it off. Default true. */
  trackVisitIds?: boolean;
}

/**
 * Validates a case file record by record, with the references between records: payers before the
 * patients that use them, patients before their visits. Streaming readers feed it one record at a time.
 */
export interface CaseFileChecker {
  /**
   * Checks a `payers` list with the policy validator; each valid entry becomes a known payer id.
   * @param list - the raw entries
   * @param prefix - put before `payers[i]` in paths (e.g. `line 3: ` for a stream)
   */
  addPayers(list: readonly unknown[], prefix?: string): ParsedPayers;
  /** Checks one patient; a valid one becomes a known patient. */
  addPatient(raw: unknown, where: string): Parsed<Patient>;
  /** Checks one visit, including that its patient is known. */
  addVisit(raw: unknown, where: string): Parsed<Visit>;
  /** True when a patient with this id was accepted. */
  hasPatient(id: string): boolean;
}

/**
 * Creates a checker for one case file (or one stream of fragments).
 * @param options - known payer ids and whether to track visit ids
 * @example
 * const c = createCaseFileChecker();
 * c.addPatient({ id: 'p1', payer: 'medicare' }, 'patients[0]');
 * c.addVisit(rawVisit, 'visits[0]').errors // [] when valid
 */
export function createCaseFileChecker(options: CaseFileCheckerOptions = {}): CaseFileChecker {
  const payers = new Set(options.payerIds ?? BUILT_IN_PAYER_IDS);
  const patients = new Map<string, string>();
  const rejectedPatients = new Map<string, string>();
  const visitIds = options.trackVisitIds === false ? null : new Map<string, string>();

  return {
    addPayers(list, prefix = '') {
      const found = validatePayerInputs([...list]);
      const bad = new Set<number>();
      const errors: InputError[] = [];
      for (const e of found) {
        const m = /^payers\[(\d+)\]/.exec(e.where);
        if (m) bad.add(Number(m[1]));
        errors.push({ where: `${prefix}${e.where}`, message: e.message });
      }
      const values: PayerPolicyInput[] = [];
      list.forEach((raw, i) => {
        if (bad.has(i)) return;
        const p = raw as PayerPolicyInput;
        payers.add(p.id);
        values.push(p);
      });
      return { values, errors };
    },
    addPatient(raw, where) {
      const parsed = parsePatient(raw, where);
      const p = parsed.value;
      if (p) {
        const first = patients.get(p.id);
        if (first !== undefined) {
          return { errors: [{ where: `${where}.id`, message: `duplicate patient id '${p.id}' (first at ${first})` }] };
        }
        if (!payers.has(p.payer)) {
          const known = [...payers].join(', ');
          const errors = [
            {
              where: `${where}.payer`,
              message: `unknown payer '${p.payer}'; use one of ${known}, or add it to payers`,
            },
          ];
          rejectedPatients.set(p.id, where);
          return { errors };
        }
        patients.set(p.id, where);
      } else {
        const rawId = (raw as { id?: unknown } | null)?.id;
        if (typeof rawId === 'string') rejectedPatients.set(rawId, where);
      }
      return parsed;
    },
    addVisit(raw, where) {
      const parsed = parseVisit(raw, where);
      const v = parsed.value;
      if (!v) return parsed;
      const errors: InputError[] = [];
      if (!patients.has(v.patientId)) {
        const rejected = rejectedPatients.get(v.patientId);
        errors.push({
          where: `${where}.patientId`,
          message: rejected
            ? `patient '${v.patientId}' has input errors (see ${rejected}); fix the patient to audit this visit`
            : `unknown patient '${v.patientId}'; add it to patients`,
        });
      }
      if (visitIds) {
        const first = visitIds.get(v.id);
        if (first !== undefined)
          errors.push({ where: `${where}.id`, message: `duplicate visit id '${v.id}' (first at ${first})` });
        else visitIds.set(v.id, where);
      }
      return errors.length ? { errors } : parsed;
    },
    hasPatient(id) {
      return patients.has(id);
    },
  };
}
