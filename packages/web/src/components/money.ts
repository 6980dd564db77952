import { dollars } from '@unitwise/rules';

/**
 * Formats integer cents as dollars for display, or a dash when unknown (the rules' `dollars`).
 * @param cents - integer cents, or null when unknown
 */
export function formatCents(cents: number | null | undefined): string {
  return cents === null || cents === undefined ? '—' : dollars(cents);
}

/**
 * Parses a dollar amount typed by a user into integer cents.
 * @param text - e.g. `"35.20"` or `"$1,035"`
 * @returns cents, or null when the text is not an amount
 */
export function parseDollars(text: string): number | null {
  const m = /^\s*\$?\s*(\d{1,3}(?:,?\d{3})*|\d+)(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!m) return null;
  const whole = Number((m[1] as string).replaceAll(',', ''));
  const frac = m[2] ? Number(m[2].padEnd(2, '0')) : 0;
  return whole * 100 + frac;
}
