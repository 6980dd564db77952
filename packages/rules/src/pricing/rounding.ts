/**
 * Integer division rounded half up (half a cent goes up), exact for safe integers. Pricing rounds once,
 * at the end, with this (design: money is integer cents).
 * @param numerator - a non-negative safe integer
 * @param denominator - a positive safe integer
 */
export function divRoundHalfUp(numerator: number, denominator: number): number {
  const q = Math.floor(numerator / denominator);
  const r = numerator - q * denominator;
  return r * 2 >= denominator ? q + 1 : q;
}

/**
 * Cents as dollars for people, e.g. 3507 → "$35.07", 123456 → "$1,234.56", -300 → "-$3.00". The one money
 * formatter every package uses, so a message, a report and a screen show the same amount the same way.
 * @param cents - integer cents (a fraction is rounded to the nearest cent)
 */
export function dollars(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const c = Math.round(Math.abs(cents));
  const d = Math.floor(c / 100);
  const r = c - d * 100;
  return `${sign}$${d.toLocaleString('en-US')}.${r < 10 ? '0' : ''}${r}`;
}
