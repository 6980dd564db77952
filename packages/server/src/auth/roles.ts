import type { Role } from '@unitwise/store';

export { ROLES, type Role } from '@unitwise/store';

/**
 * Who may call a route, named once here so that the route table reads as a policy and the README's roles table
 * comes from the same names. Owners are in every list: they may do everything in their clinic.
 */
export const ACCESS = {
  /** Anyone signed in to the clinic, auditors included. */
  anyone: ['owner', 'therapist', 'assistant', 'biller', 'auditor'],
  /** Reading clinical notes, findings and plans: everyone but nobody outside the clinic. */
  clinicalRead: ['owner', 'therapist', 'assistant', 'biller', 'auditor'],
  /** Clinical documentation: visits, timers, addenda. */
  clinicalWrite: ['owner', 'therapist', 'assistant'],
  /** Plans of care and goals: therapists; assistants cannot establish them (Pub. 100-02 Ch. 15 §220.1.2). */
  planWrite: ['owner', 'therapist'],
  /** Patient demographics: clinicians and the front office (biller). */
  patientWrite: ['owner', 'therapist', 'biller'],
  /** Reading the billing work (charge review, claim and remittance detail): the office and the auditor, not clinicians. */
  billingRead: ['owner', 'biller', 'auditor'],
  /** Billing data: coverages, payers, fee schedules, payer policies. */
  billingWrite: ['owner', 'biller'],
  /** Signing notes; the handler also refuses evaluations and re-evaluations to assistants. */
  sign: ['owner', 'therapist', 'assistant'],
  /** Users, providers and clinic settings. */
  admin: ['owner'],
  /** The audit log of reads and writes. */
  auditRead: ['owner', 'auditor'],
} as const satisfies Record<string, readonly Role[]>;

export type AccessName = keyof typeof ACCESS;

/**
 * Whether any of a user's roles is in the allowed list.
 * @param held - the roles the user holds
 * @param allowed - the roles the route allows
 */
export function hasAnyRole(held: readonly Role[], allowed: readonly Role[]): boolean {
  for (const r of held) if (allowed.includes(r)) return true;
  return false;
}
