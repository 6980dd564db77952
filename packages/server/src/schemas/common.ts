import { MAX_PLAUSIBLE_DATE, MIN_PLAUSIBLE_DATE, TEXT_PROBLEM_MESSAGES, textProblem } from '@unitwise/rules';
import { z } from 'zod';

/**
 * A `YYYY-MM-DD` calendar date (dates of service, certification dates), within 1900-01-01..2100-12-31: year 0000 or
 * 9999 is a typing slip (the bound is the rules package's, documented in README).
 */
export const isoDate = z.iso
  .date({ error: (issue) => (issue.input === undefined ? 'Required.' : 'Expected a date as YYYY-MM-DD.') })
  // Only a well-formed date is checked against the range: a malformed one has its own message already.
  .refine((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s) || (s >= MIN_PLAUSIBLE_DATE && s <= MAX_PLAUSIBLE_DATE), {
    message: `Expected a date between ${MIN_PLAUSIBLE_DATE} and ${MAX_PLAUSIBLE_DATE}.`,
  });

/**
 * A zod check for text that can be stored exactly: no NUL, no control characters (tab and line breaks allowed when
 * `multiLine`), well-formed Unicode (no lone surrogate). Every text field's schema ends with it.
 * @param multiLine - whether tab and line breaks are allowed
 */
export function storable(multiLine = false) {
  return (s: string, ctx: z.RefinementCtx<string>): void => {
    const p = textProblem(s, multiLine);
    if (p) ctx.addIssue({ code: 'custom', message: TEXT_PROBLEM_MESSAGES[p] });
  };
}

/**
 * A text field of at most `max` characters that can be stored exactly (see `storable`).
 * @param max - the longest allowed
 * @param multiLine - whether tab and line breaks are allowed
 */
export function safeText(max: number, multiLine = false) {
  return z.string().max(max).superRefine(storable(multiLine));
}

/** Clock time `HH:MM` (24-hour). */
export const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Expected a time as HH:MM (24-hour).');

/** An opaque id in a path. */
export const IdParams = z.object({ id: z.string().min(1).max(100).superRefine(storable()) });

/** Pagination: `limit` rows after the opaque `cursor` of the previous page. */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('Rows per page (1-200, default 50).'),
  // Sealed cursors (http/cursor-seal.ts) are longer than the store's key; 1,000 holds any of them.
  cursor: z.string().max(1000).optional().describe('The `next` value of the previous page (opaque).'),
});

/**
 * A page of results: `next` is the cursor for the following page, or null on the last one.
 * @param item - the row schema
 */
export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), next: z.string().nullable() });
}

/** The answer of a DELETE or sign-out: nothing. */
export const Empty = z.object({});

/**
 * A check that a JSON document (a payer policy) stays under `maxBytes` once serialized: such documents are kept
 * whole and read on every assessment, so a bound protects the store and the engine. Depth is bounded for every body
 * in http/safe-json.ts.
 * @param maxBytes - the largest allowed serialized size
 */
export function withinBytes(maxBytes: number) {
  return (value: unknown, ctx: z.RefinementCtx<unknown>): void => {
    if (Buffer.byteLength(JSON.stringify(value) ?? '') > maxBytes) {
      ctx.addIssue({ code: 'custom', message: `The document is larger than ${maxBytes} bytes.`, path: [] });
    }
  };
}

/** The largest payer policy document (100 kB: a clinic's override holds a few dated fee and limit fields). */
export const MAX_POLICY_BYTES = 100_000;
