import { toStoreError } from '../db/sql-errors.ts';

/**
 * Makes every method of a repository throw only StoreError (driver errors wrapped, trigger refusals named).
 * @param repo - a repository object of async methods
 */
export function guarded<T extends object>(repo: T): T {
  const out: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(repo)) {
    if (typeof fn !== 'function') continue;
    out[name] = async (...args: unknown[]) => {
      try {
        return await fn(...args);
      } catch (err) {
        throw toStoreError(err);
      }
    };
  }
  // Same method names and signatures as `repo`; only the thrown type changed.
  return out as T;
}
