/**
 * Claim adjustment group codes (CAS01), in our words. 5010 uses CO, PR, OA, PI; CR existed in 4010 only
 * (x12.md §4 "Group codes"). Unknown groups are kept and flagged, never fatal.
 */
export const GROUP_CODES: Readonly<Record<string, string>> = {
  CO: 'Contractual obligation: the provider writes this off and may not bill the patient for it.',
  PR: 'Patient responsibility: the patient owes this (deductible, coinsurance, copay or non-covered).',
  OA: 'Other adjustment: neither the provider nor the patient is held responsible by this payer.',
  PI: 'Payer-initiated reduction: the payer reduced it, and the provider may not bill the patient.',
  CR: 'Correction or reversal (4010 only; 5010 files should not use it).',
};

/**
 * Plain words for a group code, or a note that it is unknown.
 * @param group - CAS01
 */
export function explainGroup(group: string): string {
  return GROUP_CODES[group] ?? `Unknown group code ${group}: kept as sent; check with the payer.`;
}
