/**
 * Goal status per goal on a progress report over HTTP, on both engines: PUT keeps it, GET returns it (so another
 * device sees it), signing hashes it with the note, and a status outside the list is a 400 naming its path.
 */
import { hashVisitContent } from '@unitwise/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineTargets } from './helpers/engines.ts';
import { cleanVisit, type Factory, storeFactory } from './helpers/factory.ts';
import { type Auth, call, type Harness, makeClinic, makeHarness, type TestClinic } from './helpers/harness.ts';
import { signConfirmed } from './helpers/sign.ts';

const GOALS = {
  g1: { status: 'progressing', measure: 'Sit to stand x5 in 14 s', note: 'From 22 s at evaluation' },
  g2: { status: 'met' },
};

for (const engine of await engineTargets()) {
  describe.skipIf(engine.skip !== undefined)(
    `goal status on ${engine.name}${engine.skip ? ` (skipped: ${engine.skip})` : ''}`,
    () => {
      let h: Harness;
      let a: TestClinic;
      let f: Factory;
      let pt: Auth;
      beforeAll(async () => {
        h = await makeHarness(engine);
        a = await makeClinic(h.store, 'goalstatus');
        f = storeFactory(h.store, a, 'Goalcase');
        pt = { bearer: a.staff.therapist.token };
      });
      afterAll(async () => {
        await h?.close();
      });

      /** A progress-report body for PUT /visits/{id} of a fresh draft, with its id. */
      async function progressDraft() {
        const { patientId, id } = await f.draftVisitFull('therapist');
        const { provider, ...rest } = cleanVisit(patientId, a.staff.therapist.providerId ?? '', false);
        return { id, body: { ...rest, noteType: 'progress-report', providerId: provider.id } };
      }

      it('keeps goal status on PUT and returns it on GET', async () => {
        const { id, body } = await progressDraft();
        const got0 = await call(h.app, pt, 'GET', `/api/v1/visits/${id}`);
        expect(got0.status).toBe(200);
        const put = await call(
          h.app,
          pt,
          'PUT',
          `/api/v1/visits/${id}`,
          { ...body, goalStatus: GOALS },
          { 'if-match': got0.headers.etag as string },
        );
        expect(put.status).toBe(200);
        expect(put.body.goalStatus).toEqual(GOALS);
        const got = await call(h.app, pt, 'GET', `/api/v1/visits/${id}`);
        expect(got.status).toBe(200);
        expect(got.body.noteType).toBe('progress-report');
        expect(got.body.goalStatus).toEqual(GOALS);

        const stored = await h.store.visits.get(a.clinicId, id);
        expect(stored?.goalStatus).toEqual(GOALS);
        const signed = await signConfirmed(h.app, pt, id);
        expect(signed.status).toBe(200);
        expect(signed.body.goalStatus).toEqual(GOALS);
        expect(signed.body.contentHash).toBe(hashVisitContent(stored ?? got.body));
        expect(signed.body.contentHash).not.toBe(hashVisitContent({ ...got.body, goalStatus: undefined }));
      });

      it('refuses a status outside the list with a 400 naming goalStatus.<id>.status, and stores nothing', async () => {
        const { id, body } = await progressDraft();
        const got0 = await call(h.app, pt, 'GET', `/api/v1/visits/${id}`);
        const bad = await call(
          h.app,
          pt,
          'PUT',
          `/api/v1/visits/${id}`,
          { ...body, goalStatus: { g1: { status: 'almost-there' } } },
          { 'if-match': got0.headers.etag as string },
        );
        expect(bad.status).toBe(400);
        expect(bad.body.errors.map((e: { path: string }) => e.path)).toContain('goalStatus.g1.status');
        const tooLong = await call(
          h.app,
          pt,
          'PUT',
          `/api/v1/visits/${id}`,
          { ...body, goalStatus: { g1: { status: 'met', measure: 'x'.repeat(201) } } },
          { 'if-match': got0.headers.etag as string },
        );
        expect(tooLong.status).toBe(400);
        expect(tooLong.body.errors.map((e: { path: string }) => e.path)).toContain('goalStatus.g1.measure');
        expect((await h.store.visits.get(a.clinicId, id))?.version).toBe(got0.body.version);
      });
    },
  );
}
