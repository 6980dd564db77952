import type { NonBillable, Service } from '@unitwise/rules';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SegmentInput, SegmentRecord, VisitRecord } from '../src/api/types.ts';
import { changeActivity, draftToVisit, newActivity, type VisitDraft } from '../src/visit/draft.ts';
import { DraftStore } from '../src/visit/draft-store.ts';
import { draftToBody, recordToDraft } from '../src/visit/record-to-draft.ts';
import { STALE_AFTER_MS, staleTimer } from '../src/visit/stale-timer.ts';
import { EMPTY_TIMER, lastRunStart, running, type TimerEvent, timerReducer } from '../src/visit/timer-machine.ts';

const MIN = 60_000;
const T0 = Date.UTC(2026, 2, 2, 15, 0, 0);

function baseDraft(activities = ['97530', '97110', '97112']): VisitDraft {
  return {
    visitId: 'v1',
    patientId: 'p1',
    date: '2026-03-02',
    discipline: 'PT',
    noteType: 'daily',
    credential: 'PT',
    providerId: 'prov',
    timeIn: '10:00',
    timeOut: '11:00',
    response: '',
    activities: activities.map((c, i) => newActivity(`a${i + 1}`, c, 'PT')),
    timer: EMPTY_TIMER,
    nonBillableTyped: [],
    goalStatus: {},
    updatedAt: T0,
  };
}

/** What the server keeps of a save and gives back on GET (the store keeps every field the body names). */
function serverCopy(body: Record<string, unknown>): VisitRecord {
  const segments = (body.segments as SegmentInput[]).map(
    (g): SegmentRecord => ({
      serviceOrdinal: g.serviceOrdinal ?? null,
      activityKey: g.activityKey ?? null,
      kind: g.kind,
      startedAt: g.startedAt,
      endedAt: g.endedAt,
    }),
  );
  return {
    id: 'v1',
    patientId: 'p1',
    date: '2026-03-02',
    discipline: 'PT',
    noteType: 'daily',
    providerId: 'prov',
    status: 'draft',
    services: body.services as Service[],
    nonBillable: body.nonBillable as NonBillable[],
    segments,
    ...(typeof body.timeIn === 'string' ? { timeIn: body.timeIn } : {}),
    ...(typeof body.timeOut === 'string' ? { timeOut: body.timeOut } : {}),
  };
}

const minutesOf = (d: VisitDraft, now: number) => {
  const v = draftToVisit(d, now);
  return { minutes: v.services.map((s) => s.minutes), nonBillable: v.nonBillable };
};

