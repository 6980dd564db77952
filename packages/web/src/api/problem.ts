/** One failing field as the server reports it: a dotted path such as `services.0.minutes`. */
export interface FieldError {
  path: string;
  message: string;
}

/** An RFC 9457 problem document (`application/problem+json`). */
export interface Problem {
  title: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
  [member: string]: unknown;
}

/** The one error type of the web app: a failed request, with the server's problem document. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  /**
   * @param problem - the problem document (or one built for a network failure, status 0)
   */
  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }

  /** The failing fields keyed by path, for showing each message next to its field. */
  get fields(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem.errors ?? []) out[e.path] ??= e.message;
    return out;
  }

  /** Whether the request never reached the server (offline, DNS, refused). */
  get isNetwork(): boolean {
    return this.status === 0;
  }
}

/**
 * A plain sentence for a failure, for places with no field to attach it to.
 * @param err - anything caught
 */
export function messageOf(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.isNetwork)
      return 'The server could not be reached. Your work is kept on this device and will be sent when the connection is back.';
    if (err.status === 401) return 'You are signed out. Sign in again to continue.';
    if (err.status === 403) return 'Your role does not allow this.';
    if (err.status === 404) return 'Not found: it does not exist or belongs to another clinic.';
    return err.problem.detail ?? err.problem.title;
  }
  return err instanceof Error ? err.message : 'Something went wrong.';
}

/**
 * The message for one field, matching either the exact path or a path ending with it, so a form can ask for
 * `email` while the server says `owner.email`.
 * @param fields - the failing fields by path
 * @param path - the form field's path
 */
export function fieldMessage(fields: Readonly<Record<string, string>>, path: string): string | undefined {
  if (fields[path]) return fields[path];
  for (const [k, v] of Object.entries(fields)) if (k.endsWith(`.${path}`)) return v;
  return undefined;
}
