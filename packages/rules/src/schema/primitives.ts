import { z } from 'zod';

/** Days in each month of a non-leap year. */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * True when `s` is a real calendar date in `YYYY-MM-DD` form (no 2025-02-30, no 2025-13-01).
 * @param s - the candidate string
 */
export function isIsoDate(s: string): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  const y = digits(s, 0, 4);
  const m = digits(s, 5, 7);
  const d = digits(s, 8, 10);
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const max = m === 2 && leap ? 29 : (MONTH_DAYS[m - 1] as number);
  return d <= max;
}

/**
 * True when `s` is a 24-hour clock time `HH:MM` (00:00 to 23:59).
 * @param s - the candidate string
 */
export function isClockTime(s: string): boolean {
  if (s.length !== 5 || s.charCodeAt(2) !== 58) return false;
  const h = digits(s, 0, 2);
  const m = digits(s, 3, 5);
  return h >= 0 && h <= 23 && m >= 0 && m <= 59;
}

/** Parses the decimal digits in s[from, to); -1 if any is not a digit. Avoids a regex on the hot path. */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * The range a date of service, certification or birth may fall in: anything outside is a typing slip (year 0000 or
 * 9999), not a visit. Our own bound, chosen to cover every living patient and any plan of care; documented in README.
 */
export const MIN_PLAUSIBLE_DATE = '1900-01-01';
export const MAX_PLAUSIBLE_DATE = '2100-12-31';

/**
 * True when `s` is a real `YYYY-MM-DD` date within 1900-01-01..2100-12-31 (ISO dates compare as strings).
 * @param s - the candidate string
 */
export function isPlausibleDate(s: string): boolean {
  return isIsoDate(s) && s >= MIN_PLAUSIBLE_DATE && s <= MAX_PLAUSIBLE_DATE;
}

/** A date of service or certification, `YYYY-MM-DD`, a real calendar date between 1900 and 2100. */
export const isoDate = z
  .string()
  .refine(isIsoDate, { message: 'must be a real date written YYYY-MM-DD' })
  .refine((s) => !isIsoDate(s) || isPlausibleDate(s), {
    message: `must be between ${MIN_PLAUSIBLE_DATE} and ${MAX_PLAUSIBLE_DATE}`,
  });

/** A clock time `HH:MM`, 24-hour. */
export const clockTime = z.string().refine(isClockTime, { message: 'must be a clock time written HH:MM (24-hour)' });

/** An identifier: a non-empty string. */
export const id = z
  .string()
  .min(1, { message: 'must not be empty' })
  .superRefine((s, ctx) => {
    const p = textProblem(s, false);
    if (p) ctx.addIssue({ code: 'custom', message: TEXT_PROBLEM_MESSAGES[p] });
  });

/** A procedure code's shape (CPT/HCPCS: five letters or digits); catalog membership is checked apart. */
export const codeShape = z.string().regex(/^[0-9A-Z]{5}$/, { message: 'must be a five-character code like 97530' });

/** Up to four two-character modifiers (X12 SV101-3..6 holds four; Pub. 100-04 Ch. 26 item 24D). */
export const modifiers = z
  .array(z.string().regex(/^[0-9A-Z]{2}$/, { message: 'must be a two-character modifier like GP' }))
  .max(4, { message: 'at most four modifiers fit on a claim line' });

/** Whole minutes, zero or more, at most a day. */
export const minutes = z
  .number()
  .int({ message: 'must be whole minutes' })
  .min(0, { message: 'must not be negative' })
  .max(1440, { message: 'is more than a day of minutes' });

/** What is wrong with a piece of text, or undefined when it can be stored as it is. */
export type TextProblem = 'nul' | 'control' | 'surrogate';

/**
 * Why `s` cannot be stored exactly, if it cannot: a NUL (PostgreSQL text cannot hold it), another C0 control
 * character (tab, newline and carriage return allowed only when `multiLine`), DEL, or a lone UTF-16 surrogate (not
 * well-formed Unicode: it would come back as U+FFFD).
 * @param s - the text
 * @param multiLine - whether tab and line breaks are allowed (notes, descriptions)
 */
export function textProblem(s: string, multiLine: boolean): TextProblem | undefined {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0) return 'nul';
    if (c < 0x20 || c === 0x7f) {
      if (multiLine && (c === 9 || c === 10 || c === 13)) continue;
      return 'control';
    }
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return 'surrogate';
    }
    if (c >= 0xdc00 && c <= 0xdfff) return 'surrogate';
  }
  return undefined;
}

/** The sentence for each text problem, as a field message. */
export const TEXT_PROBLEM_MESSAGES: Record<TextProblem, string> = {
  nul: 'Contains a NUL character, which cannot be stored.',
  control: 'Contains a control character; remove it (copied text sometimes carries one).',
  surrogate: 'Contains a broken character (not valid Unicode).',
};

/**
 * A zod string that refuses what `textProblem` finds: every text field starts from `singleLineText` or
 * `multiLineText`, so none can forget the rule.
 * @param multiLine - whether tab and line breaks are allowed
 */
function checkedText(multiLine: boolean) {
  return z.string().superRefine((s, ctx) => {
    const p = textProblem(s, multiLine);
    if (p) ctx.addIssue({ code: 'custom', message: TEXT_PROBLEM_MESSAGES[p] });
  });
}

/** A one-line text field (names, codes, reasons): no control characters at all. */
export const singleLineText = () => checkedText(false);

/** A multi-line text field (notes, descriptions): tab and line breaks allowed, other control characters not. */
export const multiLineText = () => checkedText(true);
