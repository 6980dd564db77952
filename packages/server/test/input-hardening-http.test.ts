/**
 * Input that can never reach the database wrong, and the HTTP surface, on both engines: a table of hostile probes
 * (NUL and control characters, lone surrogates, bad and foreign cursors, oversize bodies, prototype keys, long ids,
 * bad escapes, a huge If-Match, deep documents, unknown ids, implausible dates) each answered with a 4xx
 * problem+json naming the field, never a 5xx; and the security headers on every answer.
 */
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSP_DIRECTIVES, PERMISSIONS_POLICY } from '../src/http/security-headers.ts';
import { engineTargets } from './helpers/engines.ts';
import { type Auth, call, type Harness, makeClinic, makeHarness, type TestClinic } from './helpers/harness.ts';

/** `depth` objects nested in one another, as raw JSON (JSON.stringify would recurse). */
function nested(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

for (const engine of await engineTargets()) {
  describe.skipIf(engine.skip !== undefined)(
    `hostile input on ${engine.name}${engine.skip ? ` (skipped: ${engine.skip})` : ''}`,
    () => {
      let h: Harness;
      let a: TestClinic;
      let b: TestClinic;
      let owner: Auth;
      let therapist: Auth;
      let visitId: string;
      let planId: string;
      let patientId: string;

      beforeAll(async () => {
        h = await makeHarness(engine);
        a = await makeClinic(h.store, 'hostile');
        b = await makeClinic(h.store, 'hostileother');
        owner = { bearer: a.staff.owner.token };
        therapist = { bearer: a.staff.therapist.token };
        for (const lastName of ['Alpha', 'Bravo', 'Charlie']) {
          const r = await call(h.app, owner, 'POST', '/api/v1/patients', {
            firstName: 'Test',
            lastName,
            birthDate: '1950-01-01',
            sex: 'F',
          });
          expect(r.status).toBe(201);
          patientId = r.body.id;
        }
        const plan = await call(h.app, owner, 'POST', '/api/v1/plans-of-care', {
          patientId,
          discipline: 'PT',
          startDate: '2026-03-01',
          endDate: '2026-05-30',
          goals: [{ text: 'Climb stairs' }],
        });
        expect(plan.status).toBe(201);
        planId = plan.body.id;
        const v = await call(h.app, therapist, 'POST', '/api/v1/visits', {
          patientId,
          providerId: a.staff.therapist.providerId,
          date: '2026-03-02',
          discipline: 'PT',
          noteType: 'daily',
          services: [],
          nonBillable: [],
        });
        expect(v.status).toBe(201);
        visitId = v.body.id;
      });
      afterAll(async () => h?.close());

      const visitBody = (over: Record<string, unknown>) => ({
        patientId,
        providerId: a.staff.therapist.providerId,
        date: '2026-03-02',
        discipline: 'PT',
        noteType: 'daily',
        services: [],
        nonBillable: [],
        ...over,
      });
      const service = (over: Record<string, unknown>) => ({
        code: '97110',
        minutes: 23,
        modifiers: ['GP'],
        description: 'Knee extension',
        ...over,
      });

      // [what, method, url, body, field path the answer must name]
      const probes: [string, string, () => string, () => unknown, string][] = [
        [
          'NUL in a patient name',
          'POST',
          () => '/api/v1/patients',
          () => ({ firstName: 'A\u0000B', lastName: 'X', birthDate: '1950-01-01', sex: 'F' }),
          'firstName',
        ],
        [
          'a bell in a patient name',
          'POST',
          () => '/api/v1/patients',
          () => ({ firstName: 'A\u0007B', lastName: 'X', birthDate: '1950-01-01', sex: 'F' }),
          'firstName',
        ],
        [
          'a lone surrogate in a patient name',
          'POST',
          () => '/api/v1/patients',
          () => ({ firstName: 'A', lastName: 'X\ud800', birthDate: '1950-01-01', sex: 'F' }),
          'lastName',
        ],
        [
          'NUL in a visit response',
          'POST',
          () => '/api/v1/visits',
          () => visitBody({ response: 'ok\u0000' }),
          'response',
        ],
        [
          'NUL in a service description',
          'POST',
          () => '/api/v1/visits',
          () => visitBody({ services: [service({ description: 'x\u0000y' })] }),
          'services.0.description',
        ],
        [
          'NUL in an addendum',
          'POST',
          () => `/api/v1/visits/${visitId}/addenda`,
          () => ({ text: 'late entry\u0000' }),
          'text',
        ],
        ['NUL in a token name', 'POST', () => '/api/v1/tokens', () => ({ name: 'ci\u0000' }), 'name'],
        [
          'a bell in a visit response',
          'POST',
          () => '/api/v1/visits',
          () => visitBody({ response: 'ok\u0007' }),
          'response',
        ],
        ['a bell in a token name', 'POST', () => '/api/v1/tokens', () => ({ name: 'ci\u0007' }), 'name'],
        ['NUL in a search', 'GET', () => '/api/v1/patients?search=%00', () => undefined, 'query.search'],
        ['NUL in a path id', 'GET', () => '/api/v1/patients/%00', () => undefined, 'params.id'],
        ['a malformed cursor', 'GET', () => '/api/v1/patients?cursor=garbage', () => undefined, 'query.cursor'],
        [
          'a __proto__ key',
          'POST',
          () => '/api/v1/patients',
          () => '{"firstName":"A","lastName":"B","birthDate":"1950-01-01","sex":"F","__proto__":{"admin":true}}',
          '__proto__',
        ],
        [
          'a nested constructor key',
          'POST',
          () => '/api/v1/patients',
          () =>
            '{"firstName":"A","lastName":"B","birthDate":"1950-01-01","sex":"F","address":{"constructor":{"prototype":{"x":1}}}}',
          'address.constructor',
        ],
        ['a policy 1,000 levels deep', 'PUT', () => '/api/v1/payer-policies/deep', () => nested(1000), 'a'],
        ['a policy 100,000 levels deep', 'PUT', () => '/api/v1/payer-policies/deeper', () => nested(100_000), 'a'],
        [
          'an unknown providerId on a plan',
          'PATCH',
          () => `/api/v1/plans-of-care/${planId}`,
          () => ({ providerId: '00000000-0000-0000-0000-000000000000' }),
          'providerId',
        ],
        [
          'a date of service in year 0000',
          'POST',
          () => '/api/v1/visits',
          () => visitBody({ date: '0000-01-01' }),
          'date',
        ],
        [
          'a date of service in year 9999',
          'POST',
          () => '/api/v1/visits',
          () => visitBody({ date: '9999-12-31' }),
          'date',
        ],
      ];

      it.each(probes)('%s is a 400 problem naming the field', async (_what, method, url, body, path) => {
        const payload = body();
        const r =
          typeof payload === 'string'
            ? await h.app.inject({
                method: method as 'POST',
                url: url(),
                payload,
                headers: { 'content-type': 'application/json', authorization: `Bearer ${a.staff.owner.token}` },
              })
            : await call(
                h.app,
                method === 'POST' && url().includes('visits') ? therapist : owner,
                method,
                url(),
                payload,
              );
        const status = 'statusCode' in r ? r.statusCode : r.status;
        const text = 'statusCode' in r ? r.body : r.text;
        expect(status, text).toBe(400);
        expect(String(r.headers['content-type'])).toMatch(/application\/problem\+json/);
        const problem = JSON.parse(text);
        // A too-deep document names where the limit was crossed (`a.a.a...`): its path starts with the field.
        const paths: string[] = problem.errors.map((e: { path: string }) => e.path);
        expect(
          paths.some((p) => p === path || (_what.includes('deep') && p.startsWith(`${path}.`))),
          text,
        ).toBe(true);
      });

      it('a cursor from one list or clinic does not open another; a cursor holds no name', async () => {
        const first = await call(h.app, owner, 'GET', '/api/v1/patients?limit=1');
        expect(first.status).toBe(200);
        const next: string = first.body.next;
        expect(typeof next).toBe('string');
        expect(Buffer.from(next, 'base64url').toString('latin1')).not.toMatch(/Alpha|Test/);
        const second = await call(h.app, owner, 'GET', `/api/v1/patients?limit=1&cursor=${next}`);
        expect(second.status).toBe(200);
        expect(second.body.items[0].lastName).toBe('Bravo');
        const otherClinic = await call(
          h.app,
          { bearer: b.staff.owner.token },
          'GET',
          `/api/v1/patients?cursor=${next}`,
        );
        expect(otherClinic.status).toBe(400);
        expect(otherClinic.body.errors[0].path).toBe('query.cursor');
        const otherList = await call(h.app, owner, 'GET', `/api/v1/providers?cursor=${next}`);
        expect(otherList.status).toBe(400);
        expect(otherList.body.errors[0].path).toBe('query.cursor');
      });

      it('minutes 0 on a timed service beside one with minutes is refused at signing, naming the line', async () => {
        const v = await call(
          h.app,
          therapist,
          'POST',
          '/api/v1/visits',
          visitBody({
            timeIn: '10:00',
            timeOut: '10:25',
            totalTimedMinutes: 23,
            totalTreatmentMinutes: 23,
            services: [service({}), service({ code: '97530', minutes: 0, description: 'Sit to stand' })],
            response: 'Tolerated well.',
          }),
        );
        expect(v.status, v.text).toBe(201);
        const r = await call(h.app, therapist, 'POST', `/api/v1/visits/${v.body.id}/sign`, { attest: true });
        expect(r.status, r.text).toBe(422);
        expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(r.body.errors).toContainEqual({
          path: 'services.1.minutes',
          message: 'Enter the minutes of activity 2 (97530), or remove it.',
        });
      });

      it('a policy over 100 kB is a 400 naming the body, and nothing is stored', async () => {
        const r = await call(h.app, owner, 'PUT', '/api/v1/payer-policies/huge', {
          name: 'Huge',
          notes: 'x'.repeat(150_000),
        });
        expect(r.status, r.text).toBe(400);
        expect(r.body.errors).toContainEqual({ path: 'body', message: 'The document is larger than 100000 bytes.' });
        const list = await call(h.app, owner, 'GET', '/api/v1/payer-policies');
        expect(list.body.items.map((p: { id: string }) => p.id)).not.toContain('huge');
      });

      it('an unknown id in any body is a 4xx, never a 500 from the foreign key', async () => {
        const r = await call(h.app, owner, 'POST', '/api/v1/patients', {
          firstName: 'Ref',
          lastName: 'Check',
          birthDate: '1950-01-01',
          sex: 'F',
          primaryTherapistId: '00000000-0000-0000-0000-000000000000',
        });
        expect(r.status, r.text).toBeGreaterThanOrEqual(400);
        expect(r.status, r.text).toBeLessThan(500);
        expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
      });

      it('a huge If-Match is a 412 naming the header, not a 500', async () => {
        const r = await call(h.app, therapist, 'PUT', `/api/v1/visits/${visitId}`, visitBody({}), {
          'if-match': '"99999999999999999999"',
        });
        expect(r.status, r.text).toBe(412);
        expect(r.body.errors[0].path).toBe('headers.if-match');
      });

      it('Fastify’s own refusals are problem documents: 413 with the limit, 414, bad escape, bad JSON', async () => {
        const big = await h.app.inject({
          method: 'POST',
          url: '/api/v1/patients',
          payload: JSON.stringify({ firstName: 'x'.repeat(6 * 1024 * 1024) }),
          headers: { 'content-type': 'application/json', authorization: `Bearer ${a.staff.owner.token}` },
        });
        expect(big.statusCode).toBe(413);
        expect(big.json().title).toBe('Payload too large');
        expect(big.json().limitBytes).toBe(5 * 1024 * 1024);
        for (const [url, status] of [
          [`/api/v1/patients/${'a'.repeat(300)}`, 414],
          ['/api/v1/patients/%zz', 400],
        ] as const) {
          const r = await h.app.inject({
            method: 'GET',
            url,
            headers: { authorization: `Bearer ${a.staff.owner.token}` },
          });
          expect(r.statusCode, url).toBe(status);
          expect(r.headers['content-type'], url).toMatch(/application\/problem\+json/);
        }
        const badJson = await h.app.inject({
          method: 'POST',
          url: '/api/v1/patients',
          payload: '{"firstName":',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${a.staff.owner.token}` },
        });
        expect(badJson.statusCode).toBe(400);
        expect(badJson.json().errors[0].path).toBe('body');
      });
    },
  );
}

describe('the HTTP surface', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await makeHarness((await engineTargets())[0] as Parameters<typeof makeHarness>[0]);
  });
  afterAll(async () => h?.close());

  it('every answer carries the CSP and the other security headers; API answers are never cached', async () => {
    const api = await h.app.inject({ method: 'GET', url: '/api/v1/patients' });
    const csp = String(api.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(api.headers['x-content-type-options']).toBe('nosniff');
    expect(api.headers['referrer-policy']).toBe('no-referrer');
    expect(api.headers['permissions-policy']).toBe(PERMISSIONS_POLICY);
    expect(api.headers['cache-control']).toBe('no-store');
    expect(api.headers['strict-transport-security']).toBeUndefined();
    const remote = await h.app.inject({ method: 'GET', url: '/', headers: { host: 'clinic.example.com' } });
    expect(remote.headers['strict-transport-security']).toMatch(/max-age=31536000/);
    expect(remote.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(remote.headers['cache-control']).not.toBe('no-store');
    expect(CSP_DIRECTIVES.defaultSrc).toEqual(["'self'"]);
  });

  it('huge headers are a 431 problem document on a real socket', async () => {
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = h.app.server.address() as AddressInfo;
    const res = await new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port, path: '/api/v1/patients', headers: { 'x-big': 'x'.repeat(64 * 1024) } },
        (r) => {
          let body = '';
          r.on('data', (c) => {
            body += c;
          });
          r.on('end', () => resolve({ status: r.statusCode ?? 0, type: String(r.headers['content-type']), body }));
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(res.status).toBe(431);
    expect(res.type).toMatch(/application\/problem\+json/);
    expect(JSON.parse(res.body).title).toBe('Request header fields too large');
  });
});
