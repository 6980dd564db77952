import { createPolicyRegistry, type PolicyRegistry, type ResolvedPolicy } from '@unitwise/rules';

let registry: PolicyRegistry | undefined;

/**
 * The payer's policy in force on a date, from the engine's built-in policies (Medicare, Medicaid, commercial).
 * An unknown id falls back to `commercial`, the engine's default base policy.
 * @param policyId - the patient's payer policy id
 * @param date - the date of service
 */
export function policyFor(policyId: string | undefined, date: string): ResolvedPolicy | undefined {
  registry ??= createPolicyRegistry();
  const id = policyId && registry.has(policyId) ? policyId : 'commercial';
  return registry.resolve(id, date);
}

/**
 * A short label of a unit method for the screen.
 * @param method - the policy's unit method
 */
export function methodLabel(method: string): string {
  if (method === 'cms') return 'CMS 8-minute rule, minutes pooled across codes (Pub. 100-04 Ch. 5 §20.2)';
  if (method === 'ama') return 'each code counted alone, midpoint rule (CPT time rule)';
  return 'one unit per full 15 minutes of each code (payer policy)';
}
