/** A signed-in API caller for test setup: the session cookie and CSRF token of `POST /api/v1/session`. */
export interface ApiSession {
  call<T>(method: string, path: string, body?: unknown): Promise<T>;
}

/**
 * Calls the API without signing in (sign-up).
 * @param base - the server URL
 * @param method - HTTP method
 * @param path - path under /api/v1
 * @param body - JSON body
 */
export async function callAnonymous<T>(base: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}

/**
 * Signs in through the API as a browser would, then sends the cookie and X-CSRF-Token on each call.
 * @param base - the server URL
 * @param email - the account
 * @param password - its password
 */
export async function signInApi(base: string, email: string, password: string): Promise<ApiSession> {
  const res = await fetch(`${base}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`sign-in of ${email} answered ${res.status}: ${await res.text()}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  let n = 0;
  return {
    async call<T>(method: string, path: string, body?: unknown): Promise<T> {
      const headers: Record<string, string> = { cookie, 'x-csrf-token': csrfToken };
      if (body !== undefined) headers['content-type'] = 'application/json';
      if (method === 'POST') headers['idempotency-key'] = `e2e-${Date.now()}-${n++}`;
      const r = await fetch(`${base}/api/v1${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await r.text();
      if (!r.ok) throw new Error(`${method} ${path} answered ${r.status}: ${text}`);
      return (text ? JSON.parse(text) : undefined) as T;
    },
  };
}
