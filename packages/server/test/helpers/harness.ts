import type { Role, Store } from '@unitwise/store';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { API_TOKEN_PREFIX } from '../../src/auth/authenticate.ts';
import { hashPassword } from '../../src/auth/password.ts';
import { hashSecret, newSecret } from '../../src/auth/secret-token.ts';
import type { EngineTarget } from './engines.ts';

/** A clock the test moves by hand. */
export interface TestClock {
  (): Date;
  advance(ms: number): void;
}

/**
 * A fixed clock starting at `start`.
 * @param start - the first instant
 */
export function testClock(start = '2026-03-02T15:00:00.000Z'): TestClock {
  let t = Date.parse(start);
  const clock = (() => new Date(t)) as TestClock;
  clock.advance = (ms) => {
    t += ms;
  };
  return clock;
}

export interface Reply {
  status: number;
  // Test code reads arbitrary JSON bodies.
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are checked field by field in the tests
  body: any;
  text: string;
  headers: Record<string, string | string[] | number | undefined>;
}

/** Credentials a request carries. */
export type Auth = { bearer: string } | { cookie: string; csrf?: string } | null;

/**
 * Sends one request through `inject` (no port).
 * @param app - the app
 * @param auth - bearer token, session cookie (+ CSRF token) or nothing
 * @param method - HTTP method
 * @param url - path and query
 * @param body - JSON body
 * @param headers - extra headers
 */
export async function call(
  app: FastifyInstance,
  auth: Auth,
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Reply> {
  const h: Record<string, string> = { ...headers };
  if (auth && 'bearer' in auth) h.authorization = `Bearer ${auth.bearer}`;
  if (auth && 'cookie' in auth) {
    h.cookie = auth.cookie;
    if (auth.csrf) h['x-csrf-token'] = auth.csrf;
  }
  const res = await app.inject({
    method: method as 'GET',
    url,
    headers: h,
    ...(body === undefined ? {} : { payload: body as object }),
  });
  let parsed: unknown;
  try {
    parsed = res.body ? JSON.parse(res.body) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: res.statusCode, body: parsed, text: res.body, headers: res.headers };
}

export interface Staff {
  userId: string;
  email: string;
  providerId?: string;
  token: string;
}

export interface TestClinic {
  clinicId: string;
  staff: Record<Role, Staff>;
}

export const PASSWORD = 'correct horse battery';

let emailCounter = 0;

/**
 * Creates a clinic straight in the store with one user per role (therapist PT and assistant PTA with providers)
 * and an API token for each.
 * @param store - the store
 * @param label - part of the emails and clinic name
 */
export async function makeClinic(store: Store, label: string): Promise<TestClinic> {
  const clinic = await store.clinics.create({ name: `${label} clinic` });
  const hash = await hashPassword(PASSWORD);
  const staff = {} as Record<Role, Staff>;
  const roles: Role[] = ['owner', 'therapist', 'assistant', 'biller', 'auditor'];
  for (const role of roles) {
    emailCounter += 1;
    const email = `${role}.${label}.${emailCounter}@example.test`;
    const u = await store.users.create(clinic.id, { email, name: `${role} ${label}`, roles: [role], ...hash });
    if (!u.ok) throw new Error(u.reason);
    const token = newSecret(API_TOKEN_PREFIX);
    await store.apiTokens.create(clinic.id, { userId: u.value.id, name: 'test', tokenHash: hashSecret(token) });
    const s: Staff = { userId: u.value.id, email, token };
    if (role === 'therapist' || role === 'assistant') {
      const p = await store.providers.create(clinic.id, {
        userId: u.value.id,
        name: `${role} ${label}`,
        npi: role === 'therapist' ? '1234567893' : '1245319599',
        discipline: 'PT',
        credential: role === 'therapist' ? 'PT' : 'PTA',
      });
      s.providerId = p.id;
    }
    staff[role] = s;
  }
  return { clinicId: clinic.id, staff };
}

export interface Harness {
  app: FastifyInstance;
  store: Store;
  clock: TestClock;
  close(): Promise<void>;
}

/**
 * A fresh store on the engine and an app over it.
 * @param engine - the engine target
 * @param opts - app options
 */
export async function makeHarness(engine: EngineTarget, opts: { selfSignup?: boolean } = {}): Promise<Harness> {
  const clock = testClock();
  const { store, dispose } = await engine.open(clock);
  const app = buildApp({ store, clock, ...opts });
  await app.ready();
  return {
    app,
    store,
    clock,
    async close() {
      await app.close();
      await dispose();
    },
  };
}

/**
 * Signs in through the API and returns the cookie credentials.
 * @param app - the app
 * @param email - the user's email
 * @param password - the password
 */
export async function signIn(
  app: FastifyInstance,
  email: string,
  password = PASSWORD,
): Promise<{ cookie: string; csrf: string }> {
  const r = await call(app, null, 'POST', '/api/v1/session', { email, password });
  if (r.status !== 200) throw new Error(`sign-in failed: ${r.status} ${r.text}`);
  const setCookie = String(r.headers['set-cookie']);
  return { cookie: setCookie.split(';')[0] ?? '', csrf: r.body.csrfToken };
}
