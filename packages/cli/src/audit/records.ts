import type { InputError } from '@unitwise/rules';

/** Rewrites an error path from the checker into the reader's own terms (e.g. a CSV line and column). */
export type Rewrite = (error: InputError) => InputError;

/**
 * One thing a reader found in the input, in order: a payers list, a patient, a visit, or an input error
 * (broken JSON, a bad CSV row). The pipeline validates and audits them.
 */
export type InputRecord =
  | { kind: 'payers'; list: unknown[]; prefix: string }
  | { kind: 'patient'; raw: unknown; where: string; rewrite?: Rewrite }
  | { kind: 'visit'; raw: unknown; where: string; rewrite?: Rewrite; order?: number }
  | { kind: 'error'; error: InputError };
