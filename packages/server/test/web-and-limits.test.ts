/** Serving the web build with an SPA fallback, and the per-address sign-in rate limit. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openStore } from '@unitwise/store';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { IP_ATTEMPTS_PER_WINDOW } from '../src/auth/lockout.ts';
import { call, testClock } from './helpers/harness.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'unitwise-web-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('web build', () => {
  it('serves files, falls back to index.html for client routes, and keeps /api answers JSON', async () => {
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log(1)');
    const store = await openStore('sqlite::memory:');
    const app = buildApp({ store, webRoot: dir });
    try {
      const root = await app.inject({ method: 'GET', url: '/' });
      expect(root.body).toContain('id="root"');
      expect((await app.inject({ method: 'GET', url: '/assets/app.js' })).body).toBe('console.log(1)');
      const deep = await app.inject({ method: 'GET', url: '/patients/123/visits' });
      expect(deep.statusCode).toBe(200);
      expect(deep.body).toContain('id="root"');
      const api = await app.inject({ method: 'GET', url: '/api/v1/unknown' });
      expect(api.statusCode).toBe(404);
      expect(api.headers['content-type']).toMatch(/problem\+json/);
    } finally {
      await app.close();
      await store.close();
    }
  });

  it('says how to use the API when there is no build', async () => {
    const store = await openStore('sqlite::memory:');
    const app = buildApp({ store, webRoot: path.join(dir, 'missing') });
    try {
      const root = await app.inject({ method: 'GET', url: '/' });
      expect(root.statusCode).toBe(200);
      expect(root.body).toContain('/api/openapi.json');
    } finally {
      await app.close();
      await store.close();
    }
  });
});

describe('sign-in rate limit', () => {
  it(`refuses more than ${IP_ATTEMPTS_PER_WINDOW} attempts a minute from one address, then lets it try again`, async () => {
    const clock = testClock();
    const store = await openStore('sqlite::memory:', { clock });
    const app = buildApp({ store, clock });
    try {
      const attempt = () =>
        call(app, null, 'POST', '/api/v1/session', { email: 'nobody@example.test', password: 'guess guess' });
      for (let i = 0; i < IP_ATTEMPTS_PER_WINDOW; i++) expect((await attempt()).status).toBe(401);
      const limited = await attempt();
      expect(limited.status).toBe(429);
      expect(limited.body.type).toBe('/api/problems/rate-limited');
      clock.advance(61_000);
      expect((await attempt()).status).toBe(401);
    } finally {
      await app.close();
      await store.close();
    }
  });
});
