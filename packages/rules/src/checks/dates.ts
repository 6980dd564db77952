// The decimal value of text[from, to) when every character there is a digit, else -1: no substring built.
function digitsAt(text: string, from: number, to: number): number {
  if (to > text.length) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * Day number of a `YYYY-MM-DD` date (days since 1970-01-01), without building a Date object.
 * @param date - a valid ISO date
 */
export function dayNumber(date: string): number {
  let y = digitsAt(date, 0, 4);
  let m = digitsAt(date, 5, 7);
  let d = digitsAt(date, 8, 10);
  // Anything but plain digits keeps the general reading.
  if (y < 0 || m < 0 || d < 0) {
    y = Number(date.slice(0, 4));
    m = Number(date.slice(5, 7));
    d = Number(date.slice(8, 10));
  }
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
  // Fast path for the usual H:MM / HH:MM, reading the same numbers as below without substrings.
  const fh = colon <= 2 ? digitsAt(t, 0, colon) : -1;
  const fm = fh >= 0 ? digitsAt(t, colon + 1, colon + 3) : -1;
  if (fm >= 0) return fh > 23 || fm > 59 ? undefined : fh * 60 + fm;
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
  const y = digitsAt(date, 0, 4);
  return y >= 0 ? y : Number(date.slice(0, 4));
}
