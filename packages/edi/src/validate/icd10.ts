// ICD-10-CM code shape: a letter, a digit, then 1–5 letters or digits (3–7 characters), sent without the dot
// (CMS ICD-10-CM Official Guidelines FY2025 §I.A; x12.md §3 Formatting: no decimal point in HI).
const ICD10_CM = /^[A-Z][0-9][0-9A-Z][0-9A-Z]{0,4}$/;

/**
 * Removes the dot and spaces and upper-cases an ICD-10-CM code for the HI segment (`m25.511` → `M25511`).
 * @param code - the code as typed
 */
export function normalizeIcd10(code: string): string {
  let clean = true;
  for (let i = 0; i < code.length && clean; i++) {
    const c = code.charCodeAt(i);
    clean = (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
  }
  if (clean) return code;
  let out = '';
  for (const ch of code) if (ch !== '.' && ch !== ' ') out += ch.toUpperCase();
  return out;
}

/**
 * Tells whether a code has the shape of an ICD-10-CM code, without the dot. It does not check the code exists.
 * @param code - the code as sent in HI (no dot)
 */
export function isIcd10CmFormat(code: string): boolean {
  return ICD10_CM.test(code);
}