describe('a timed note survives save and reload', () => {
  it('property: timer (with rest, setup, waiting) and typed corrections → save → reload give the same minutes and non-billable time', () => {
    const step = fc.oneof(
      fc.record({ type: fc.constant('start' as const), activityId: fc.constantFrom('a1', 'a2', 'a3') }),
      fc.record({
        type: fc.constant('pause' as const),
        kind: fc.constantFrom('rest' as const, 'setup' as const, 'waiting' as const),
      }),
      fc.record({ type: fc.constant('resume' as const) }),
      fc.record({ type: fc.constant('stop' as const) }),
      fc.record({
        type: fc.constant('type' as const),
        activityId: fc.constantFrom('a1', 'a2', 'a3'),
        minutes: fc.integer({ min: 0, max: 60 }),
      }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(step, fc.integer({ min: 0, max: 9 * MIN })), { maxLength: 25 }),
        fc.integer({ min: 0, max: 5 * MIN }),
        (steps, tail) => {
          let d = baseDraft();
          let at = T0;
          for (const [s, gap] of steps) {
            at += gap;
            if (s.type === 'type') d = changeActivity(d, s.activityId, { minutesTyped: s.minutes }, at);
            else d = { ...d, timer: timerReducer(d.timer, { ...s, at } as TimerEvent) };
          }
          const open = running(d.timer);
          const runningActivity = d.activities.find((a) => a.id === open?.activityId);
          // Known limit: minutes typed over the very activity still running are the timer's again after a reload.
          fc.pre(
            !(runningActivity?.minutesTypedAt !== undefined && runningActivity.minutesTypedAt >= (open?.start ?? 0)),
          );
          const now = at + tail;
          const back = recordToDraft(serverCopy(draftToBody(d, now)), 'PT');
          expect(minutesOf(back, now)).toEqual(minutesOf(d, now));
          // The timer itself comes back: every segment with its kind, a running one still open at its start.
          expect(back.timer).toEqual(d.timer);
          // And a second save of the reloaded note sends the same body (nothing is wiped on the next save).
          expect(draftToBody(back, now)).toEqual(draftToBody(d, now));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a reopened activity saved at 0 minutes takes the timer: five minutes timed are five minutes', () => {
    const d0 = baseDraft(['97530']);
    const saved = recordToDraft(serverCopy(draftToBody(d0, T0)), 'PT');
    expect(saved.activities[0]?.minutesTyped).toBeUndefined();
    const timer = [
      { type: 'start' as const, activityId: 'a1', at: T0 + 60 * MIN },
      { type: 'stop' as const, at: T0 + 65 * MIN },
    ].reduce(timerReducer, saved.timer);
    expect(draftToVisit({ ...saved, timer }, T0 + 70 * MIN).services[0]?.minutes).toBe(5);
  });

  it('typed minutes stand when typed after the last run, and give way when the timer runs again', () => {
    const cases: {
      name: string;
      events: (TimerEvent | { type: 'type'; minutes: number; at: number })[];
      minutes: number;
    }[] = [
      { name: 'typed, no timer', events: [{ type: 'type', minutes: 12, at: T0 }], minutes: 12 },
      {
        name: 'typed after a 5-minute run: a correction',
        events: [
          { type: 'start', activityId: 'a1', at: T0 },
          { type: 'stop', at: T0 + 5 * MIN },
          { type: 'type', minutes: 7, at: T0 + 6 * MIN },
        ],
        minutes: 7,
      },
      {
        name: 'typed 0, then timed 5',
        events: [
          { type: 'type', minutes: 0, at: T0 },
          { type: 'start', activityId: 'a1', at: T0 + MIN },
          { type: 'stop', at: T0 + 6 * MIN },
        ],
        minutes: 5,
      },
      {
        name: 'corrected, then resumed after a rest: the timer counts again',
        events: [
          { type: 'start', activityId: 'a1', at: T0 },
          { type: 'pause', kind: 'rest', at: T0 + 4 * MIN },
          { type: 'type', minutes: 3, at: T0 + 5 * MIN },
          { type: 'resume', at: T0 + 6 * MIN },
          { type: 'stop', at: T0 + 8 * MIN },
        ],
        minutes: 6,
      },
    ];
    for (const c of cases) {
      let d = baseDraft(['97530']);
      for (const e of c.events) {
        d =
          e.type === 'type'
            ? changeActivity(d, 'a1', { minutesTyped: e.minutes }, e.at)
            : { ...d, timer: timerReducer(d.timer, e) };
      }
      const now = T0 + 30 * MIN;
      expect(draftToVisit(d, now).services[0]?.minutes, c.name).toBe(c.minutes);
      const back = recordToDraft(serverCopy(draftToBody(d, now)), 'PT');
      expect(draftToVisit(back, now).services[0]?.minutes, `${c.name}, reloaded`).toBe(c.minutes);
    }
  });

  it('a timer started on a device whose clock is behind still runs after a reload, and stops as one timer', () => {
    const record = serverCopy({ services: [{ code: '97530', minutes: 5 }], nonBillable: [], segments: [] });
    // As the server orders them, by start: the open run began "before" the closed one saved from another device.
    record.segments = [
      { serviceOrdinal: 0, kind: 'treatment', startedAt: new Date(T0).toISOString(), endedAt: null },
      {
        serviceOrdinal: 0,
        kind: 'treatment',
        startedAt: new Date(T0 + 30 * MIN).toISOString(),
        endedAt: new Date(T0 + 35 * MIN).toISOString(),
      },
    ];
    const d = recordToDraft(record, 'PT');
    expect(running(d.timer)).toMatchObject({ activityId: 'a1', start: T0 });
    const stopped = timerReducer(d.timer, { type: 'stop', at: T0 + 4 * MIN });
    expect(stopped.segments.every((g) => g.end !== undefined)).toBe(true);
    expect(draftToVisit({ ...d, timer: stopped }, T0 + 9 * MIN).services[0]?.minutes).toBe(9);
  });

  it('a note saved before kinds were kept (every run "treatment", none tied to a service) keeps its minutes and pauses', () => {
    const record = serverCopy({
      services: [{ code: '97530', minutes: 38 }],
      nonBillable: [{ kind: 'rest', minutes: 6, note: 'timer pause' }],
      segments: [],
    });
    record.segments = [
      {
        serviceOrdinal: null,
        kind: 'treatment',
        startedAt: new Date(T0).toISOString(),
        endedAt: new Date(T0 + 38 * MIN).toISOString(),
      },
      {
        serviceOrdinal: null,
        kind: 'treatment',
        startedAt: new Date(T0 + 38 * MIN).toISOString(),
        endedAt: new Date(T0 + 44 * MIN).toISOString(),
      },
    ];
    const d = recordToDraft(record, 'PT');
    const v = draftToVisit(d, T0 + 60 * MIN);
    expect(v.services[0]?.minutes).toBe(38);
    expect(v.nonBillable).toEqual([{ kind: 'rest', minutes: 6, note: 'timer pause' }]);
  });

  it('keeps pause minutes whose segments are missing (an older save) instead of wiping them on the next save', () => {
    const d = recordToDraft(
      {
        ...serverCopy({ services: [{ code: '97530', minutes: 38 }], nonBillable: [], segments: [] }),
        nonBillable: [{ kind: 'rest', minutes: 6, note: 'timer pause' }],
      },
      'PT',
    );
    expect(draftToVisit(d, T0).nonBillable).toEqual([{ kind: 'rest', minutes: 6, note: 'timer pause' }]);
  });

  it('keeps assistance apart, and an older combined description in "What was done"', () => {
    let d = baseDraft(['97530']);
    d = changeActivity(d, 'a1', { description: 'Sit to stand x10', assistance: 'CGA, verbal cues' }, T0);
    const back = recordToDraft(serverCopy(draftToBody(d, T0)), 'PT');
    expect(back.activities[0]).toMatchObject({ description: 'Sit to stand x10', assistance: 'CGA, verbal cues' });
    const old = recordToDraft(
      serverCopy({
        services: [{ code: '97530', description: 'Sit to stand x10 with CGA' }],
        nonBillable: [],
        segments: [],
      }),
      'PT',
    );
    expect(old.activities[0]).toMatchObject({ description: 'Sit to stand x10 with CGA', assistance: '' });
  });
});

describe('timer bookkeeping', () => {
  it('property: lastRunStart is the latest start of the activity, and a later start always moves it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('a', 'b'), fc.integer({ min: 1, max: MIN })), { maxLength: 20 }),
        (runs) => {
          let s = EMPTY_TIMER;
          let at = T0;
          const starts = new Map<string, number>();
          for (const [id, gap] of runs) {
            at += gap;
            const before = s;
            s = timerReducer(s, { type: 'start', activityId: id, at });
            if (s !== before) starts.set(id, at);
          }
          expect(lastRunStart(s, 'a')).toBe(starts.get('a'));
          expect(lastRunStart(s, 'b')).toBe(starts.get('b'));
        },
      ),
    );
  });

  it('a note reopened with its timer running asks only after a real gap, and stops "then" at the last known instant', () => {
    const timer = timerReducer(EMPTY_TIMER, { type: 'start', activityId: 'a1', at: T0 });
    expect(staleTimer(EMPTY_TIMER, [T0], T0 + 99 * MIN)).toBeUndefined();
    // A reload within the minute keeps timing without a question.
    expect(staleTimer(timer, [T0 + 10 * MIN], T0 + 10 * MIN + STALE_AFTER_MS - 1)).toBeUndefined();
    // Closed 5 minutes in, reopened 25 minutes in: the latest known instant wins, instants before the start do not.
    expect(staleTimer(timer, [T0 - MIN, T0 + 5 * MIN, T0 + 2 * MIN, undefined], T0 + 25 * MIN)).toEqual({
      startedAt: T0,
      lastKnownAt: T0 + 5 * MIN,
      activityId: 'a1',
    });
    // Nothing known but the start (another device's copy with no save since): "then" is the start itself.
    expect(staleTimer(timer, [], T0 + 25 * MIN)?.lastKnownAt).toBe(T0);
    // A known instant after now (a clock set back) is clamped to now, so the gap is none.
    expect(staleTimer(timer, [T0 + 40 * MIN], T0 + 25 * MIN)).toBeUndefined();
  });

  it('the last instant a note was seen open is kept per visit and goes with the draft', () => {
    const m = new Map<string, string>();
    const store = new DraftStore({
      getItem: (k) => m.get(k) ?? null,
      setItem: (k, v) => void m.set(k, v),
      removeItem: (k) => void m.delete(k),
    });
    expect(store.lastSeen('v1')).toBeUndefined();
    store.markSeen('v1', T0 + 5 * MIN);
    store.markSeen('v2', T0);
    expect(store.lastSeen('v1')).toBe(T0 + 5 * MIN);
    store.clear('v1');
    expect(store.lastSeen('v1')).toBeUndefined();
    expect(store.lastSeen('v2')).toBe(T0);
  });
});
