import { StoreError } from '../errors.ts';
import { APPEND_ONLY_MESSAGE, SIGNED_MESSAGE } from '../migrations/0004-immutability-triggers.ts';

/** The `code` a driver error carries: SQLSTATE for pg, `SQLITE_CONSTRAINT_*` for better-sqlite3. */
function codeOf(err: unknown): string {
  return typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
}

/**
 * True when a unique or primary key constraint refused the write.
 * @param err - what the driver threw
 */
export function isUniqueViolation(err: unknown): boolean {
  const code = codeOf(err);
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * True when a foreign key refused the write.
 * @param err - what the driver threw
 */
export function isForeignKeyViolation(err: unknown): boolean {
  const code = codeOf(err);
  return code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

/**
 * Wraps anything a driver threw in the package's one error type, naming trigger refusals.
 * @param err - what was thrown
 */
export function toStoreError(err: unknown): StoreError {
  if (err instanceof StoreError) return err;
  const message = err instanceof Error ? err.message : String(err);
  if (message.includes(SIGNED_MESSAGE)) return new StoreError('signed-immutable', SIGNED_MESSAGE, err);
  if (message.includes(APPEND_ONLY_MESSAGE)) return new StoreError('append-only', APPEND_ONLY_MESSAGE, err);
  const code = codeOf(err);
  if (code.startsWith('23') || code.startsWith('SQLITE_CONSTRAINT')) return new StoreError('constraint', message, err);
  return new StoreError('unexpected', message, err);
}
