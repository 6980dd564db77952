/**
 * Day number of a `YYYY-MM-DD` date (days since 1970-01-01), without building a Date object.
 * @param date - a valid ISO date
 */
export function dayNumber(date: string): number {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  return Math.floor(Date.UTC(y, m - 1, d) / 86_400_000);
}

/**
 * The date `days` after a date.
 * @param date - a valid ISO date
 * @param days - whole days, may be negative
 */
export function addDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Minutes since midnight of an `HH:MM` clock time, or undefined when it is not one.
 * @param t - clock time
 */
export function clockMinutes(t: string | undefined): number | undefined {
  if (!t || t.length < 4) return undefined;
  const colon = t.indexOf(':');
  if (colon < 1) return undefined;
  const h = Number(t.slice(0, colon));
  const m = Number(t.slice(colon + 1, colon + 3));
  if (!Number.isInteger(h) || !Number.isInteger(m) || h > 23 || m > 59) return undefined;
  return h * 60 + m;
}

/**
 * Calendar year of an ISO date.
 * @param date - a valid ISO date
 */
export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}
