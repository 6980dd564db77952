import { textProblem } from '@unitwise/rules';
import type { FastifyInstance } from 'fastify';
import { ApiError, type FieldError } from '../errors/api-error.ts';

/** Deepest nesting any body may have: our deepest (a payer policy) is under 10; 1,000-level documents are attacks. */
export const MAX_JSON_DEPTH = 32;

/** Keys that would reach an object's prototype if any code copied the body naively. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Problems every string anywhere in a request is checked for: what no engine can store exactly. */
const UNSAFE_MESSAGES = {
  nul: 'Contains a NUL character, which cannot be stored.',
  surrogate: 'Contains a broken character (not valid Unicode).',
} as const;

/**
 * The first value in a parsed request part that cannot be accepted, with its dotted path: a forbidden key, nesting
 * deeper than MAX_JSON_DEPTH, a NUL or a lone surrogate in a key or a string. Walks iteratively (no stack overflow).
 * Other control characters are the field schemas' business (tab and newline are fine in notes, not in names).
 * @param root - the parsed value
 * @param prefix - the part's name for paths (`''` for the body, `query`, `params`)
 */
export function findUnsafe(root: unknown, prefix = ''): (FieldError & { kind: 'key' | 'depth' | 'text' }) | undefined {
  const stack: { value: unknown; path: string[] }[] = [{ value: root, path: prefix ? [prefix] : [] }];
  const join = (p: string[]) => p.join('.');
  while (stack.length > 0) {
    const { value, path } = stack.pop() as { value: unknown; path: string[] };
    if (typeof value === 'string') {
      const p = textProblem(value, true);
      if (p === 'nul' || p === 'surrogate') return { kind: 'text', path: join(path), message: UNSAFE_MESSAGES[p] };
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (path.length - (prefix ? 1 : 0) >= MAX_JSON_DEPTH) {
      return { kind: 'depth', path: join(path), message: `Nested deeper than ${MAX_JSON_DEPTH} levels.` };
    }
    for (const [k, v] of Object.entries(value)) {
      const at = [...path, k];
      if (FORBIDDEN_KEYS.has(k)) return { kind: 'key', path: join(at), message: `The key "${k}" is not allowed.` };
      const kp = textProblem(k, false);
      if (kp) return { kind: 'text', path: join(at), message: 'This key contains a character that is not allowed.' };
      stack.push({ value: v, path: at });
    }
  }
  return undefined;
}

/**
 * Throws a 400 naming the path when `value` holds something no handler may see (see `findUnsafe`).
 * @param value - a parsed request part
 * @param prefix - its name in paths
 */
export function assertSafe(value: unknown, prefix: string): void {
  const bad = findUnsafe(value, prefix);
  if (!bad) return;
  const detail =
    bad.kind === 'key'
      ? 'The request has a key that is not allowed.'
      : bad.kind === 'depth'
        ? `The body is nested deeper than ${MAX_JSON_DEPTH} levels.`
        : 'The request has text that cannot be stored.';
  throw new ApiError('invalid', detail, [{ path: bad.path, message: bad.message }]);
}

/**
 * Replaces Fastify's JSON parser: plain `JSON.parse` (own properties only, so `__proto__` cannot pollute), then the
 * checks of `findUnsafe` with the path named, and "not valid JSON" for the rest. Query and path parameters get the
 * same string checks before any handler or guard reads them.
 * @param app - the Fastify instance
 */
export function registerSafeJson(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const raw = typeof body === 'string' ? body : body.toString('utf8');
    if (raw.trim() === '') {
      done(
        new ApiError('invalid', 'The body is empty; send a JSON document.', [{ path: 'body', message: 'Required.' }]),
      );
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      done(new ApiError('invalid', 'The body is not valid JSON.', [{ path: 'body', message: 'Not valid JSON.' }]));
      return;
    }
    try {
      assertSafe(parsed, '');
    } catch (err) {
      done(err as Error);
      return;
    }
    done(null, parsed);
  });
  app.addHook('preValidation', async (request) => {
    assertSafe(request.params, 'params');
    assertSafe(request.query, 'query');
  });
}
