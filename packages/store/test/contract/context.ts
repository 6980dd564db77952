import type { Engine, Store } from '../../src/index.ts';
import type { Target } from '../helpers/targets.ts';

/** Filled in by the suite's beforeAll: one store per engine, and the raw connection beside it. */
export interface ContractContext {
  /** Known when the tests are defined (the rest only inside tests). */
  engine: Engine;
  store: Store;
  target: Target;
}

/**
 * Runs raw SQL and returns the error message it failed with, or 'no error'.
 * @param target - the raw connection
 * @param sqlText - the statement
 * @param params - its parameters
 */
export async function rawError(target: Target, sqlText: string, params: unknown[] = []): Promise<string> {
  try {
    await target.raw(sqlText, params);
    return 'no error';
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

/**
 * Placeholder `n` (1-based) in the engine's syntax.
 * @param target - the engine
 * @param n - the placeholder's position
 */
export function ph(target: Target, n: number): string {
  return target.engine === 'postgres' ? `$${n}` : '?';
}
