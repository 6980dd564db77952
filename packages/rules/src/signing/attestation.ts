/** Who attests a note, as the statement names them. */
export interface Attester {
  name: string;
  /** PT, PTA, OT, …; absent for a signer without a provider record. */
  credential?: string | null;
  /** Date of service, `YYYY-MM-DD`. */
  date: string;
}

/**
 * The words a signer confirms when signing a note: the signature and professional identification of the qualified
 * professional who furnished or supervised the care (Pub. 100-02 Ch. 15 §220.3 E; rules.md §4.1). The browser
 * shows them and the server keeps them with the signature, so both build them here.
 * @param a - the signer's name and credential, and the date of service
 * @example
 * attestationStatement({ name: 'Pat Lee', credential: 'PT', date: '2026-02-02' })
 * // 'I, Pat Lee, PT, attest that this note reflects the care I furnished or supervised on 2026-02-02.'
 */
export function attestationStatement(a: Attester): string {
  const who = a.credential ? `${a.name}, ${a.credential}` : a.name;
  return `I, ${who}, attest that this note reflects the care I furnished or supervised on ${a.date}.`;
}
