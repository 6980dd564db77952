/** What went wrong, in HTTP-neutral words; `toProblem` turns each kind into a status. */
export type ApiErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'precondition-required'
  | 'precondition-failed'
  | 'unprocessable'
  | 'locked'
  | 'rate-limited'
  | 'disabled';

/** One failing field: a dotted path such as `services.0.minutes` and what is wrong with it. */
export interface FieldError {
  path: string;
  message: string;
}

/** The one error type the server throws; `toProblem` maps it to `application/problem+json`. */
export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly errors: FieldError[];
  /** Extra members for the problem document (e.g. the findings that block signing). */
  readonly extra: Record<string, unknown>;

  /**
   * @param kind - the category that decides the HTTP status
   * @param detail - a sentence for the human reading the response
   * @param errors - failing fields, if any
   * @param extra - additional problem members
   */
  constructor(kind: ApiErrorKind, detail: string, errors: FieldError[] = [], extra: Record<string, unknown> = {}) {
    super(detail);
    this.name = 'ApiError';
    this.kind = kind;
    this.errors = errors;
    this.extra = extra;
  }
}

/**
 * The answer for any id that is missing or belongs to another clinic: the two must be indistinguishable.
 * @param entity - what was looked up, e.g. `patient`
 */
export function notFound(entity: string): ApiError {
  return new ApiError('not-found', `No ${entity} with this id.`);
}
