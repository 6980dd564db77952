import { z } from 'zod';

/** A `YYYY-MM-DD` calendar date (dates of service, certification dates). */
export const isoDate = z.iso.date({
  error: (issue) => (issue.input === undefined ? 'Required.' : 'Expected a date as YYYY-MM-DD.'),
});

/** Clock time `HH:MM` (24-hour). */
export const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Expected a time as HH:MM (24-hour).');

/** An opaque id in a path. */
export const IdParams = z.object({ id: z.string().min(1).max(100) });

/** Pagination: `limit` rows after the opaque `cursor` of the previous page. */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('Rows per page (1-200, default 50).'),
  cursor: z.string().max(200).optional().describe('The `next` value of the previous page.'),
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
