/**
 * The authorization matrix, generated from the route table: every route × every role × own-clinic ids and another
 * clinic's ids (which must answer exactly like ids that exist nowhere), plus no credentials at all. Every answer to a
 * user of clinic A is searched for clinic B's ids and names: nothing of B may leak.
 */
import type { Role } from '@unitwise/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS, ROLES } from '../src/auth/roles.ts';
import { ROUTES } from '../src/routes/table.ts';
import { engineTargets } from './helpers/engines.ts';
import { type Factory, storeFactory } from './helpers/factory.ts';
import { call, type Harness, makeClinic, makeHarness, type Reply, type TestClinic } from './helpers/harness.ts';
import {
  ROUTE_FIXTURES as BASE_FIXTURES,
  BILLING_REF_FIXTURES,
  billingFactory,
  missingBillingFactory,
} from './helpers/route-fixtures.ts';

// Claim and remittance ids are made through the billing functions, so the matrix checks them for leaks too.
const ROUTE_FIXTURES = { ...BASE_FIXTURES, ...BILLING_REF_FIXTURES };

const OTHER_SURNAME = 'Otherclinic';

for (const engine of await engineTargets()) {
  const title = `authorization matrix on ${engine.name}${engine.skip ? ` (skipped: ${engine.skip})` : ''}`;
  describe.skipIf(engine.skip !== undefined)(title, () => {
    let h: Harness;
    let a: TestClinic;
    let b: TestClinic;
    let fa: Factory;
    let fb: Factory;

    beforeAll(async () => {
      h = await makeHarness(engine);
      a = await makeClinic(h.store, 'alpha');
      b = await makeClinic(h.store, 'beta');
      fa = billingFactory(h.store, a, storeFactory(h.store, a, 'Ownclinic'));
      fb = billingFactory(h.store, b, storeFactory(h.store, b, OTHER_SURNAME));
    });
    afterAll(async () => {
      await h?.close();
    });

    /** Fails when an answer to clinic A carries anything of clinic B. */
    function expectNoLeak(reply: Reply): void {
      const markers = [
        b.clinicId,
        OTHER_SURNAME,
        ...fb.created,
        ...Object.values(b.staff).flatMap((s) => [s.userId, s.email, ...(s.providerId ? [s.providerId] : [])]),
      ];
      for (const m of markers) expect(reply.text, `leaked ${m}`).not.toContain(m);
    }

    async function send(
      role: Role | null,
      route: (typeof ROUTES)[number],
      req: { url: string; body?: unknown; headers?: Record<string, string> },
    ) {
      const auth = role === null ? null : { bearer: a.staff[role].token };
      const body =
        req.body ?? (route.method === 'POST' || route.method === 'PUT' || route.method === 'PATCH' ? {} : undefined);
      return call(h.app, auth, route.method, req.url, body, req.headers);
    }

    it('has a fixture for every route in the table', () => {
      const missing = ROUTES.filter((r) => !ROUTE_FIXTURES[r.id]).map((r) => r.id);
      expect(missing).toEqual([]);
    });

    for (const route of ROUTES) {
      const fx = ROUTE_FIXTURES[route.id];
      if (!fx) continue;
      describe(`${route.method} ${route.path} (${route.access})`, () => {
        if (route.access !== 'public') {
          it('answers 401 without credentials', async () => {
            const r = await send(null, route, await fx.build(fa, 'owner', a));
            expect(r.status).toBe(401);
            expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
          });
        }
        for (const role of ROLES) {
          const allowed = route.access === 'public' || (ACCESS[route.access] as readonly Role[]).includes(role);
          const expected = allowed ? (fx.expect ?? route.status) : 403;
          it(`${role}, own clinic: ${expected}`, async () => {
            const r = await send(role, route, await fx.build(fa, role, a));
            expect(r.status, r.text).toBe(expected);
            expectNoLeak(r);
          });
          if (fx.refs) {
            it(`${role}, another clinic's ids: ${allowed ? 'same answer as a missing id' : 403}`, async () => {
              const other = await send(role, route, await fx.build(fb, role, a));
              expectNoLeak(other);
              if (!allowed) {
                expect(other.status).toBe(403);
                return;
              }
              const missing = await send(role, route, await fx.build(missingBillingFactory(), role, a));
              expect([400, 404]).toContain(other.status);
              expect(other.status, other.text).toBe(missing.status);
              expect(other.body).toEqual(missing.body);
            });
          }
        }
      });
    }
  });
}
