/**
 * Checks a US ZIP code for a claim address: the 837P's billing provider address needs ZIP+4 (nine digits), other
 * addresses accept five or nine (x12.md §3 2010AA N4, 5010 837P TR3 N403).
 * @param value - the ZIP as typed (`12345`, `12345-6789` or `123456789`)
 * @param requirePlus4 - true for the billing provider's address
 * @returns null when valid, or a plain-language problem
 */
export function zipProblem(value: string, requirePlus4 = false): string | null {
  const v = value.trim();
  if (requirePlus4)
    return /^\d{5}-?\d{4}$/.test(v) ? null : 'The billing address needs a ZIP+4: nine digits, 12345-6789.';
  return /^\d{5}(-?\d{4})?$/.test(v) ? null : 'A ZIP code is five digits, or nine as 12345-6789.';
}
