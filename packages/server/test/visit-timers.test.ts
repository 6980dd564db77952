/**
 * The timer record over HTTP on both engines: segments keep their kind (treatment / rest / setup / waiting), a running
 * timer keeps its start instant with no end, non-billable time and assistance come back as saved, a second save of
 * what was read changes nothing, and bad segments are refused with their field path and nothing written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineTargets } from './helpers/engines.ts';
import { cleanVisit, type Factory, storeFactory } from './helpers/factory.ts';
import { type Auth, call, type Harness, makeClinic, makeHarness, type TestClinic } from './helpers/harness.ts';

const T = (hhmm: string): string => `2026-03-02T${hhmm}:00.000Z`;

for (const engine of await engineTargets()) {
  describe.skipIf(engine.skip !== undefined)(
    `visit timers on ${engine.name}${engine.skip ? ` (skipped: ${engine.skip})` : ''}`,
    () => {
      let h: Harness;
      let a: TestClinic;
      let f: Factory;
      let pt: Auth;
      beforeAll(async () => {
        h = await makeHarness(engine);
        a = await makeClinic(h.store, 'timers');
        f = storeFactory(h.store, a, 'Timercase');
        pt = { bearer: a.staff.therapist.token };
      });
      afterAll(async () => {
        await h?.close();
      });

      /** A visit body as the web sends it: 20 timed minutes of 97530 between a rest, a setup and a wait. */
      async function timedBody() {
        const { patientId, id } = await f.draftVisitFull('therapist');
        await h.store.visits.deleteDraft(a.clinicId, id);
        const { provider, ...v } = cleanVisit(patientId, a.staff.therapist.providerId ?? '', false);
        return {
          ...v,
          providerId: provider.id,
          totalTimedMinutes: 20,
          totalTreatmentMinutes: 20,
          services: [
            {
              code: '97530',
              minutes: 20,
              modifiers: ['GP'],
              goalIds: ['g1'],
              description: 'Sit to stand transfers',
              assistance: 'Contact guard assist, verbal cues for hand placement',
            },
          ],
          nonBillable: [
            { kind: 'rest', minutes: 4, note: 'timer pause' },
            { kind: 'setup', minutes: 2, note: 'timer pause' },
            { kind: 'waiting', minutes: 3, note: 'timer pause' },
          ],
          segments: [
            { serviceOrdinal: 0, kind: 'treatment', startedAt: T('15:00'), endedAt: T('15:12') },
            { kind: 'rest', startedAt: T('15:12'), endedAt: T('15:16') },
            { kind: 'setup', startedAt: T('15:16'), endedAt: T('15:18') },
            { kind: 'waiting', startedAt: T('15:18'), endedAt: T('15:21') },
            { serviceOrdinal: 0, kind: 'treatment', startedAt: T('15:21'), endedAt: null },
          ],
        };
      }

      it('round-trips segment kinds, the running start instant, non-billable time and assistance', async () => {
        const body = await timedBody();
        const created = await call(h.app, pt, 'POST', '/api/v1/visits', body);
        expect(created.status).toBe(201);
        const got = await call(h.app, pt, 'GET', `/api/v1/visits/${created.body.id}`);
        expect(got.status).toBe(200);
        type Seg = { serviceOrdinal: number | null; kind: string; startedAt: string; endedAt: string | null };
        expect(got.body.segments.map((g: Seg) => [g.serviceOrdinal, g.kind, g.startedAt, g.endedAt])).toEqual([
          [0, 'treatment', T('15:00'), T('15:12')],
          [null, 'rest', T('15:12'), T('15:16')],
          [null, 'setup', T('15:16'), T('15:18')],
          [null, 'waiting', T('15:18'), T('15:21')],
          [0, 'treatment', T('15:21'), null],
        ]);
        expect(got.body.nonBillable).toEqual(body.nonBillable);
        expect(got.body.services[0]).toMatchObject({
          minutes: 20,
          description: body.services[0]?.description,
          assistance: body.services[0]?.assistance,
        });
        // The engine read description and assistance together: a task with its assistance level is not vague.
        expect(got.body.findings.map((x: { rule: string }) => x.rule)).not.toContain('vague-description');
        expect(got.body.lines[0]).toMatchObject({ code: '97530', minutes: 20, units: 1 });

        // Saving back what was read (a second device) keeps it all.
        const { id: _i, segments, nonBillable, services } = got.body;
        const again = await call(
          h.app,
          pt,
          'PUT',
          `/api/v1/visits/${created.body.id}`,
          { ...body, segments: segments.map(({ id: _s, ...g }: Seg & { id: string }) => g), nonBillable, services },
          { 'if-match': String(got.headers.etag) },
        );
        expect(again.status).toBe(200);
        expect(again.body.segments).toHaveLength(5);
        expect(again.body.segments.map((g: Seg) => g.kind)).toEqual([
          'treatment',
          'rest',
          'setup',
          'waiting',
          'treatment',
        ]);
        expect(again.body.segments[4].endedAt).toBeNull();
        expect(again.body.nonBillable).toEqual(body.nonBillable);
        expect(again.body.services).toEqual(got.body.services);
      });

      it('refuses bad segments with their field path and writes nothing', async () => {
        const body = await timedBody();
        const created = await call(h.app, pt, 'POST', '/api/v1/visits', body);
        const id = created.body.id;
        const cases: [string, unknown[]][] = [
          [
            'segments.0.serviceOrdinal',
            [{ serviceOrdinal: 3, kind: 'treatment', startedAt: T('15:00'), endedAt: T('15:05') }],
          ],
          [
            'segments.0.endedAt',
            [{ serviceOrdinal: 0, kind: 'treatment', startedAt: T('15:10'), endedAt: T('15:05') }],
          ],
          [
            'segments.0.serviceOrdinal',
            [{ serviceOrdinal: 0, kind: 'rest', startedAt: T('15:00'), endedAt: T('15:05') }],
          ],
          [
            'segments.1.endedAt',
            [
              { serviceOrdinal: 0, kind: 'treatment', startedAt: T('15:00') },
              { kind: 'rest', startedAt: T('15:05'), endedAt: null },
            ],
          ],
        ];
        for (const [path, segments] of cases) {
          const r = await call(h.app, pt, 'PUT', `/api/v1/visits/${id}`, { ...body, segments }, { 'if-match': '"1"' });
          expect(r.status, path).toBe(400);
          expect(r.body.errors.map((e: { path: string }) => e.path)).toContain(path);
        }
        const stored = await h.store.visits.get(a.clinicId, id);
        expect(stored?.version).toBe(1);
        expect(stored?.segments).toHaveLength(5);
      });
    },
  );
}
