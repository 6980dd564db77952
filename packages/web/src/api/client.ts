import { ApiError, type Problem } from './problem.ts';

/** The CSRF token of the current session; the server hands it out at sign-in and on `GET /session`. */
let csrfToken: string | undefined;

/**
 * Remembers the CSRF token for every later write.
 * @param token - the token, or undefined after sign-out
 */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
  if (token) sessionStorage.setItem('unitwise.csrf', token);
  else sessionStorage.removeItem('unitwise.csrf');
}

function currentCsrf(): string | undefined {
  csrfToken ??= sessionStorage.getItem('unitwise.csrf') ?? undefined;
  return csrfToken;
}

export interface RequestOptions {
  /** The ETag the edit was based on, for optimistic concurrency. */
  ifMatch?: string;
  /** Makes a creating POST safe to retry. */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

/** A response body with the headers the caller may need (the ETag of a visit). */
export interface ApiResponse<T> {
  body: T;
  etag?: string;
}

/**
 * Sends one request to `/api/v1` and returns the parsed body; any failure throws `ApiError` (status 0 when the
 * network failed), carrying the server's problem document with its field paths.
 * @param method - HTTP method
 * @param path - path under `/api/v1`, e.g. `/patients`
 * @param body - JSON body, if any
 * @param opts - concurrency and idempotency headers
 */
export async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  opts: RequestOptions = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const csrf = currentCsrf();
  if (method !== 'GET' && csrf) headers['x-csrf-token'] = csrf;
  if (opts.ifMatch) headers['if-match'] = opts.ifMatch;
  if (opts.idempotencyKey) headers['idempotency-key'] = opts.idempotencyKey;
  let res: Response;
  try {
    const init: RequestInit = { method, headers, credentials: 'same-origin' };
    if (body !== undefined) init.body = JSON.stringify(body);
    if (opts.signal) init.signal = opts.signal;
    res = await fetch(`/api/v1${path}`, init);
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError({ title: 'Network error', status: 0, detail: 'The server could not be reached.' });
  }
  const text = await res.text();
  const parsed: unknown = text ? safeJson(text) : undefined;
  if (!res.ok) {
    const problem = (parsed && typeof parsed === 'object' ? parsed : {}) as Partial<Problem>;
    throw new ApiError({ ...problem, title: problem.title ?? res.statusText, status: res.status });
  }
  const etag = res.headers.get('etag') ?? undefined;
  return etag ? { body: parsed as T, etag } : { body: parsed as T };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { title: 'Unreadable response', detail: text.slice(0, 200) };
  }
}

/**
 * GET a resource and return only its body.
 * @param path - path under `/api/v1`
 */
export async function get<T>(path: string): Promise<T> {
  return (await request<T>('GET', path)).body;
}

/**
 * Builds a query string from defined values only.
 * @param params - names and values; undefined and empty values are left out
 */
export function query(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
