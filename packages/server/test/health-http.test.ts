/** /health/ready says why a process should not get traffic: pending migrations, an unreachable database. */
import { openStore } from '@unitwise/store';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';

describe('GET /health/ready', () => {
  it('is 503 while migrations are pending, 200 once they ran, 503 when the database is gone; live stays 200', async () => {
    const store = await openStore('sqlite::memory:', { migrate: false });
    const app = buildApp({ store });
    try {
      const pending = await app.inject({ method: 'GET', url: '/health/ready' });
      expect(pending.statusCode).toBe(503);
      expect(pending.json()).toMatchObject({
        status: 'unavailable',
        reason: expect.stringMatching(/migrations pending/),
      });
      await store.migrate();
      expect((await app.inject({ method: 'GET', url: '/health/ready' })).json()).toEqual({ status: 'ok' });
      await store.close();
      const gone = await app.inject({ method: 'GET', url: '/health/ready' });
      expect(gone.statusCode).toBe(503);
      expect(gone.json()).toEqual({ status: 'unavailable', reason: 'database not reachable' });
      expect((await app.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});
