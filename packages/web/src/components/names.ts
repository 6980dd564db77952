import type { Patient } from '../api/types.ts';

/**
 * A patient's display name from whichever name fields the record has.
 * @param p - the patient
 */
export function patientName(p: Patient | undefined): string {
  if (!p) return 'Patient';
  const full = [p.firstName, p.lastName].filter(Boolean).join(' ');
  return p.name ?? (full || p.id);
}

/**
 * Today's date as `YYYY-MM-DD` in the clinic's local time (dates of service are local calendar days).
 * @param now - the instant, passed in so callers and tests control the clock
 */
export function localDate(now: Date): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
