/**
 * Two real `unitwise serve` processes on one PostgreSQL: a sign-out, a disabled account and a revoked token on one
 * are refused on the other at once (the per-process principal cache is cleared over LISTEN/NOTIFY).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTEMPT_WINDOW_MS, IP_ATTEMPTS_PER_WINDOW } from '../src/auth/lockout.ts';
import { engineTargets } from './helpers/engines.ts';
import { freshPgSchema, type PgSchema, type ServeProcess, spawnServe } from './helpers/serve-process.ts';

const pgTarget = (await engineTargets()).find((t) => t.name === 'postgres');
const OWNER = { name: 'Owen Owner', email: 'owner@shared.test', password: 'shared access pw' };

interface Session {
  cookie: string;
  csrf: string;
}

async function signIn(url: string, email: string, password: string): Promise<Session> {
  const res = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(res.status).toBe(200);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrf: csrfToken };
}

function as(s: Session, method = 'GET', body?: unknown): RequestInit {
  return {
    method,
    headers: {
      cookie: s.cookie,
      'x-csrf-token': s.csrf,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  };
}

describe.skipIf(pgTarget?.skip !== undefined)('access changes on one process hold on another at once', () => {
  let schema: PgSchema;
  let a: ServeProcess;
  let b: ServeProcess;
  let urlA = '';
  let urlB = '';
  beforeAll(async () => {
    schema = freshPgSchema();
    a = spawnServe(['--database-url', schema.url, '--no-seed']);
    b = spawnServe(['--database-url', schema.url, '--no-seed']);
    [urlA, urlB] = await Promise.all([a.ready, b.ready]);
    const res = await fetch(`${urlA}/api/v1/clinics`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ clinicName: 'Shared', owner: OWNER }),
    });
    expect(res.status).toBe(201);
  }, 180_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await schema?.drop();
  });

  it('signing out on A refuses the session on B on its very next request (five rounds)', async () => {
    for (let round = 0; round < 5; round++) {
      const s = await signIn(urlA, OWNER.email, OWNER.password);
      // B has now resolved (and cached) the session.
      expect((await fetch(`${urlB}/api/v1/session`, as(s))).status).toBe(200);
      expect((await fetch(`${urlB}/api/v1/session`, as(s))).status).toBe(200);
      expect((await fetch(`${urlA}/api/v1/session`, as(s, 'DELETE'))).status).toBe(204);
      expect((await fetch(`${urlB}/api/v1/session`, as(s))).status).toBe(401);
    }
  }, 60_000);

  it('a user disabled on A is refused on B at once', async () => {
    const owner = await signIn(urlA, OWNER.email, OWNER.password);
    const created = await fetch(
      `${urlA}/api/v1/users`,
      as(owner, 'POST', {
        name: 'Pat Therapist',
        email: 'pt@shared.test',
        roles: ['therapist'],
        password: 'pt password 1',
      }),
    );
    expect(created.status, await created.clone().text()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const pt = await signIn(urlB, 'pt@shared.test', 'pt password 1');
    expect((await fetch(`${urlB}/api/v1/session`, as(pt))).status).toBe(200);
    const disabled = await fetch(`${urlA}/api/v1/users/${id}`, as(owner, 'PATCH', { status: 'disabled' }));
    expect(disabled.status, await disabled.clone().text()).toBe(200);
    expect((await fetch(`${urlB}/api/v1/session`, as(pt))).status).toBe(401);
  }, 60_000);

  it('an API token revoked on A is refused on B at once', async () => {
    const owner = await signIn(urlA, OWNER.email, OWNER.password);
    const created = await fetch(`${urlA}/api/v1/tokens`, as(owner, 'POST', { name: 'integration' }));
    expect(created.status).toBe(201);
    const { id, token } = (await created.json()) as { id: string; token: string };
    const bearer = { headers: { authorization: `Bearer ${token}` } };
    expect((await fetch(`${urlB}/api/v1/clinic`, bearer)).status).toBe(200);
    expect((await fetch(`${urlB}/api/v1/clinic`, bearer)).status).toBe(200);
    expect((await fetch(`${urlA}/api/v1/tokens/${id}`, as(owner, 'DELETE'))).status).toBe(204);
    expect((await fetch(`${urlB}/api/v1/clinic`, bearer)).status).toBe(401);
  }, 60_000);

  it('counts sign-in attempts from one address on both processes together', async () => {
    // Start well inside a window, so the count does not restart half-way (windows are aligned to the minute).
    const into = Date.now() % ATTEMPT_WINDOW_MS;
    if (into > ATTEMPT_WINDOW_MS - 15_000) await new Promise((r) => setTimeout(r, ATTEMPT_WINDOW_MS - into + 100));
    const attempt = (url: string) =>
      fetch(`${url}/api/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'nobody@shared.test', password: 'wrong password' }),
      }).then((r) => r.status);
    let firstLimited = 0;
    // Alternating A and B: per-process counters would allow about twice the limit.
    for (let i = 1; i <= 2 * IP_ATTEMPTS_PER_WINDOW + 2 && firstLimited === 0; i++) {
      const status = await attempt(i % 2 ? urlA : urlB);
      if (status === 429) firstLimited = i;
      else expect(status).toBe(401);
    }
    expect(firstLimited).toBeGreaterThan(0);
    expect(firstLimited).toBeLessThanOrEqual(IP_ATTEMPTS_PER_WINDOW + 1);
    expect(await attempt(urlA)).toBe(429);
    expect(await attempt(urlB)).toBe(429);
  }, 90_000);
});
