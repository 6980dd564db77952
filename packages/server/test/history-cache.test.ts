/**
 * The replayed-history cache behind visit saves (engine/history-cache.ts), on both engines: saving a note again
 * reuses the patient's replayed history only while the earlier visits are the ones replayed. A change to an earlier
 * visit through the API, or straight in the store (as another server process would make it), or a new earlier
 * visit, shows in the very next save's findings.
 */
import type { VisitInput } from '@unitwise/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineTargets } from './helpers/engines.ts';
import { cleanVisit, type Factory, storeFactory } from './helpers/factory.ts';
import { type Auth, call, type Harness, makeClinic, makeHarness, type TestClinic } from './helpers/harness.ts';

/** Descriptions long enough for the cloned-description check, each different. */
const TEXT = [
  'Seated knee extension with a 3 lb cuff weight, 3 sets of 10, verbal cues for full extension, for stairs.',
  'Step-ups onto a 6 inch box, 3 sets of 8 each leg, contact guard, cues for knee alignment over the toes.',
  'Mini squats to a 45 degree bend, 3 sets of 12, mirror feedback for weight shift, to prepare for sit to stand.',
  'Bridging with a 2 second hold, 3 sets of 10, tactile cues for pelvic level, to build hip extension strength.',
  'Side stepping with a yellow band at the knees, 4 laps of 20 feet, cues for upright trunk and even step length.',
];

for (const engine of await engineTargets()) {
  describe.skipIf(engine.skip !== undefined)(
    `history cache on ${engine.name}${engine.skip ? ` (skipped: ${engine.skip})` : ''}`,
    () => {
      let h: Harness;
      let a: TestClinic;
      let f: Factory;
      let pt: Auth;
      let providerId: string;
      beforeAll(async () => {
        h = await makeHarness(engine);
        a = await makeClinic(h.store, 'histcache');
        f = storeFactory(h.store, a, 'Histcase');
        pt = { bearer: a.staff.therapist.token };
        providerId = a.staff.therapist.providerId ?? '';
      });
      afterAll(async () => {
        await h?.close();
      });

      /** The API body of a one-service visit on `date` with `text`. */
      function body(patientId: string, date: string, text: string) {
        const { provider, ...rest } = cleanVisit(patientId, providerId, false);
        const service = { ...(rest.services[0] as VisitInput['services'][number]), description: text };
        return { ...rest, date, services: [service], providerId: provider.id };
      }

      /** The store's input for the same visit (writes made as another process would). */
      function input(patientId: string, date: string, text: string): VisitInput {
        const v = cleanVisit(patientId, providerId, false);
        return { ...v, date, services: [{ ...(v.services[0] as VisitInput['services'][number]), description: text }] };
      }

      it('sees every change to the earlier visits in the next save', async () => {
        const patientId = await f.patient();
        const earlier = await call(h.app, pt, 'POST', '/api/v1/visits', body(patientId, '2026-03-02', TEXT[0] ?? ''));
        expect(earlier.status).toBe(201);
        const later = await call(h.app, pt, 'POST', '/api/v1/visits', body(patientId, '2026-03-09', TEXT[1] ?? ''));
        expect(later.status).toBe(201);
        let etag = later.headers.etag as string;
        const save = async (text: string) => {
          const r = await call(
            h.app,
            pt,
            'PUT',
            `/api/v1/visits/${later.body.id}`,
            body(patientId, '2026-03-09', text),
            {
              'if-match': etag,
            },
          );
          expect(r.status).toBe(200);
          etag = r.headers.etag as string;
          return (r.body.findings as { rule: string }[]).map((x) => x.rule);
        };
        // Twice: the second save is served from the cache and must judge the same.
        expect(await save(TEXT[1] ?? '')).not.toContain('cloned-description');
        expect(await save(TEXT[1] ?? '')).not.toContain('cloned-description');
        expect(await save(TEXT[0] ?? '')).toContain('cloned-description');

        // The earlier visit changed through the API: its old text no longer counts, its new one does.
        const got = await call(h.app, pt, 'GET', `/api/v1/visits/${earlier.body.id}`);
        const put = await call(
          h.app,
          pt,
          'PUT',
          `/api/v1/visits/${earlier.body.id}`,
          body(patientId, '2026-03-02', TEXT[2] ?? ''),
          { 'if-match': got.headers.etag as string },
        );
        expect(put.status).toBe(200);
        expect(await save(TEXT[0] ?? '')).not.toContain('cloned-description');
        expect(await save(TEXT[2] ?? '')).toContain('cloned-description');

        // Changed in the store directly, as another process would: the version moved, so the cache is not used.
        const current = await h.store.visits.head(a.clinicId, earlier.body.id);
        const r = await h.store.visits.update(
          a.clinicId,
          earlier.body.id,
          current?.version ?? 0,
          input(patientId, '2026-03-02', TEXT[3] ?? ''),
        );
        expect(r.ok).toBe(true);
        expect(await save(TEXT[2] ?? '')).not.toContain('cloned-description');
        expect(await save(TEXT[3] ?? '')).toContain('cloned-description');

        // A new earlier visit written by another process.
        const added = await h.store.visits.create(a.clinicId, input(patientId, '2026-03-05', TEXT[4] ?? ''));
        expect(added.ok).toBe(true);
        expect(await save(TEXT[4] ?? '')).toContain('cloned-description');
        // A visit dated after the saved one is not its history.
        await h.store.visits.create(a.clinicId, input(patientId, '2026-03-20', TEXT[1] ?? ''));
        expect(await save(TEXT[1] ?? '')).not.toContain('cloned-description');
      });
    },
  );
}
