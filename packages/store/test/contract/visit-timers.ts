import { describe, expect, it } from 'vitest';
import { hashVisitContent, type VisitInput } from '../../src/index.ts';
import { seedClinic, visitInput } from '../helpers/fixtures.ts';
import type { ContractContext } from './context.ts';

/** A session with a pause of each kind between treatment runs, the last run still going. */
function timedInput(patientId: string, providerId: string): VisitInput {
  const base = visitInput(patientId, providerId);
  return {
    ...base,
    services: [
      {
        code: '97530',
        minutes: 20,
        modifiers: ['GP'],
        description: 'Sit-to-stand from 18 in surface, 3x8',
        assistance: 'min assist, verbal cues for hand placement',
      },
      { code: '97110', minutes: 10, modifiers: ['GP'], description: 'Quad sets 3x10, 2 lb' },
    ],
    nonBillable: [
      { kind: 'rest', minutes: 4, note: 'timer pause' },
      { kind: 'setup', minutes: 2, note: 'timer pause' },
      { kind: 'waiting', minutes: 3, note: 'timer pause' },
    ],
    segments: [
      { serviceOrdinal: 0, kind: 'treatment', startedAt: '2026-01-05T15:00:00Z', endedAt: '2026-01-05T15:12:00Z' },
      { kind: 'rest', startedAt: '2026-01-05T15:12:00Z', endedAt: '2026-01-05T15:16:00Z' },
      { serviceOrdinal: 0, kind: 'treatment', startedAt: '2026-01-05T15:16:00Z', endedAt: '2026-01-05T15:24:00Z' },
      { kind: 'setup', startedAt: '2026-01-05T15:24:00Z', endedAt: '2026-01-05T15:26:00Z' },
      { kind: 'waiting', startedAt: '2026-01-05T15:26:00Z', endedAt: '2026-01-05T15:29:00Z' },
      { serviceOrdinal: 1, kind: 'treatment', startedAt: '2026-01-05T15:29:00Z', endedAt: null },
    ],
    findings: [],
  };
}

/** Minutes of closed segments per kind, as the note counts them. */
function minutesByKind(segments: { kind: string; startedAt: string; endedAt: string | null }[]) {
  const out: Record<string, number> = {};
  for (const g of segments) {
    if (!g.endedAt) continue;
    out[g.kind] = (out[g.kind] ?? 0) + (Date.parse(g.endedAt) - Date.parse(g.startedAt)) / 60_000;
  }
  return out;
}

/** @param ctx - the engine's store */
export function visitTimersContract(ctx: ContractContext): void {
  describe('visit timers and assistance', () => {
    it('keeps each segment with its kind and a running one with its start and no end, through create and update', async () => {
      const { store } = ctx;
      const s = await seedClinic(store, 'Timers');
      const input = timedInput(s.patient.id, s.provider.id);
      const created = await store.visits.create(s.clinic.id, input);
      if (!created.ok) throw new Error(created.reason);
      const id = created.value.id;
      const expected = [
        [0, 'treatment', '2026-01-05T15:00:00.000Z', '2026-01-05T15:12:00.000Z'],
        [null, 'rest', '2026-01-05T15:12:00.000Z', '2026-01-05T15:16:00.000Z'],
        [0, 'treatment', '2026-01-05T15:16:00.000Z', '2026-01-05T15:24:00.000Z'],
        [null, 'setup', '2026-01-05T15:24:00.000Z', '2026-01-05T15:26:00.000Z'],
        [null, 'waiting', '2026-01-05T15:26:00.000Z', '2026-01-05T15:29:00.000Z'],
        [1, 'treatment', '2026-01-05T15:29:00.000Z', null],
      ];
      const shape = (v: {
        segments: { serviceOrdinal: number | null; kind: string; startedAt: string; endedAt: string | null }[];
      }) => v.segments.map((g) => [g.serviceOrdinal, g.kind, g.startedAt, g.endedAt]);
      const read = await store.visits.get(s.clinic.id, id);
      if (!read) throw new Error('not read');
      expect(shape(read)).toEqual(expected);
      // Treatment runs of service 0 are its 20 minutes; the pauses are the non-billable time, kind by kind.
      expect(minutesByKind(read.segments)).toEqual({ treatment: 20, rest: 4, setup: 2, waiting: 3 });
      expect(read.nonBillable).toEqual(input.nonBillable);

      // An autosave that stops the running timer keeps the start instant and every kind.
      const stopped = input.segments?.map((g) => (g.endedAt === null ? { ...g, endedAt: '2026-01-05T15:39:00Z' } : g));
      const updated = await store.visits.update(s.clinic.id, id, read.version, { ...input, segments: stopped ?? [] });
      if (!updated.ok) throw new Error(updated.reason);
      const again = await store.visits.get(s.clinic.id, id);
      expect(again && shape(again).at(-1)).toEqual([
        1,
        'treatment',
        '2026-01-05T15:29:00.000Z',
        '2026-01-05T15:39:00.000Z',
      ]);
      expect(again && shape(again).slice(0, 5)).toEqual(expected.slice(0, 5));
    });

    it('keeps assistance apart from the description, and a note without it reads and hashes as before', async () => {
      const { store } = ctx;
      const s = await seedClinic(store, 'Assistance');
      const input = timedInput(s.patient.id, s.provider.id);
      const created = await store.visits.create(s.clinic.id, input);
      if (!created.ok) throw new Error(created.reason);
      const read = await store.visits.get(s.clinic.id, created.value.id);
      expect(read?.services[0]).toEqual({
        code: '97530',
        minutes: 20,
        modifiers: ['GP'],
        description: 'Sit-to-stand from 18 in surface, 3x8',
        assistance: 'min assist, verbal cues for hand placement',
      });
      // The second service has no assistance: the field is absent, not null or empty.
      expect(read?.services[1] && 'assistance' in read.services[1]).toBe(false);
      // The patient's history (what cloned-description compares) carries it too.
      const history = await store.visits.history(s.clinic.id, s.patient.id, '2026-12-31', 10);
      expect(history[0]?.services[0]?.assistance).toBe('min assist, verbal cues for hand placement');

      // An older note (one combined description) hashes exactly as it did before the column existed.
      const old = visitInput(s.patient.id, s.provider.id, '2026-01-06');
      const oldCreated = await store.visits.create(s.clinic.id, old);
      if (!oldCreated.ok) throw new Error(oldCreated.reason);
      const oldRead = await store.visits.get(s.clinic.id, oldCreated.value.id);
      expect(oldRead?.services).toEqual(old.services);
      if (!oldRead) throw new Error('not read');
      expect(hashVisitContent(oldRead)).toBe(hashVisitContent({ ...old, id: oldRead.id }));
      if (!read) throw new Error('not read');
      expect(hashVisitContent(read)).not.toBe(
        hashVisitContent({ ...read, services: read.services.map(({ assistance: _a, ...x }) => x) }),
      );
    });
  });
}
