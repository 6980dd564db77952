import type { Finding, Patient, Visit } from '@unitwise/rules';
import type { AuditFn } from './live-results.ts';

/** Rules whose checks need history the browser does not hold (earlier notes, the year's spend): the server's word stands. */
export const SERVER_ONLY_RULES: ReadonlySet<string> = new Set([
  'cloned-description',
  'progress-report-due',
  'kx-threshold',
]);

/**
 * The local checks for a patient, or null while the engine offers none.
 * @param _patient - the patient with payer, plans of care and history
 */
export function makeAudit(_patient: Patient): AuditFn | null {
  return null;
}

/**
 * The findings to show: the live local ones, plus the server's for rules only it can judge. Without local checks,
 * the server's findings from the last save.
 * @param local - findings computed in the browser, or null when unavailable
 * @param server - findings stored with the visit at its last save
 */
export function mergeFindings(local: readonly Finding[] | null, server: readonly Finding[]): Finding[] {
  if (local === null) return [...server];
  return [...local, ...server.filter((f) => SERVER_ONLY_RULES.has(f.rule))];
}

/**
 * A code the description points to, if it differs from the one chosen; null while the engine offers none.
 * @param _description - what was done
 * @param _code - the code chosen
 */
export function suggestFor(_description: string, _code: string): { code: string; why: string } | undefined {
  return undefined;
}

/** Re-exported for the screen: the visit type the checks take. */
export type { Visit };
