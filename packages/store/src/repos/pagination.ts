import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Page, PageRequest } from '../types.ts';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;

/** A cursor key: the sort columns of the last row of a page. */
export type CursorKey = (string | number)[];

/**
 * The page size asked for, kept within 1..500.
 * @param req - the page request
 */
export function pageLimit(req?: PageRequest): number {
  const n = req?.limit ?? DEFAULT_LIMIT;
  return Number.isFinite(n) ? Math.min(MAX_LIMIT, Math.max(1, Math.trunc(n))) : DEFAULT_LIMIT;
}

/**
 * An opaque cursor for a key (base64url JSON).
 * @param key - the sort columns of the last row
 */
export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/**
 * The key inside a cursor, or undefined when the cursor is absent or not one of ours (the first page is served).
 * @param cursor - the cursor from the client
 * @param length - how many sort columns the key must have
 */
export function decodeCursor(cursor: string | null | undefined, length: number): CursorKey | undefined {
  if (!cursor) return undefined;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(key) || key.length !== length) return undefined;
    return key.every((v) => typeof v === 'string' || typeof v === 'number') ? (key as CursorKey) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Turns `limit + 1` fetched rows into a page: the extra row only says there is a next page.
 * @param rows - rows fetched with `limit + 1`
 * @param limit - the page size
 * @param keyOf - the sort columns of a row
 * @param map - row to domain object
 */
export function toPage<R, T>(rows: R[], limit: number, keyOf: (row: R) => CursorKey, map: (row: R) => T): Page<T> {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  const last = kept[kept.length - 1];
  return { items: kept.map(map), nextCursor: more && last !== undefined ? encodeCursor(keyOf(last)) : null };
}

/**
 * The rows after a cursor key in a newest-first list ordered by `column` desc, then `id` desc (the claims, exports
 * and remittances lists).
 * @param column - the time column the list is ordered by
 * @param key - the decoded cursor: [time, id]
 */
export function afterNewestFirst(column: string, key: CursorKey): RawBuilder<SqlBool> {
  const [at, id] = [String(key[0]), String(key[1])];
  const c = sql.ref(column);
  return sql<SqlBool>`(${c} < ${at} or (${c} = ${at} and ${sql.ref('id')} < ${id}))`;
}
