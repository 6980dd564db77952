import { ZodError } from 'zod';
import { ApiError, type ApiErrorKind, type FieldError } from './api-error.ts';
import { frameworkProblem } from './framework-errors.ts';

/** An RFC 9457 problem document as this API sends it. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors: FieldError[];
  [member: string]: unknown;
}

const KINDS: Record<ApiErrorKind, { status: number; title: string }> = {
  invalid: { status: 400, title: 'Invalid request' },
  unauthenticated: { status: 401, title: 'Not signed in' },
  forbidden: { status: 403, title: 'Not allowed' },
  'not-found': { status: 404, title: 'Not found' },
  conflict: { status: 409, title: 'Conflict' },
  'precondition-failed': { status: 412, title: 'Precondition failed' },
  unprocessable: { status: 422, title: 'Unprocessable request' },
  'precondition-required': { status: 428, title: 'Precondition required' },
  locked: { status: 423, title: 'Account locked' },
  'rate-limited': { status: 429, title: 'Too many requests' },
  disabled: { status: 403, title: 'Disabled' },
};

/** Base of the `type` URIs; relative so that any deployment resolves them against itself. */
const TYPE_BASE = '/api/problems/';

/**
 * Joins a zod issue path into the dotted form the API reports (`services.0.minutes`).
 * @param path - the issue path
 */
export function joinPath(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join('.');
}

/**
 * The single place where every failure becomes an HTTP status and a problem document.
 * @param err - anything thrown while handling a request (ApiError, ZodError, Fastify errors, the unknown)
 */
export function toProblem(err: unknown): Problem {
  if (err instanceof ApiError) {
    const k = KINDS[err.kind];
    return {
      ...err.extra,
      type: TYPE_BASE + err.kind,
      title: k.title,
      status: k.status,
      detail: err.message,
      errors: err.errors,
    };
  }
  if (err instanceof ZodError) {
    const errors = err.issues.map((i) => ({ path: joinPath(i.path), message: i.message }));
    return {
      type: `${TYPE_BASE}invalid`,
      title: KINDS.invalid.title,
      status: 400,
      detail: `The request has ${errors.length} invalid field${errors.length === 1 ? '' : 's'}.`,
      errors,
    };
  }
  // A body naming an id that exists nowhere, caught by the database's foreign key (PostgreSQL 23503, SQLite's
  // constraint code): the routes check their ids first; this keeps any one they miss a 400, never a 500.
  const code = (err as { code?: unknown } | null)?.code;
  if (code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
    return {
      type: `${TYPE_BASE}invalid`,
      title: KINDS.invalid.title,
      status: 400,
      detail: 'The request refers to a record that does not exist.',
      errors: [],
    };
  }
  // Fastify's own errors (wrong content type, body too large, bad URL) carry a 4xx statusCode.
  const status = (err as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) return frameworkProblem(err, status);
  return {
    type: `${TYPE_BASE}internal`,
    title: 'Internal error',
    status: 500,
    detail: 'The server failed to handle this request.',
    errors: [],
  };
}
