/** The audit log of reads and writes, POST /api/v1/audit on a case file, the OpenAPI document and unknown routes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiPath } from '../src/openapi/build-document.ts';
import { ROUTES } from '../src/routes/table.ts';
import { engineTargets } from './helpers/engines.ts';
import { DOS } from './helpers/factory.ts';
import { call, type Harness, makeClinic, makeHarness, type TestClinic } from './helpers/harness.ts';

for (const engine of await engineTargets()) {
  describe.skipIf(engine.skip !== undefined)(
    `audit log and documents on ${engine.name}${engine.skip ? ` (skipped: ${engine.skip})` : ''}`,
    () => {
      let h: Harness;
      let a: TestClinic;
      beforeAll(async () => {
        h = await makeHarness(engine);
        a = await makeClinic(h.store, 'audit');
      });
      afterAll(async () => {
        await h?.close();
      });

      it('logs who read and wrote which patient, from where, without names or note text', async () => {
        const pt = { bearer: a.staff.therapist.token };
        const created = await call(h.app, pt, 'POST', '/api/v1/patients', {
          firstName: 'Wilhelmina',
          lastName: 'Quargle',
          birthDate: '1944-04-04',
          sex: 'F',
        });
        const id = created.body.id;
        h.clock.advance(1000);
        await call(h.app, pt, 'GET', `/api/v1/patients/${id}`);
        h.clock.advance(1000);
        await call(h.app, pt, 'PATCH', `/api/v1/patients/${id}`, { phone: '555-555-0199' });
        await call(h.app, pt, 'GET', '/api/v1/patients?search=Quargle');
        const log = await call(h.app, { bearer: a.staff.auditor.token }, 'GET', `/api/v1/audit-log?patientId=${id}`);
        expect(log.status).toBe(200);
        const actions = log.body.items.map((e: { action: string }) => e.action);
        expect(actions).toEqual(['patient.update', 'patient.read', 'patient.create']);
        expect(log.body.items[1]).toMatchObject({
          userId: a.staff.therapist.userId,
          clinicId: a.clinicId,
          patientId: id,
          entity: 'patient',
          entityId: id,
          ip: '127.0.0.1',
          at: '2026-03-02T15:00:01.000Z',
        });
        // The stored rows hold ids only; the names are looked up when an owner or auditor reads the log.
        const stored = JSON.stringify(await h.store.audit.list(a.clinicId, { limit: 200 }));
        expect(stored).not.toContain('Quargle');
        expect(stored).not.toContain('Wilhelmina');
        const everything = await call(h.app, { bearer: a.staff.owner.token }, 'GET', '/api/v1/audit-log?limit=200');
        expect(everything.body.items.some((e: { action: string }) => e.action === 'patient.list')).toBe(true);
        expect(log.body.items[1].patientName).toBe('Quargle, Wilhelmina');
        // Therapists and billers cannot read it.
        expect((await call(h.app, pt, 'GET', '/api/v1/audit-log')).status).toBe(403);
      });

      it('keeps the audit log append-only in the store', async () => {
        const entry = await h.store.audit.append(a.clinicId, { action: 'test.event', entity: 'test' });
        await expect(h.store.db.deleteFrom('audit_log' as never).execute()).rejects.toThrow();
        const still = await h.store.audit.list(a.clinicId, { action: 'test.event' });
        expect(still.items.map((e) => e.id)).toContain(entry.id);
      });

      it('audits a case file and answers the CLI’s JSON report, with input errors by path', async () => {
        const file = {
          patients: [{ id: 'p1', payer: 'medicare' }],
          visits: [
            {
              id: 'v1',
              patientId: 'p1',
              date: DOS,
              discipline: 'PT',
              provider: { credential: 'PT' },
              services: [{ code: '97530', minutes: 33, units: 3, modifiers: ['GP'] }],
            },
            {
              id: 'v2',
              patientId: 'p1',
              date: DOS,
              discipline: 'PT',
              provider: { credential: 'PT' },
              services: [{ code: '97110' }],
              timeIn: 'noon',
            },
            {
              id: 'v3',
              patientId: 'p1',
              date: DOS,
              discipline: 'PT',
              provider: { credential: 'PT' },
              services: [{ code: '97110', minutes: 'ten' }],
            },
          ],
        };
        const r = await call(h.app, { bearer: a.staff.biller.token }, 'POST', '/api/v1/audit', file);
        expect(r.status).toBe(200);
        expect(Object.keys(r.body).sort()).toEqual(['inputErrors', 'summary', 'visits']);
        const v1 = r.body.visits.find((v: { id: string }) => v.id === 'v1');
        expect(Object.keys(v1).sort()).toEqual(['date', 'estimate', 'findings', 'id', 'lines', 'patientId']);
        expect(v1.lines).toEqual([{ code: '97530', minutes: 33, units: 2, claimedUnits: 3, modifiers: ['GP'] }]);
        expect(v1.findings.map((f: { rule: string }) => f.rule)).toContain('units-exceed-minutes');
        expect(v1.estimate.payer).toBe('medicare');
        expect(r.body.summary.byRule['units-exceed-minutes']).toBeGreaterThanOrEqual(1);
        expect(r.body.inputErrors.map((e: { where: string }) => e.where)).toEqual(
          expect.arrayContaining(['visits[2].services[0].minutes']),
        );
        const bad = await call(h.app, { bearer: a.staff.biller.token }, 'POST', '/api/v1/audit', [1, 2]);
        expect(bad.status).toBe(400);
      });

      it('publishes an OpenAPI 3.1 document with every route, its roles and its schemas', async () => {
        const r = await call(h.app, null, 'GET', '/api/openapi.json');
        expect(r.status).toBe(200);
        const doc = r.body;
        expect(doc.openapi).toBe('3.1.0');
        expect(doc.components.securitySchemes).toHaveProperty('bearer');
        for (const route of ROUTES) {
          const op = doc.paths[openApiPath(route.path)]?.[route.method.toLowerCase()];
          expect(op, `${route.method} ${route.path}`).toBeDefined();
          expect(op.operationId).toBe(route.id);
          expect(op.responses[String(route.status)]).toBeDefined();
          for (const name of route.path.match(/:(\w+)/g) ?? []) {
            expect(
              op.parameters.some((p: { name: string; in: string }) => p.in === 'path' && `:${p.name}` === name),
            ).toBe(true);
          }
          if (route.body) expect(op.requestBody.content['application/json'].schema).toBeTypeOf('object');
        }
        const visit = doc.paths['/api/v1/visits'].post.requestBody.content['application/json'].schema;
        expect(visit.required).toEqual(
          expect.arrayContaining(['patientId', 'date', 'discipline', 'providerId', 'services']),
        );
        expect(visit.properties.services.items.properties.code.pattern).toBeTypeOf('string');
        const ops = Object.values(doc.paths).flatMap((p) => Object.values(p as object));
        expect(ops).toHaveLength(ROUTES.length);
      });

      it('answers unknown API paths with a problem document', async () => {
        const r = await call(h.app, { bearer: a.staff.owner.token }, 'GET', '/api/v1/nothing-here');
        expect(r.status).toBe(404);
        expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
        const badJson = await h.app.inject({
          method: 'POST',
          url: '/api/v1/patients',
          headers: { authorization: `Bearer ${a.staff.owner.token}`, 'content-type': 'application/json' },
          payload: '{"firstName":',
        });
        expect(badJson.statusCode).toBe(400);
        expect(badJson.headers['content-type']).toMatch(/^application\/problem\+json/);
      });
    },
  );
}

describe('README', () => {
  it('lists every route of the table', async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const missing = ROUTES.filter((r) => !text.includes(`\`${r.method} ${openApiPath(r.path)}\``)).map((r) => r.id);
    expect(missing).toEqual([]);
  });
});
