/**
 * Remittance advice remark codes (RARC: LQ*HE in 2110, MOA/MIA at claim level), in our own words. The
 * authoritative list is x12.org's RARC page; unknown codes are shown as unknown, never rejected (x12.md §4).
 */
export const RARC_TEXT: Readonly<Record<string, string>> = {
  M15: 'Separately billed services or tests were bundled: they are paid as part of another service.',
  M20: 'The HCPCS code is missing or incomplete.',
  M51: 'The procedure code is missing, incomplete or invalid.',
  M76: 'The diagnosis is missing, incomplete or invalid.',
  M77: 'The place of service is missing, incomplete or invalid.',
  M80: 'Not covered when performed on the same day as another service.',
  M86: 'Service denied because payment was already made for a similar procedure in the same period.',
  M127: 'The patient’s medical record for this service is missing.',
  MA01: 'If you disagree, you may appeal; the payer explains how in its notice.',
  MA02: 'If you disagree, you may appeal within the payer’s deadline.',
  MA04: 'Secondary payment cannot be considered without the primary payer’s identity or payment information.',
  MA18: 'The claim was forwarded to the patient’s supplemental insurer.',
  MA92: 'The primary payer’s payment information is missing or not enough.',
  MA130: 'The claim has missing or invalid information and cannot be appealed; fix it and submit a new claim.',
  N14: 'Payment based on a contractual amount or agreement, fee schedule or maximum allowable amount.',
  N20: 'The service is not paid separately when performed with another service (bundling).',
  N115: 'The decision was based on a local coverage determination (LCD).',
  N130: 'Check the plan’s benefit documents or guidelines for the coverage limits.',
  N179: 'Additional information was requested but not received.',
  N206: 'The supporting documentation did not match the information on the claim.',
  N290: 'The rendering provider’s identifier is missing, incomplete or invalid.',
  N362: 'The number of days or units of service exceeds what is acceptable for this service.',
  N386: 'The decision was based on a national coverage determination (NCD).',
  N390: 'This service cannot be billed separately.',
  N432: 'Adjusted because of a claim already billed or a change in billing.',
  N522: 'Duplicate of a claim already processed.',
  N640: 'The units exceed the maximum allowed per day (medically unlikely edit).',
  N657: 'This should be billed with the appropriate code for these services.',
};

/**
 * Plain words for a RARC, or a note that it is not in our table.
 * @param code - the remark code
 */
export function explainRarc(code: string): string {
  return RARC_TEXT[code] ?? `Remark code ${code} is not in our table; look it up on x12.org's RARC list.`;
}
