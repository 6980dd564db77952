import { UNIT_METHODS } from '../types.ts';
import { BUILT_IN_POLICIES } from './built-in.ts';
import { isIsoDate } from './dates.ts';

/** An input error naming the path of the bad field. */
export interface PayerInputError {
  where: string;
  message: string;
}

const DOC_FLAGS = [
  'requiresDisciplineModifier',
  'requiresAssistantModifier',
  'requiresTotalMinutes',
  'appliesKxThreshold',
  'appliesNcci',
] as const;
const DOC_DAYS = ['progressReportEveryTreatmentDays', 'certificationWithinDays'] as const;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function methodMessage(v: unknown): string {
  return `unknown unit method ${JSON.stringify(v)}: use one of ${UNIT_METHODS.join(', ')}`;
}

function checkPricing(p: unknown, where: string, errors: PayerInputError[]): void {
  if (!isObject(p)) {
    errors.push({ where, message: 'pricing must be an object with kind "flat" or "mpfs"' });
    return;
  }
  if (p.kind === 'mpfs') return;
  if (p.kind !== 'flat') {
    errors.push({
      where: `${where}.kind`,
      message: `unknown pricing kind ${JSON.stringify(p.kind)}: use "flat" or "mpfs"`,
    });
    return;
  }
  if (!Array.isArray(p.schedule)) {
    errors.push({ where: `${where}.schedule`, message: 'a flat schedule needs a list of { code, cents }' });
    return;
  }
  p.schedule.forEach((e: unknown, i: number) => {
    const at = `${where}.schedule[${i}]`;
    if (!isObject(e) || typeof e.code !== 'string' || e.code === '') {
      errors.push({ where: `${at}.code`, message: 'each schedule entry needs a code' });
    } else if (typeof e.cents !== 'number' || !Number.isInteger(e.cents) || e.cents < 0) {
      errors.push({
        where: `${at}.cents`,
        message: 'cents must be a whole, non-negative number of cents (4500 is $45.00)',
      });
    }
  });
  if (p.defaultCents !== undefined && (!Number.isInteger(p.defaultCents) || (p.defaultCents as number) < 0)) {
    errors.push({
      where: `${where}.defaultCents`,
      message: 'defaultCents must be a whole, non-negative number of cents',
    });
  }
}

function checkVersion(v: unknown, where: string, errors: PayerInputError[]): void {
  if (!isObject(v)) {
    errors.push({ where, message: 'each version must be an object' });
    return;
  }
  for (const k of ['effectiveFrom', 'effectiveTo'] as const) {
    if (v[k] !== undefined && !isIsoDate(v[k])) {
      errors.push({ where: `${where}.${k}`, message: `${k} must be a date as YYYY-MM-DD` });
    }
  }
  if (isIsoDate(v.effectiveFrom) && isIsoDate(v.effectiveTo) && v.effectiveTo < v.effectiveFrom) {
    errors.push({ where: `${where}.effectiveTo`, message: 'effectiveTo is before effectiveFrom' });
  }
  if (v.unitMethod !== undefined && !(UNIT_METHODS as readonly unknown[]).includes(v.unitMethod)) {
    errors.push({ where: `${where}.unitMethod`, message: methodMessage(v.unitMethod) });
  }
  if (
    v.coinsurancePercent !== undefined &&
    (typeof v.coinsurancePercent !== 'number' || v.coinsurancePercent < 0 || v.coinsurancePercent > 100)
  ) {
    errors.push({ where: `${where}.coinsurancePercent`, message: 'coinsurancePercent must be a number from 0 to 100' });
  }
  if (v.pricing !== undefined) checkPricing(v.pricing, `${where}.pricing`, errors);
  if (v.documentation !== undefined) {
    const d = v.documentation;
    if (!isObject(d)) {
      errors.push({ where: `${where}.documentation`, message: 'documentation must be an object' });
      return;
    }
    for (const k of DOC_FLAGS) {
      if (d[k] !== undefined && typeof d[k] !== 'boolean') {
        errors.push({ where: `${where}.documentation.${k}`, message: `${k} must be true or false` });
      }
    }
    for (const k of DOC_DAYS) {
      const n = d[k];
      if (n !== undefined && n !== null && (typeof n !== 'number' || !Number.isInteger(n) || n <= 0)) {
        errors.push({ where: `${where}.documentation.${k}`, message: `${k} must be a positive whole number or null` });
      }
    }
  }
}

/**
 * Checks a case file's `payers` before they reach `createPolicyRegistry`: ids, names, unit methods,
 * `basedOn` targets, versions and their fields. Paths read like `payers[1].unitMethod`.
 * @param inputs - the raw `payers` array of a case file
 * @returns the errors, empty when every input is usable
 */
export function validatePayerInputs(inputs: unknown[]): PayerInputError[] {
  const errors: PayerInputError[] = [];
  const known = new Set(BUILT_IN_POLICIES.map((p) => p.id));
  const seen = new Set<string>();
  inputs.forEach((input, i) => {
    const where = `payers[${i}]`;
    if (!isObject(input)) {
      errors.push({ where, message: 'each payer must be an object with an id' });
      return;
    }
    if (typeof input.id !== 'string' || input.id.trim() === '') {
      errors.push({
        where: `${where}.id`,
        message: 'a payer needs an id (e.g. "acme-health", or "medicare" to override it)',
      });
    } else if (seen.has(input.id)) {
      errors.push({ where: `${where}.id`, message: `payer id "${input.id}" is given twice in this file` });
    }
    if (input.name !== undefined && typeof input.name !== 'string') {
      errors.push({ where: `${where}.name`, message: 'name must be text' });
    }
    if (input.unitMethod !== undefined && !(UNIT_METHODS as readonly unknown[]).includes(input.unitMethod)) {
      errors.push({ where: `${where}.unitMethod`, message: methodMessage(input.unitMethod) });
    }
    if (input.basedOn !== undefined && (typeof input.basedOn !== 'string' || !known.has(input.basedOn))) {
      errors.push({
        where: `${where}.basedOn`,
        message: `basedOn ${JSON.stringify(input.basedOn)} names no policy: use ${[...known].join(', ')} or a payer listed before this one`,
      });
    }
    if (input.versions !== undefined) {
      if (!Array.isArray(input.versions)) {
        errors.push({ where: `${where}.versions`, message: 'versions must be a list' });
      } else {
        input.versions.forEach((v: unknown, j: number) => {
          checkVersion(v, `${where}.versions[${j}]`, errors);
        });
      }
    }
    if (typeof input.id === 'string' && input.id.trim() !== '') {
      seen.add(input.id);
      known.add(input.id);
    }
  });
  return errors;
}
