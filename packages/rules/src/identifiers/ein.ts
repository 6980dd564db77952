/**
 * Checks a federal employer identification number (EIN): nine digits, written `12-3456789` or `123456789`
 * (IRS Publication 1635; the 837P carries it without the hyphen in REF*EI, x12.md §3 2010AA).
 * @param value - the EIN as typed
 * @returns null when valid, or a plain-language problem
 */
export function einProblem(value: string): string | null {
  const v = value.trim();
  if (!/^\d{2}-?\d{7}$/.test(v)) return 'A tax id (EIN) is nine digits, written 12-3456789.';
  if (/^0{2}/.test(v) || /^(\d)\1-?\1{7}$/.test(v)) return 'This tax id is not one the IRS issues; check the digits.';
  return null;
}

/**
 * The EIN's nine digits without the hyphen, as the 837P carries it.
 * @param value - a valid EIN
 */
export function einDigits(value: string): string {
  return value.replace(/\D/g, '');
}
