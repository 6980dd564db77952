import { running, type TimerState } from './timer-machine.ts';

/** A timer found running when the note was opened, long after the note was last seen open. */
export interface StaleTimer {
  /** Epoch ms the running segment started. */
  startedAt: number;
  /** Epoch ms the note was last known open with the timer running: where "stop it then" stops it. */
  lastKnownAt: number;
  /** The activity timed, or absent for a running pause. */
  activityId?: string;
}

/** Below this gap a reopened note (a reload, a quick tab switch) just keeps timing without asking. */
export const STALE_AFTER_MS = 60_000;

/**
 * Whether a note opened with its timer running should ask to stop it: the timer runs and the note was last known
 * open at least `STALE_AFTER_MS` ago.
 * @param timer - the timer as loaded
 * @param known - instants the note was known open (this device's last sight, the draft's last change, the server's
 *   last save); the latest one counts, clamped between the segment's start and now
 * @param now - epoch ms
 */
export function staleTimer(
  timer: TimerState,
  known: readonly (number | undefined)[],
  now: number,
): StaleTimer | undefined {
  const open = running(timer);
  if (!open) return undefined;
  let last = open.start;
  for (const k of known) if (k !== undefined && Number.isFinite(k) && k > last) last = k;
  last = Math.min(last, now);
  if (now - last < STALE_AFTER_MS) return undefined;
  return open.activityId !== undefined
    ? { startedAt: open.start, lastKnownAt: last, activityId: open.activityId }
    : { startedAt: open.start, lastKnownAt: last };
}
