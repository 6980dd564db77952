import { CREDENTIALS, DISCIPLINES, NON_BILLABLE_KINDS, NOTE_TYPES, type Visit } from '../types.ts';
import { isClockTime, isPlausibleDate, textProblem } from './primitives.ts';

// A hand-written fast path for the bulk case: a visit that is valid and has no unknown fields is returned
// as it is, since zod would return an equal copy. Anything else (or any doubt) goes to the zod schema,
// which produces the messages. The schema stays the definition; a property test keeps the two in step.

const VISIT_KEYS = new Set([
  'id',
  'patientId',
  'date',
  'discipline',
  'noteType',
  'provider',
  'timeIn',
  'timeOut',
  'totalTimedMinutes',
  'totalTreatmentMinutes',
  'services',
  'nonBillable',
  'response',
]);
const SERVICE_KEYS = new Set([
  'code',
  'minutes',
  'assistantMinutes',
  'units',
  'modifiers',
  'groupSize',
  'description',
  'assistance',
  'goalIds',
]);
const PROVIDER_KEYS = new Set(['id', 'credential']);
const NON_BILLABLE_KEYS = new Set(['kind', 'minutes', 'note']);
const DISCIPLINE_SET = new Set<unknown>(DISCIPLINES);
const CREDENTIAL_SET = new Set<unknown>(CREDENTIALS);
const NOTE_TYPE_SET = new Set<unknown>(NOTE_TYPES);
const KIND_SET = new Set<unknown>(NON_BILLABLE_KINDS);

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function onlyKeys(o: Obj, allowed: ReadonlySet<string>): boolean {
  for (const k in o) if (!allowed.has(k)) return false;
  return true;
}
function int(v: unknown, min: number, max: number): boolean {
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
}
function optInt(v: unknown, min: number, max: number): boolean {
  return v === undefined || int(v, min, max);
}
/** An optional one-line string the schema would take as it is (no control character, well-formed). */
function optString(v: unknown): boolean {
  return v === undefined || (typeof v === 'string' && textProblem(v, false) === undefined);
}
/** An optional multi-line string (notes, descriptions): tab and line breaks allowed. */
function optText(v: unknown): boolean {
  return v === undefined || (typeof v === 'string' && textProblem(v, true) === undefined);
}
function idString(v: unknown): boolean {
  return typeof v === 'string' && v.length > 0 && textProblem(v, false) === undefined;
}
function isCodeShape(v: unknown): boolean {
  if (typeof v !== 'string' || v.length !== 5) return false;
  for (let i = 0; i < 5; i++) {
    const c = v.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90))) return false;
  }
  return true;
}
function isModifier(v: unknown): boolean {
  if (typeof v !== 'string' || v.length !== 2) return false;
  for (let i = 0; i < 2; i++) {
    const c = v.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90))) return false;
  }
  return true;
}
function stringArray(v: unknown): boolean {
  if (!Array.isArray(v)) return false;
  for (const x of v) if (typeof x !== 'string' || textProblem(x, false) !== undefined) return false;
  return true;
}

function isService(s: unknown): boolean {
  if (!isObj(s) || !onlyKeys(s, SERVICE_KEYS) || !isCodeShape(s.code)) return false;
  if (!optInt(s.minutes, 0, 1440) || !optInt(s.assistantMinutes, 0, 1440) || !optInt(s.units, 0, 100)) return false;
  if (!optInt(s.groupSize, 1, Number.MAX_SAFE_INTEGER) || !optText(s.description)) return false;
  if (!optString(s.assistance)) return false;
  const m = s.modifiers;
  if (m !== undefined) {
    if (!Array.isArray(m) || m.length > 4) return false;
    for (const x of m) if (!isModifier(x)) return false;
  }
  return s.goalIds === undefined || stringArray(s.goalIds);
}

/**
 * True only when `raw` is a valid visit with no fields outside the interchange format, so it can be used
 * as it is. False means "ask the schema" (it may still be valid, e.g. with unknown fields to drop).
 * @param raw - a parsed visit
 */
export function isPlainValidVisit(raw: unknown): raw is Visit {
  if (!isObj(raw) || !onlyKeys(raw, VISIT_KEYS)) return false;
  if (!idString(raw.id) || !idString(raw.patientId)) return false;
  if (typeof raw.date !== 'string' || !isPlausibleDate(raw.date) || !DISCIPLINE_SET.has(raw.discipline)) return false;
  if (raw.noteType !== undefined && !NOTE_TYPE_SET.has(raw.noteType)) return false;
  const p = raw.provider;
  if (!isObj(p) || !onlyKeys(p, PROVIDER_KEYS) || !CREDENTIAL_SET.has(p.credential) || !optString(p.id)) return false;
  const tin = raw.timeIn;
  const tout = raw.timeOut;
  if (tin !== undefined && (typeof tin !== 'string' || !isClockTime(tin))) return false;
  if (tout !== undefined && (typeof tout !== 'string' || !isClockTime(tout))) return false;
  if (typeof tin === 'string' && typeof tout === 'string' && tout < tin) return false;
  if (!optInt(raw.totalTimedMinutes, 0, 1440) || !optInt(raw.totalTreatmentMinutes, 0, 1440)) return false;
  if (!optText(raw.response)) return false;
  const services = raw.services;
  if (!Array.isArray(services)) return false;
  for (const s of services) if (!isService(s)) return false;
  const nb = raw.nonBillable;
  if (nb !== undefined) {
    if (!Array.isArray(nb)) return false;
    for (const n of nb) {
      if (!isObj(n) || !onlyKeys(n, NON_BILLABLE_KEYS) || !KIND_SET.has(n.kind)) return false;
      if (!int(n.minutes, 0, 1440) || !optText(n.note)) return false;
    }
  }
  return true;
}
