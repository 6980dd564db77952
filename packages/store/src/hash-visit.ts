import { createHash } from 'node:crypto';
import type { Visit } from '@unitwise/rules';
import type { VisitGoalStatus } from './types.ts';

/** JSON with object keys sorted and undefined dropped, so equal content always gives equal text. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

/**
 * The content hash a signed note keeps: SHA-256 (hex) of the canonical JSON of its clinical content
 * (the rules' `Visit` fields plus goal status; store fields such as version or timestamps are left out).
 * Goal status enters only when the note records some, so hashes of notes without it are unchanged.
 * @param visit - the visit content (a `StoredVisit` works: extra fields are ignored)
 */
export function hashVisitContent(visit: Visit & { goalStatus?: VisitGoalStatus | undefined }): string {
  const content = {
    id: visit.id,
    patientId: visit.patientId,
    date: visit.date,
    discipline: visit.discipline,
    noteType: visit.noteType ?? 'daily',
    provider: { id: visit.provider.id, credential: visit.provider.credential },
    timeIn: visit.timeIn,
    timeOut: visit.timeOut,
    totalTimedMinutes: visit.totalTimedMinutes,
    totalTreatmentMinutes: visit.totalTreatmentMinutes,
    services: visit.services,
    nonBillable: visit.nonBillable ?? [],
    response: visit.response,
    // Absent (undefined, dropped by canonical) unless non-empty: older hashes must verify as they were.
    goalStatus: visit.goalStatus && Object.keys(visit.goalStatus).length > 0 ? visit.goalStatus : undefined,
  };
  return createHash('sha256').update(canonical(content)).digest('hex');
}

/**
 * SHA-256 (hex) of arbitrary parts joined by newlines; used for addenda.
 * @param parts - the strings to hash, in order
 */
export function hashParts(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\n')).digest('hex');
}
