// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { draftToVisit, newActivity, type VisitDraft } from '../src/visit/draft.ts';
import {
  activityMillis,
  EMPTY_TIMER,
  nonBillableMillis,
  running,
  type TimerEvent,
  type TimerState,
  timerReducer,
  toMinutes,
} from '../src/visit/timer-machine.ts';

const MIN = 60_000;
const T0 = Date.UTC(2026, 2, 2, 14, 0, 0);

function play(events: TimerEvent[], from: TimerState = EMPTY_TIMER): TimerState {
  return events.reduce(timerReducer, from);
}

describe('timer state machine (clock injected through event instants)', () => {
  it('two activities with a rest between: the rest is non-billable, never treatment', () => {
    const s = play([
      { type: 'start', activityId: 'a', at: T0 },
      { type: 'pause', at: T0 + 12 * MIN },
      { type: 'resume', at: T0 + 15 * MIN },
      { type: 'start', activityId: 'b', at: T0 + 20 * MIN },
      { type: 'stop', at: T0 + 31 * MIN },
    ]);
    const act = activityMillis(s, T0 + 99 * MIN);
    expect(toMinutes(act.get('a') ?? 0)).toBe(17);
    expect(toMinutes(act.get('b') ?? 0)).toBe(11);
    expect(toMinutes(nonBillableMillis(s, T0 + 99 * MIN).get('rest') ?? 0)).toBe(3);
    expect(running(s)).toBeUndefined();
  });

  it('switching activity stops the running one at the same instant: one runs at a time', () => {
    const s = play([
      { type: 'start', activityId: 'a', at: T0 },
      { type: 'start', activityId: 'b', at: T0 + 5 * MIN },
    ]);
    expect(s.segments.filter((x) => x.end === undefined)).toHaveLength(1);
    expect(running(s)?.activityId).toBe('b');
    expect(activityMillis(s, T0 + 7 * MIN).get('b')).toBe(2 * MIN);
  });

  it('a running timer counts up to now; starting the running activity again changes nothing', () => {
    const s1 = play([{ type: 'start', activityId: 'a', at: T0 }]);
    expect(timerReducer(s1, { type: 'start', activityId: 'a', at: T0 + MIN })).toBe(s1);
    expect(activityMillis(s1, T0 + 90_000).get('a')).toBe(90_000);
  });

  it('pause kinds other than rest are recorded as such; pause when idle, resume when running are no-ops', () => {
    expect(play([{ type: 'pause', at: T0 }])).toEqual(EMPTY_TIMER);
    const s = play([
      { type: 'start', activityId: 'a', at: T0 },
      { type: 'resume', at: T0 + MIN },
      { type: 'pause', kind: 'setup', at: T0 + 2 * MIN },
      { type: 'pause', kind: 'rest', at: T0 + 3 * MIN },
      { type: 'stop', at: T0 + 4 * MIN },
    ]);
    expect(nonBillableMillis(s, T0 + 9 * MIN)).toEqual(new Map([['setup', 2 * MIN]]));
  });

  it('a clock that steps backwards never makes a negative segment', () => {
    const s = play([
      { type: 'start', activityId: 'a', at: T0 },
      { type: 'stop', at: T0 - 5000 },
    ]);
    expect(activityMillis(s, T0).get('a')).toBe(0);
  });

  it('property: timed + non-billable time equals the wall time from first start to stop, whatever the clicks', () => {
    const event = fc.oneof(
      fc.record({ type: fc.constant('start' as const), activityId: fc.constantFrom('a', 'b', 'c') }),
      fc.record({ type: fc.constant('pause' as const) }),
      fc.record({ type: fc.constant('resume' as const) }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(event, fc.integer({ min: 0, max: 600_000 })), { maxLength: 30 }), (steps) => {
        let at = T0;
        let s: TimerState = timerReducer(EMPTY_TIMER, { type: 'start', activityId: 'a', at });
        for (const [e, gap] of steps) {
          at += gap;
          s = timerReducer(s, { ...e, at });
        }
        s = timerReducer(s, { type: 'stop', at: at + 1000 });
        const sum = (m: Map<string, number>): number => [...m.values()].reduce((x, y) => x + y, 0);
        expect(sum(activityMillis(s, 0)) + sum(nonBillableMillis(s, 0))).toBe(at + 1000 - T0);
        expect(s.segments.every((x) => x.end !== undefined && x.end >= x.start)).toBe(true);
      }),
    );
  });
});

describe('draftToVisit', () => {
  const base: VisitDraft = {
    visitId: 'v1',
    patientId: 'p1',
    date: '2026-03-02',
    discipline: 'PT',
    noteType: 'daily',
    credential: 'PT',
    timeIn: '10:00',
    timeOut: '10:45',
    response: '',
    activities: [],
    timer: EMPTY_TIMER,
    nonBillableTyped: [],
    goalStatus: {},
    updatedAt: 0,
  };

  it('timer minutes become service minutes, pauses become rest, typed minutes win', () => {
    const timer = play([
      { type: 'start', activityId: 'a', at: T0 },
      { type: 'pause', at: T0 + 14 * MIN },
      { type: 'resume', at: T0 + 17 * MIN },
      { type: 'start', activityId: 'b', at: T0 + 23 * MIN },
      { type: 'stop', at: T0 + 35 * MIN },
    ]);
    const a = {
      ...newActivity('a', '97530', 'PT'),
      description: 'Sit-to-stand transfers',
      assistance: 'min assist, verbal cues',
    };
    const b = { ...newActivity('b', '97110', 'PT'), minutesTyped: 10, deliveredBy: 'assistant' as const };
    const v = draftToVisit({ ...base, timer, activities: [a, b] }, T0 + 40 * MIN);
    expect(v.services.map((s) => [s.code, s.minutes, s.assistantMinutes])).toEqual([
      ['97530', 20, undefined],
      ['97110', 10, 10],
    ]);
    // Kept apart: the engine joins them when it reads the note.
    expect(v.services[0]).toMatchObject({
      description: 'Sit-to-stand transfers',
      assistance: 'min assist, verbal cues',
    });
    expect(v.services[1] && 'assistance' in v.services[1]).toBe(false);
    expect(v.nonBillable).toEqual([{ kind: 'rest', minutes: 3, note: 'timer pause' }]);
    expect(v.totalTimedMinutes).toBe(30);
  });
});
