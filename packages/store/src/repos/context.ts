import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Engine, Instant } from '../types.ts';

/** What every repository works with: the database (or the open transaction), the engine and the clock. */
export interface RepoContext {
  db: Kysely<Database>;
  engine: Engine;
  /** The clock as an ISO-8601 UTC instant. */
  now(): Instant;
}

/** A new row id: a random UUID, made here rather than by the database so both engines agree. */
export function newId(): string {
  return randomUUID();
}

/**
 * Runs `fn` in a transaction, or inside the one already open (nested writes join the outer transaction).
 * @param db - the database or an open transaction
 * @param fn - the writes
 */
export function inTransaction<T>(db: Kysely<Database>, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

/**
 * An instant as the store keeps it: `Date#toISOString()` form, so that text order is time order.
 * @param value - any instant `Date` can parse
 */
export function normalizeInstant(value: Instant): Instant {
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : d.toISOString();
}

/**
 * JSON text for a column, or null.
 * @param value - the value to store
 */
export function toJson(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

/**
 * The parsed JSON of a column, or the fallback for null.
 * @param text - the column
 * @param fallback - the value for null
 */
export function fromJson<T>(text: string | null, fallback: T): T {
  return text === null ? fallback : (JSON.parse(text) as T);
}

/**
 * Rows affected by an update or delete, as a number.
 * @param result - Kysely's update or delete result
 */
export function affected(result: { numUpdatedRows?: bigint; numDeletedRows?: bigint }): number {
  return Number(result.numUpdatedRows ?? result.numDeletedRows ?? 0n);
}
