/**
 * A plain-language problem with a submitter or receiver id, or null when it fits: ISA06/ISA08 hold 15 characters
 * and NM109 at least 2 (005010X222A1 ISA, 1000A/1000B; x12.md §3).
 * @param value - the id as the clearinghouse gave it
 * @param who - 'submitter' or 'receiver', for the message
 */
export function partyIdProblem(value: string, who: 'submitter' | 'receiver'): string | null {
  const v = value.trim();
  const from = who === 'submitter' ? 'the id your clearinghouse gave your clinic' : 'the clearinghouse’s own id';
  if (v.length === 0) return `Enter ${from}.`;
  if (!/^[A-Za-z0-9]{2,15}$/.test(v)) return `Use ${from}: 2 to 15 letters or digits, no spaces.`;
  return null;
}

/**
 * A plain-language problem with a payer id (NM109 of 2010BB, qualifier PI), or null when it fits: 2 to 80
 * characters (005010X222A1 2010BB NM109); clearinghouse payer lists mostly use five, e.g. 12202.
 * @param value - the id from the clearinghouse's payer list
 */
export function payerIdProblem(value: string): string | null {
  const v = value.trim();
  if (v.length === 0) return 'Enter the payer id from your clearinghouse’s payer list (often five characters).';
  if (!/^[A-Za-z0-9-]{2,80}$/.test(v)) return 'A payer id is 2 to 80 letters, digits or hyphens, no spaces.';
  return null;
}

/**
 * A plain-language problem with a provider taxonomy code, or null when it fits: ten characters ending in X
 * (NUCC Health Care Provider Taxonomy code set; 225100000X physical therapist, 225X00000X occupational therapist,
 * 235Z00000X speech-language pathologist).
 * @param value - the code as typed; empty is allowed (PRV is situational)
 */
export function taxonomyProblem(value: string): string | null {
  const v = value.trim();
  if (v.length === 0) return null;
  return /^[0-9]{3}[0-9A-Z]{6}X$/.test(v.toUpperCase())
    ? null
    : 'A taxonomy code is ten characters ending in X, e.g. 225100000X for a physical therapist.';
}
