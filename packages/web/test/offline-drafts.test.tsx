// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ApiError } from '../src/api/problem.ts';
import { type QueuedWrite, RetryQueue } from '../src/api/retry-queue.ts';
import { newActivity, type VisitDraft } from '../src/visit/draft.ts';
import { DraftStore } from '../src/visit/draft-store.ts';
import { draftToBody, recordToDraft } from '../src/visit/record-to-draft.ts';
import { EMPTY_TIMER, timerReducer } from '../src/visit/timer-machine.ts';

const offline = new ApiError({ title: 'Network error', status: 0 });
const conflict = new ApiError({ title: 'Precondition failed', status: 412, detail: 'The visit changed.' });

function write(key: string, n: number): QueuedWrite {
  return { key, method: 'PUT', path: `/visits/${key}`, body: { n }, ifMatch: `"${n}"`, queuedAt: n };
}

describe('retry queue (saves made while offline)', () => {
  it('keeps only the newest save of a visit, survives a reload, and sends in order once online', async () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    };
    const q = new RetryQueue(storage);
    q.enqueue(write('v1', 1));
    q.enqueue(write('v2', 2));
    q.enqueue(write('v1', 3));
    const reloaded = new RetryQueue(storage);
    expect(reloaded.pending().map((w) => [w.key, w.queuedAt])).toEqual([
      ['v2', 2],
      ['v1', 3],
    ]);

    expect(await reloaded.flush(async () => Promise.reject(offline))).toEqual({ refused: [], remaining: 2 });
    const sent: string[] = [];
    const r = await reloaded.flush(async (w) => {
      sent.push(`${w.key}@${w.ifMatch}`);
    });
    expect(sent).toEqual(['v2@"2"', 'v1@"3"']);
    expect(r).toEqual({ refused: [], remaining: 0 });
  });

  it('a save the server refuses (someone else changed the visit) is dropped and reported, not retried forever', async () => {
    const store = new Map<string, string>();
    const q = new RetryQueue({ getItem: (k) => store.get(k) ?? null, setItem: (k, v) => void store.set(k, v) });
    q.enqueue(write('v1', 1));
    const r = await q.flush(async () => Promise.reject(conflict));
    expect(r.refused.map((x) => x.error.status)).toEqual([412]);
    expect(q.pending()).toEqual([]);
  });
});

describe('draft store and the server round trip', () => {
  it('a draft with a running timer survives a reload and is saved with its timer runs as segments', () => {
    const store = new Map<string, string>();
    const drafts = new DraftStore({
      getItem: (k) => store.get(k) ?? null,
      setItem: (k, v) => void store.set(k, v),
      removeItem: (k) => void store.delete(k),
    });
    const t0 = Date.UTC(2026, 2, 2, 15);
    const timer = [
      { type: 'start' as const, activityId: 'a1', at: t0 },
      { type: 'pause' as const, kind: 'rest' as const, at: t0 + 600_000 },
    ].reduce(timerReducer, EMPTY_TIMER);
    const draft: VisitDraft = {
      visitId: 'v1',
      patientId: 'p1',
      date: '2026-03-02',
      discipline: 'PT',
      noteType: 'daily',
      credential: 'PT',
      providerId: 'prov',
      timeIn: '10:00',
      timeOut: '',
      response: '',
      activities: [{ ...newActivity('a1', '97530', 'PT'), description: 'Sit-to-stand' }],
      timer,
      nonBillableTyped: [],
      goalStatus: {},
      updatedAt: t0,
      baseEtag: '"4"',
    };
    drafts.save(draft);
    const back = drafts.load('v1');
    expect(back).toEqual(draft);

    const body = draftToBody(back as VisitDraft, t0 + 780_000);
    expect(body.services).toEqual([
      { code: '97530', minutes: 10, description: 'Sit-to-stand', goalIds: [], modifiers: ['GP'] },
    ]);
    expect(body.nonBillable).toEqual([{ kind: 'rest', minutes: 3, note: 'timer pause' }]);
    // In the API's shape: each segment with its kind; the running pause with its start and no end.
    expect(body.segments).toEqual([
      {
        kind: 'treatment',
        startedAt: '2026-03-02T15:00:00.000Z',
        endedAt: '2026-03-02T15:10:00.000Z',
        serviceOrdinal: 0,
      },
      { kind: 'rest', startedAt: '2026-03-02T15:10:00.000Z', endedAt: null },
    ]);
    drafts.clear('v1');
    expect(drafts.load('v1')).toBeUndefined();
  });

  it('a stored visit comes back as a draft whose timer minutes are not mistaken for hand corrections', () => {
    const d = recordToDraft(
      {
        id: 'v1',
        patientId: 'p1',
        date: '2026-03-02',
        discipline: 'PT',
        noteType: 'daily',
        providerId: 'prov',
        status: 'draft',
        services: [
          { code: '97530', minutes: 10, modifiers: ['GP'] },
          { code: '97110', minutes: 8, modifiers: ['GP'] },
        ],
        segments: [
          { serviceOrdinal: 0, kind: 'treatment', startedAt: '2026-03-02T15:00:00Z', endedAt: '2026-03-02T15:10:00Z' },
          { serviceOrdinal: null, kind: 'rest', startedAt: '2026-03-02T15:10:00Z', endedAt: '2026-03-02T15:13:00Z' },
        ],
      },
      'PT',
    );
    expect(d.activities.map((a) => a.minutesTyped)).toEqual([undefined, 8]);
    expect(d.timer.segments.map((s) => s.activityId ?? s.nonBillable)).toEqual(['a1', 'rest']);
  });
});
