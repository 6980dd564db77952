/**
 * Visits over HTTP on both engines: the engine's findings on save, signing (refused with errors, allowed with
 * override reasons), signed-note immutability (API and store), addenda, ETag/If-Match, idempotent retries, validation
 * paths, an all-or-nothing multi-row write, and who may document and sign what.
 */
import { hashVisitContent } from '@unitwise/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineTargets } from './helpers/engines.ts';
import { cleanVisit, type Factory, storeFactory } from './helpers/factory.ts';
import { type Auth, call, type Harness, makeClinic, makeHarness, type TestClinic } from './helpers/harness.ts';
import { signConfirmed } from './helpers/sign.ts';

for (const engine of await engineTargets()) {
  describe.skipIf(engine.skip !== undefined)(
    `visits on ${engine.name}${engine.skip ? ` (skipped: ${engine.skip})` : ''}`,
    () => {
      let h: Harness;
      let a: TestClinic;
      let f: Factory;
      let pt: Auth;
      beforeAll(async () => {
        h = await makeHarness(engine);
        a = await makeClinic(h.store, 'visits');
        f = storeFactory(h.store, a, 'Visitcase');
        pt = { bearer: a.staff.therapist.token };
      });
      afterAll(async () => {
        await h?.close();
      });

      /** A body for POST/PUT /visits: a clean visit of a fresh patient with a plan and coverage, possibly changed. */
      async function visitBody(change: (b: ReturnType<typeof cleanVisit>) => void = () => {}) {
        const { patientId, id } = await f.draftVisitFull('therapist');
        await h.store.visits.deleteDraft(a.clinicId, id);
        const v = cleanVisit(patientId, a.staff.therapist.providerId ?? '', false);
        change(v);
        const { provider, ...rest } = v;
        return { ...rest, providerId: provider.id };
      }

      it('runs the rules engine on save and returns findings, units and estimate with an ETag', async () => {
        const body = await visitBody((v) => {
          const s = v.services[0];
          if (s) s.units = 3;
        });
        const r = await call(h.app, pt, 'POST', '/api/v1/visits', body);
        expect(r.status).toBe(201);
        expect(r.headers.etag).toBe('"1"');
        expect(r.headers.location).toBe(`/api/v1/visits/${r.body.id}`);
        expect(r.body.findings.map((x: { rule: string }) => x.rule)).toContain('units-exceed-minutes');
        expect(r.body.lines[0]).toMatchObject({ code: '97110', minutes: 23, units: 2, claimedUnits: 3 });
        expect(r.body.estimate.payer).toBe('commercial');
        expect(r.body.units.explanation.length).toBeGreaterThan(0);
        const stored = await h.store.visits.get(a.clinicId, r.body.id);
        expect(stored?.findings.map((x) => x.rule)).toContain('units-exceed-minutes');
        const got = await call(h.app, pt, 'GET', `/api/v1/visits/${r.body.id}`);
        expect(got.headers.etag).toBe('"1"');
        expect(got.body.findings).toEqual(r.body.findings);
      });

      it('refuses to sign while an error stands, then signs with an override reason that is stored and logged', async () => {
        const body = await visitBody((v) => {
          const s = v.services[0];
          if (s) s.units = 3;
        });
        const created = await call(h.app, pt, 'POST', '/api/v1/visits', body);
        const id = created.body.id;
        const refused = await call(h.app, pt, 'POST', `/api/v1/visits/${id}/sign`, {});
        expect(refused.status).toBe(422);
        expect(refused.body.findings.map((x: { rule: string }) => x.rule)).toEqual(['units-exceed-minutes']);
        expect(refused.body.errors[0]).toMatchObject({ path: 'services.0' });

        const tooShort = await call(h.app, pt, 'POST', `/api/v1/visits/${id}/sign`, {
          overrides: [{ rule: 'units-exceed-minutes', service: 0, reason: 'ok' }],
        });
        expect(tooShort.status).toBe(400);
        expect(tooShort.body.errors[0].path).toBe('overrides.0.reason');

        const wrongRule = await call(h.app, pt, 'POST', `/api/v1/visits/${id}/sign`, {
          overrides: [{ rule: 'ncci-pair', reason: 'Not a finding of this visit at all.' }],
        });
        expect(wrongRule.status).toBe(422);
        expect(wrongRule.body.errors).toEqual([
          { path: 'overrides.0.rule', message: 'No such finding stands on this visit.' },
        ]);

        const reason = 'Payer contract 2026-A pays per code; 3 units authorised in writing.';
        const signed = await signConfirmed(h.app, pt, id, {
          overrides: [{ rule: 'units-exceed-minutes', service: 0, reason }],
        });
        expect(signed.status, signed.text).toBe(200);
        expect(signed.body.status).toBe('signed');
        expect(signed.body.contentHash).toMatch(/^[0-9a-f]{64}$/);
        expect(signed.body.overrides).toEqual([
          expect.objectContaining({ rule: 'units-exceed-minutes', service: 0, reason }),
        ]);
        const stored = await h.store.visits.get(a.clinicId, id);
        expect(stored?.contentHash).toBe(hashVisitContent(stored ?? signed.body));
        const log = await h.store.audit.list(a.clinicId, { action: 'visit.override' });
        expect(log.items[0]?.detail).toMatchObject({ visitId: id, rule: 'units-exceed-minutes', service: 0 });
        expect((await h.store.audit.list(a.clinicId, { action: 'visit.sign' })).items[0]?.entityId).toBe(id);
      });

      it('never changes a signed note (API: 409; store: refused); corrections are addenda', async () => {
        const id = await f.draftVisit('therapist');
        const signed = await signConfirmed(h.app, pt, id);
        expect(signed.status, signed.text).toBe(200);
        const etag = signed.headers.etag as string;
        const body = {
          ...cleanVisit(signed.body.patientId, a.staff.therapist.providerId ?? '', false),
          providerId: a.staff.therapist.providerId,
        };
        const put = await call(h.app, pt, 'PUT', `/api/v1/visits/${id}`, body, { 'if-match': etag });
        expect(put.status).toBe(409);
        expect(put.body.detail).toMatch(/signed/);
        expect((await call(h.app, pt, 'DELETE', `/api/v1/visits/${id}`)).status).toBe(409);
        expect((await call(h.app, pt, 'POST', `/api/v1/visits/${id}/sign`, {})).status).toBe(409);
        const seg = await call(h.app, pt, 'POST', `/api/v1/visits/${id}/segments`, {
          startedAt: '2026-03-02T15:00:00.000Z',
        });
        expect(seg.status).toBe(409);

        const before = await h.store.visits.get(a.clinicId, id);
        if (!before) throw new Error('missing');
        const direct = await h.store.visits.update(a.clinicId, id, before.version, { ...before, response: 'changed' });
        expect(direct).toEqual({ ok: false, reason: 'signed' });

        const add = await call(h.app, pt, 'POST', `/api/v1/visits/${id}/addenda`, {
          text: 'Late entry: reviewed home program.',
        });
        expect(add.status).toBe(201);
        expect(add.body).toMatchObject({ visitId: id, authorId: a.staff.therapist.userId });
        expect(add.body.hash).toMatch(/^[0-9a-f]{64}$/);
        const after = await call(h.app, pt, 'GET', `/api/v1/visits/${id}`);
        expect(after.body.addenda).toHaveLength(1);
        expect(after.body.contentHash).toBe(before.contentHash);
        expect(after.body.response).toBe(before.response);

        const draft = await f.draftVisit('therapist');
        const onDraft = await call(h.app, pt, 'POST', `/api/v1/visits/${draft}/addenda`, { text: 'x' });
        expect(onDraft.status).toBe(409);
      });

      it('needs If-Match to update (428), refuses a stale one (412), and moves the ETag on', async () => {
        const { id, patientId } = await f.draftVisitFull('therapist');
        const content = {
          ...cleanVisit(patientId, a.staff.therapist.providerId ?? '', false),
          providerId: a.staff.therapist.providerId,
        };
        const noHeader = await call(h.app, pt, 'PUT', `/api/v1/visits/${id}`, content);
        expect(noHeader.status).toBe(428);
        const first = await call(
          h.app,
          pt,
          'PUT',
          `/api/v1/visits/${id}`,
          { ...content, response: 'Walked 250 feet.' },
          { 'if-match': '"1"' },
        );
        expect(first.status).toBe(200);
        expect(first.headers.etag).toBe('"2"');
        // A second editor still holding version 1 must not overwrite the first.
        const stale = await call(
          h.app,
          pt,
          'PUT',
          `/api/v1/visits/${id}`,
          { ...content, response: 'Other edit.' },
          { 'if-match': '"1"' },
        );
        expect(stale.status).toBe(412);
        const now = await call(h.app, pt, 'GET', `/api/v1/visits/${id}`);
        expect(now.body.response).toBe('Walked 250 feet.');
        expect(now.headers.etag).toBe('"2"');
      });

      it('replays a creating POST with the same Idempotency-Key and refuses the key with another body', async () => {
        const body = { firstName: 'Idem', lastName: 'Potent', birthDate: '1955-07-08', sex: 'M' };
        const key = { 'idempotency-key': 'retry-123' };
        const one = await call(h.app, pt, 'POST', '/api/v1/patients', body, key);
        const two = await call(h.app, pt, 'POST', '/api/v1/patients', body, key);
        expect(one.status).toBe(201);
        expect(two.status).toBe(201);
        expect(two.body.id).toBe(one.body.id);
        expect(two.headers['idempotent-replayed']).toBe('true');
        const other = await call(h.app, pt, 'POST', '/api/v1/patients', { ...body, firstName: 'Else' }, key);
        expect(other.status).toBe(422);
        const all = await h.store.patients.list(a.clinicId, { search: 'Potent' });
        expect(all.items).toHaveLength(1);
        // Keys belong to a user: another user's same key is a new request.
        const biller = await call(h.app, { bearer: a.staff.biller.token }, 'POST', '/api/v1/patients', body, key);
        expect(biller.body.id).not.toBe(one.body.id);
      });

      it('reports every invalid field with its path', async () => {
        const body = await visitBody((v) => {
          const s = v.services[0];
          if (s) s.minutes = -5;
          v.date = '2026-13-40';
          v.timeIn = '25:00';
        });
        const r = await call(h.app, pt, 'POST', '/api/v1/visits', {
          ...body,
          services: [...body.services, { code: '97' }],
        });
        expect(r.status).toBe(400);
        expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
        const paths = r.body.errors.map((e: { path: string }) => e.path).sort();
        expect(paths).toEqual(['date', 'services.0.minutes', 'services.1.code', 'timeIn']);
        expect(r.body).toMatchObject({ type: '/api/problems/invalid', title: 'Invalid request', status: 400 });
        const q = await call(h.app, pt, 'GET', '/api/v1/visits?limit=0&from=yesterday');
        expect(q.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['query.from', 'query.limit']);
      });

      it('leaves nothing behind when a multi-row write fails (overrides + stale sign)', async () => {
        const body = await visitBody((v) => {
          const s = v.services[0];
          if (s) s.units = 3;
        });
        const id = (await call(h.app, pt, 'POST', '/api/v1/visits', body)).body.id;
        const r = await call(
          h.app,
          pt,
          'POST',
          `/api/v1/visits/${id}/sign`,
          {
            overrides: [{ rule: 'units-exceed-minutes', service: 0, reason: 'Authorised by the payer in writing.' }],
            warnings: [{ rule: 'evaluation-missing' }, { rule: 'cloned-description' }],
            attest: true,
          },
          { 'if-match': '"7"' },
        );
        expect(r.status).toBe(412);
        const v = await h.store.visits.get(a.clinicId, id);
        expect(v?.status).toBe('draft');
        expect(v?.overrides).toEqual([]);
        expect(
          (await h.store.audit.list(a.clinicId, { action: 'visit.override', entity: 'override' })).items.map(
            (e) => e.detail?.visitId,
          ),
        ).not.toContain(id);
      });

      it('lets therapists and assistants document only as themselves, and assistants not sign evaluations', async () => {
        const other = await h.store.providers.create(a.clinicId, {
          name: 'Second PT',
          npi: '1679576722',
          discipline: 'PT',
          credential: 'PT',
        });
        const body = await visitBody();
        const asOther = await call(h.app, pt, 'POST', '/api/v1/visits', { ...body, providerId: other.id });
        expect(asOther.status).toBe(403);
        const ownerMay = await call(h.app, { bearer: a.staff.owner.token }, 'POST', '/api/v1/visits', {
          ...body,
          providerId: other.id,
        });
        expect(ownerMay.status).toBe(201);
        const pta = { bearer: a.staff.assistant.token };
        const ptaVisit = await f.draftVisit('assistant');
        const editTheirs = await call(h.app, pt, 'GET', `/api/v1/visits/${ptaVisit}`);
        expect(editTheirs.status).toBe(200);
        const signTheirs = await call(h.app, pt, 'POST', `/api/v1/visits/${ptaVisit}/sign`, {});
        expect(signTheirs.status).toBe(403);
        const evalBody = await visitBody((v) => {
          v.noteType = 'evaluation';
          v.provider = { id: a.staff.assistant.providerId ?? '', credential: 'PTA' };
        });
        const evalVisit = await call(h.app, pta, 'POST', '/api/v1/visits', {
          ...evalBody,
          providerId: a.staff.assistant.providerId,
        });
        expect(evalVisit.status).toBe(201);
        const signEval = await call(h.app, pta, 'POST', `/api/v1/visits/${evalVisit.body.id}/sign`, {});
        expect(signEval.status).toBe(403);
        expect(signEval.body.detail).toMatch(/assistant cannot sign/);
      });

      it('adds fee schedules as rows or as one schedule of a payer, all or nothing, with field paths', async () => {
        const biller = { bearer: a.staff.biller.token };
        const payer = await call(h.app, biller, 'POST', '/api/v1/payers', { name: 'Acme', policyId: 'acme-fees' });
        const one = await call(h.app, biller, 'POST', '/api/v1/fee-schedules', {
          payerId: payer.body.id,
          effectiveFrom: '2026-01-01',
          entries: [
            { code: '97530', cents: 5200 },
            { code: '97110', cents: 4100 },
          ],
        });
        expect(one.status).toBe(201);
        expect(one.body.items.map((r: { payerPolicyId: string }) => r.payerPolicyId)).toEqual([
          'acme-fees',
          'acme-fees',
        ]);
        const bad = await call(h.app, biller, 'POST', '/api/v1/fee-schedules', {
          rows: [
            { payerPolicyId: 'acme-fees', code: '97112', effectiveFrom: '2026-01-01', cents: 3900 },
            { payerPolicyId: 'acme-fees', code: '97140', effectiveFrom: '2026-01-01', cents: 12.5 },
          ],
        });
        expect(bad.status).toBe(400);
        expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['rows.1.cents']);
        const listed = await call(h.app, biller, 'GET', '/api/v1/fee-schedules?payerPolicyId=acme-fees');
        expect(listed.body.items.map((r: { code: string }) => r.code).sort()).toEqual(['97110', '97530']);
      });

      it('records timer segments on a draft', async () => {
        const id = await f.draftVisit('therapist');
        const start = await call(h.app, pt, 'POST', `/api/v1/visits/${id}/segments`, {
          serviceOrdinal: 0,
          startedAt: '2026-03-02T15:00:00.000Z',
        });
        expect(start.status).toBe(201);
        expect(start.body).toMatchObject({ kind: 'treatment', serviceOrdinal: 0, endedAt: null });
        const stop = await call(h.app, pt, 'PATCH', `/api/v1/visits/${id}/segments/${start.body.id}`, {
          endedAt: '2026-03-02T15:12:00.000Z',
        });
        expect(stop.status).toBe(200);
        const v = await call(h.app, pt, 'GET', `/api/v1/visits/${id}`);
        expect(v.body.segments).toEqual([
          expect.objectContaining({ id: start.body.id, endedAt: '2026-03-02T15:12:00.000Z' }),
        ]);
      });

      it('pages through a patient’s visits with next cursors', async () => {
        const { patientId } = await f.draftVisitFull('therapist');
        for (const date of ['2026-02-23', '2026-02-24', '2026-02-25']) {
          const body = {
            ...cleanVisit(patientId, a.staff.therapist.providerId ?? '', false),
            date,
            providerId: a.staff.therapist.providerId,
          };
          expect((await call(h.app, pt, 'POST', '/api/v1/visits', body)).status).toBe(201);
        }
        const seen: string[] = [];
        let url = `/api/v1/patients/${patientId}/visits?limit=2`;
        for (let i = 0; i < 5; i++) {
          const page = await call(h.app, pt, 'GET', url);
          expect(page.status).toBe(200);
          seen.push(...page.body.items.map((v: { date: string }) => v.date));
          if (!page.body.next) break;
          url = `/api/v1/patients/${patientId}/visits?limit=2&cursor=${encodeURIComponent(page.body.next)}`;
        }
        expect(seen).toEqual(['2026-03-02', '2026-02-25', '2026-02-24', '2026-02-23']);
      });
    },
  );
}
