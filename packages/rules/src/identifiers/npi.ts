/**
 * Checks an NPI's check digit: Luhn over the 9 digits prefixed by the card issuer prefix 80840
 * (CMS "Requirements for NPI check digit", 2005; x12.md §3 2010AA).
 * @param npi - the 10-digit NPI
 * @example
 * isValidNpi('1234567893') // true
 */
export function isValidNpi(npi: string): boolean {
  if (npi.length !== 10) return false;
  const digits = `80840${npi}`;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    const c = digits.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return false;
    let d = c;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/**
 * Computes the check digit for the first 9 digits of an NPI (for test data and fixtures).
 * @param first9 - nine digits
 */
export function npiCheckDigit(first9: string): string {
  for (let d = 0; d <= 9; d++) if (isValidNpi(`${first9}${d}`)) return `${d}`;
  return '';
}

/**
 * A plain-language problem with an NPI as typed, or null when it is valid.
 * @param value - the NPI as typed
 */
export function npiProblem(value: string): string | null {
  const v = value.trim();
  if (!/^\d{10}$/.test(v)) return 'An NPI is ten digits.';
  if (!/^[12]/.test(v)) return 'An NPI starts with 1 or 2.';
  return isValidNpi(v) ? null : 'The last digit of this NPI does not match the others (check digit): check for a typo.';
}
