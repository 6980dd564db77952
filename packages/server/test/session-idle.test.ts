/**
 * Sessions expire after 12 hours idle (each use slides the expiry, written at most once a minute) and 24 hours after
 * sign-in however busy, on both engines.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '../src/auth/session-cookie.ts';
import { engineTargets } from './helpers/engines.ts';
import { call, type Harness, makeClinic, makeHarness, signIn, type TestClinic } from './helpers/harness.ts';

const HOUR = 3_600_000;

for (const engine of await engineTargets()) {
  describe.skipIf(engine.skip !== undefined)(
    `idle session expiry on ${engine.name}${engine.skip ? ` (skipped: ${engine.skip})` : ''}`,
    () => {
      let h: Harness;
      let a: TestClinic;
      beforeAll(async () => {
        h = await makeHarness(engine);
        a = await makeClinic(h.store, 'idle');
      });
      afterAll(async () => {
        await h?.close();
      });

      it('a session used every 10 hours outlives 12 hours; one left idle for 12 hours is gone', async () => {
        const session = await signIn(h.app, a.staff.owner.email);
        // Within the first minute the expiry is not written again, nor the cookie set again.
        h.clock.advance(30_000);
        const early = await call(h.app, session, 'GET', '/api/v1/session');
        expect(early.status).toBe(200);
        expect(early.headers['set-cookie']).toBeUndefined();
        // Twice (20 hours): a third use would pass the 24-hour absolute lifetime, tested below.
        for (let i = 0; i < 2; i++) {
          h.clock.advance(10 * HOUR);
          const r = await call(h.app, session, 'GET', '/api/v1/session');
          expect(r.status).toBe(200);
          // The cookie's Max-Age starts again too, or the browser would drop it 12 hours after sign-in.
          expect(String(r.headers['set-cookie'])).toMatch(new RegExp(`Max-Age=${SESSION_IDLE_MS / 1000}`));
        }
        h.clock.advance(SESSION_IDLE_MS + 1000);
        expect((await call(h.app, session, 'GET', '/api/v1/session')).status).toBe(401);
      });

      it('a session used every 2 hours still ends 24 hours after sign-in', async () => {
        const session = await signIn(h.app, a.staff.therapist.email);
        for (let t = 2 * HOUR; t < SESSION_ABSOLUTE_MS; t += 2 * HOUR) {
          h.clock.advance(2 * HOUR);
          expect((await call(h.app, session, 'GET', '/api/v1/session')).status, `at ${t / HOUR} h`).toBe(200);
        }
        h.clock.advance(2 * HOUR);
        expect((await call(h.app, session, 'GET', '/api/v1/session')).status).toBe(401);
      });
    },
  );
}
