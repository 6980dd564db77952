import type { NonBillableKind } from '@unitwise/rules';

/**
 * The per-activity timer as a pure state machine: every event carries the instant it happened (`at`, epoch ms),
 * so the clock is injected and tests replay exact timelines. One thing runs at a time: an activity (billable
 * treatment) or a non-billable interval (rest, setup...). A pause never counts as treatment.
 */

/** One closed or open interval of the timer. */
export interface TimerSegment {
  /** The activity timed, or absent for non-billable time. */
  activityId?: string;
  /** Set for non-billable intervals (pause, rest, setup, waiting). */
  nonBillable?: NonBillableKind;
  /** Epoch ms. */
  start: number;
  /** Epoch ms; absent while running. */
  end?: number;
}

export interface TimerState {
  segments: TimerSegment[];
}

export type TimerEvent =
  | { type: 'start'; activityId: string; at: number }
  | { type: 'pause'; kind?: NonBillableKind; at: number }
  | { type: 'resume'; at: number }
  | { type: 'stop'; at: number };

export const EMPTY_TIMER: TimerState = { segments: [] };

/**
 * The open segment, if any.
 * @param state - the timer
 */
export function running(state: TimerState): TimerSegment | undefined {
  const last = state.segments[state.segments.length - 1];
  return last && last.end === undefined ? last : undefined;
}

/**
 * The activity the timer last ran, even if it is paused now (what `resume` goes back to).
 * @param state - the timer
 */
export function lastActivityId(state: TimerState): string | undefined {
  for (let i = state.segments.length - 1; i >= 0; i--) {
    const id = state.segments[i]?.activityId;
    if (id !== undefined) return id;
  }
  return undefined;
}

/**
 * When the timer last started (or resumed) this activity, or undefined if it never ran: typed minutes count only
 * when typed after it.
 * @param state - the timer
 * @param activityId - the activity
 */
export function lastRunStart(state: TimerState, activityId: string): number | undefined {
  let at: number | undefined;
  for (const seg of state.segments)
    if (seg.activityId === activityId && (at === undefined || seg.start > at)) at = seg.start;
  return at;
}

function closeOpen(segments: TimerSegment[], at: number): TimerSegment[] {
  const last = segments[segments.length - 1];
  if (!last || last.end !== undefined) return segments;
  // An event stamped before the open segment began (clock skew) closes it at zero length, never negative.
  return [...segments.slice(0, -1), { ...last, end: Math.max(at, last.start) }];
}

/**
 * Applies one event. Starting an activity while another runs is a switch: the running one stops at the same
 * instant. Pausing records a non-billable interval (default `rest`) until resume, start or stop.
 * @param state - the timer before the event
 * @param event - what the user did, with its instant
 * @returns the new state; the input is not changed
 */
export function timerReducer(state: TimerState, event: TimerEvent): TimerState {
  const open = running(state);
  switch (event.type) {
    case 'start': {
      if (open?.activityId === event.activityId) return state;
      return { segments: [...closeOpen(state.segments, event.at), { activityId: event.activityId, start: event.at }] };
    }
    case 'pause': {
      if (!open || open.nonBillable !== undefined) return state;
      const kind = event.kind ?? 'rest';
      return { segments: [...closeOpen(state.segments, event.at), { nonBillable: kind, start: event.at }] };
    }
    case 'resume': {
      const id = lastActivityId(state);
      if (!open || open.nonBillable === undefined || id === undefined) return state;
      return { segments: [...closeOpen(state.segments, event.at), { activityId: id, start: event.at }] };
    }
    case 'stop':
      return open ? { segments: closeOpen(state.segments, event.at) } : state;
  }
}

function length(seg: TimerSegment, now: number): number {
  return Math.max(0, (seg.end ?? now) - seg.start);
}

/**
 * Milliseconds timed per activity at `now` (open segments count up to `now`).
 * @param state - the timer
 * @param now - epoch ms
 */
export function activityMillis(state: TimerState, now: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const seg of state.segments) {
    if (seg.activityId !== undefined) out.set(seg.activityId, (out.get(seg.activityId) ?? 0) + length(seg, now));
  }
  return out;
}

/**
 * Milliseconds of non-billable time per kind at `now`.
 * @param state - the timer
 * @param now - epoch ms
 */
export function nonBillableMillis(state: TimerState, now: number): Map<NonBillableKind, number> {
  const out = new Map<NonBillableKind, number>();
  for (const seg of state.segments) {
    if (seg.nonBillable !== undefined) out.set(seg.nonBillable, (out.get(seg.nonBillable) ?? 0) + length(seg, now));
  }
  return out;
}

/**
 * Whole minutes from milliseconds, rounded to the nearest minute (30 s rounds up), summed before rounding so
 * that many short runs of one activity do not each lose or gain half a minute.
 * @param ms - a duration
 */
export function toMinutes(ms: number): number {
  return Math.round(ms / 60_000);
}

/**
 * Formats a duration as `m:ss` for the running display.
 * @param ms - a duration
 */
export function formatClock(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
