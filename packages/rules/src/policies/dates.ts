import type { IsoDate } from '../types.ts';

/**
 * The calendar day before a `YYYY-MM-DD` date (pure date arithmetic in UTC, no clock).
 * @param date - a valid `YYYY-MM-DD` date
 */
export function dayBefore(date: IsoDate): IsoDate {
  const t = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return new Date(t - 86_400_000).toISOString().slice(0, 10);
}

/**
 * Whether a string is a real calendar date in `YYYY-MM-DD` form.
 * @param s - the candidate
 */
export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string' || s.length !== 10 || s[4] !== '-' || s[7] !== '-') return false;
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}
