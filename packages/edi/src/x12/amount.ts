/**
 * Parses an X12 decimal amount (`945.00`, `-42.58`, `56.7`, `20`) into integer cents, rounding half up past
 * two decimals. Hand-written digit scan: this runs once per amount on 50 MB files.
 * @param s - the element value
 * @returns cents, or null when the value is empty or not a number
 */
export function parseCents(s: string | undefined): number | null {
  if (s === undefined) return null;
  return parseCentsRange(s, 0, s.length);
}

/**
 * Parses an amount straight out of a larger text, without cutting a substring first.
 * @param s - the text
 * @param from - start offset
 * @param to - end offset (exclusive)
 * @returns cents, or null when the range is empty or not a number
 */
export function parseCentsRange(s: string, from: number, to: number): number | null {
  if (to <= from) return null;
  let i = from;
  let neg = false;
  let c = s.charCodeAt(i);
  if (c === 45) {
    neg = true;
    i++;
  } else if (c === 43) i++;
  let whole = 0;
  let digits = 0;
  for (; i < to; i++) {
    c = s.charCodeAt(i);
    if (c === 46) break;
    if (c < 48 || c > 57) return null;
    whole = whole * 10 + (c - 48);
    digits++;
  }
  let frac = 0;
  let fd = 0;
  let up = 0;
  if (i < to) {
    for (i++; i < to; i++) {
      c = s.charCodeAt(i);
      if (c < 48 || c > 57) return null;
      if (fd < 2) frac = frac * 10 + (c - 48);
      else if (fd === 2 && c >= 53) up = 1;
      fd++;
    }
  }
  if (digits === 0 && fd === 0) return null;
  if (fd === 1) frac *= 10;
  const cents = whole * 100 + frac + up;
  return neg && cents !== 0 ? -cents : cents;
}

/**
 * Formats integer cents as an X12 amount: no leading `+`, no trailing zeros (`10000` → `100`, `12350` → `123.5`),
 * a leading `-` for negatives (TR3 005010X222A1 §A.1.3.1.2, decimal data element).
 * @param cents - integer cents
 */
export function formatAmount(cents: number): string {
  const neg = cents < 0;
  const a = neg ? -cents : cents;
  const whole = Math.floor(a / 100);
  const frac = a % 100;
  let s: string;
  if (frac === 0) s = `${whole}`;
  else if (frac % 10 === 0) s = `${whole}.${frac / 10}`;
  else s = `${whole}.${frac < 10 ? '0' : ''}${frac}`;
  return neg ? `-${s}` : s;
}

/**
 * Formats a quantity (units) without trailing zeros; X12 R-type decimal.
 * @param q - the quantity
 */
export function formatQuantity(q: number): string {
  return Number.isInteger(q) ? `${q}` : `${Math.round(q * 1000) / 1000}`;
}
