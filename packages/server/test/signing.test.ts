/**
 * Signing over HTTP on both engines: an incomplete note is refused with the path of each missing field and nothing
 * written; an unknown code blocks signing and earns no unit; standing warnings must each be confirmed and the
 * attestation confirmed, and both are kept with the signature and in the audit log; a new patient's daily note before
 * any evaluation is a finding.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineTargets } from './helpers/engines.ts';
import { cleanVisit, type Factory, storeFactory } from './helpers/factory.ts';
import { type Auth, call, type Harness, makeClinic, makeHarness, type TestClinic } from './helpers/harness.ts';

type Body = ReturnType<typeof cleanVisit> & { providerId?: string };

for (const engine of await engineTargets()) {
  describe.skipIf(engine.skip !== undefined)(
    `signing on ${engine.name}${engine.skip ? ` (skipped: ${engine.skip})` : ''}`,
    () => {
      let h: Harness;
      let a: TestClinic;
      let f: Factory;
      let pt: Auth;
      beforeAll(async () => {
        h = await makeHarness(engine);
        a = await makeClinic(h.store, 'signing');
        f = storeFactory(h.store, a, 'Signcase');
        pt = { bearer: a.staff.therapist.token };
      });
      afterAll(async () => {
        await h?.close();
      });

      /** Creates a visit over the API for a fresh patient with a plan and coverage (commercial payer). */
      async function create(change: (b: Body) => void = () => {}): Promise<{ id: string; patientId: string }> {
        const { patientId, id } = await f.draftVisitFull('therapist');
        await h.store.visits.deleteDraft(a.clinicId, id);
        const v: Body = cleanVisit(patientId, a.staff.therapist.providerId ?? '', false);
        change(v);
        const { provider, ...rest } = v;
        const r = await call(h.app, pt, 'POST', '/api/v1/visits', { ...rest, providerId: provider.id });
        expect(r.status, r.text).toBe(201);
        return { id: r.body.id, patientId };
      }
      const signs = async (id: string) =>
        (await h.store.audit.list(a.clinicId, { action: 'visit.sign' })).items.filter((e) => e.entityId === id);

      it('refuses an empty note with each missing field’s path, and writes nothing', async () => {
        const { id } = await create((v) => {
          delete v.timeIn;
          delete v.timeOut;
          v.totalTimedMinutes = 0;
          v.totalTreatmentMinutes = 0;
          v.services = [{ code: '97530', minutes: 0, description: '' }];
          delete v.response;
        });
        const r = await call(h.app, pt, 'POST', `/api/v1/visits/${id}/sign`, { attest: true });
        expect(r.status).toBe(422);
        expect(r.headers['content-type']).toContain('application/problem+json');
        expect(r.body.errors.map((e: { path: string }) => e.path)).toEqual([
          'timeIn',
          'timeOut',
          'services.0.description',
          'services',
        ]);
        expect(r.body.detail).toContain('not complete enough to sign');
        expect(r.body.errors[2].message).toBe('Describe what was done in activity 1 (97530).');
        const stored = await h.store.visits.get(a.clinicId, id);
        expect(stored?.status).toBe('draft');
        expect(stored?.attestation).toBeNull();
        expect(await signs(id)).toEqual([]);
      });

      it('refuses an unknown code by its path, and counts no unit for it', async () => {
        const { id } = await create((v) => {
          v.services.push({ code: '97999', minutes: 15, modifiers: ['GP'], description: 'Something typed wrong' });
          v.timeOut = '10:45';
          v.totalTimedMinutes = 23;
          v.totalTreatmentMinutes = 38;
        });
        const got = await call(h.app, pt, 'GET', `/api/v1/visits/${id}`);
        const line = got.body.units.lines.find((l: { code: string }) => l.code === '97999');
        expect(line).toMatchObject({ code: '97999', units: 0, timed: false });
        expect(got.body.units.totalUnits).toBe(2);
        const r = await call(h.app, pt, 'POST', `/api/v1/visits/${id}/sign`, { attest: true });
        expect(r.status).toBe(422);
        expect(r.body.errors).toEqual([
          { path: 'services.1.code', message: 'The code of activity 2 (97999) is not a code we know: correct it.' },
        ]);
        expect((await h.store.visits.get(a.clinicId, id))?.status).toBe('draft');
      });

      it('signs only after each warning and the attestation are confirmed, and keeps both with the signature and in the audit log', async () => {
        const { id } = await create();
        // A new patient's daily note before any evaluation: a warning under a commercial payer.
        const before = await call(h.app, pt, 'GET', `/api/v1/visits/${id}`);
        const warning = before.body.findings.find((x: { rule: string }) => x.rule === 'evaluation-missing');
        expect(warning).toMatchObject({ severity: 'warning' });

        const unseen = await call(h.app, pt, 'POST', `/api/v1/visits/${id}/sign`, { attest: true });
        expect(unseen.status).toBe(422);
        expect(unseen.body.detail).toBe('1 warning must be read and confirmed before signing.');
        expect(unseen.body.errors).toEqual([{ path: 'warnings', message: warning.message }]);
        expect(unseen.body.warnings.map((x: { rule: string }) => x.rule)).toEqual(['evaluation-missing']);

        const noAttest = await call(h.app, pt, 'POST', `/api/v1/visits/${id}/sign`, {
          warnings: [{ rule: 'evaluation-missing' }],
        });
        expect(noAttest.status).toBe(422);
        expect(noAttest.body.errors.map((e: { path: string }) => e.path)).toEqual(['attest']);
        expect((await h.store.visits.get(a.clinicId, id))?.status).toBe('draft');
        expect(await signs(id)).toEqual([]);

        const signed = await call(h.app, pt, 'POST', `/api/v1/visits/${id}/sign`, {
          warnings: [{ rule: 'evaluation-missing' }],
          attest: true,
        });
        expect(signed.status, signed.text).toBe(200);
        const expected = {
          signerName: 'therapist signing',
          credential: 'PT',
          statement:
            'I, therapist signing, PT, attest that this note reflects the care I furnished or supervised on 2026-03-02.',
          warningsConfirmed: [{ rule: 'evaluation-missing', service: null, message: warning.message }],
        };
        expect(signed.body.attestation).toEqual(expected);
        expect((await call(h.app, pt, 'GET', `/api/v1/visits/${id}`)).body.attestation).toEqual(expected);
        expect((await h.store.visits.get(a.clinicId, id))?.attestation).toEqual(expected);
        const log = await signs(id);
        expect(log).toHaveLength(1);
        expect(log[0]?.detail).toMatchObject({
          attested: true,
          credential: 'PT',
          warningsConfirmed: [{ rule: 'evaluation-missing', service: null }],
        });
      });

      it('no longer finds evaluation-missing once the discipline’s evaluation is on record', async () => {
        const { patientId } = await create((v) => {
          v.noteType = 'evaluation';
          v.services = [{ code: '97162', modifiers: ['GP'] }];
          v.date = '2026-02-27';
          v.totalTimedMinutes = 0;
          v.totalTreatmentMinutes = 0;
        });
        const later = cleanVisit(patientId, a.staff.therapist.providerId ?? '', false);
        const { provider, ...rest } = later;
        const r = await call(h.app, pt, 'POST', '/api/v1/visits', { ...rest, providerId: provider.id });
        expect(r.status).toBe(201);
        expect(r.body.findings.map((x: { rule: string }) => x.rule)).not.toContain('evaluation-missing');
      });
    },
  );
}
