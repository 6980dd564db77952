import type { ReactNode } from 'react';
import type { StaleTimer } from '../../visit/stale-timer.ts';
import { formatClock } from '../../visit/timer-machine.ts';

/** Clock time of an instant, hours and minutes, as the therapist reads a wall clock. */
function clockTime(at: number): string {
  return new Date(at).toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' });
}

/**
 * Asks what to do with a timer that was still running when the note was last open (a closed tab, a crash): stop
 * it at that instant, stop it now, or keep timing. The elapsed time is shown so the choice is informed.
 * @param props - the stale timer, what it times, the current instant and the handler
 */
export function RunningTimerPrompt(props: {
  stale: StaleTimer;
  /** "activity 1 (97530)", or "a rest pause". */
  what: string;
  now: number;
  onChoose(choice: 'then' | 'now' | 'keep'): void;
}): ReactNode {
  const { stale, now } = props;
  return (
    <div
      className="timer-prompt"
      role="alertdialog"
      aria-labelledby="stale-timer-title"
      aria-describedby="stale-timer-text"
    >
      <h2 id="stale-timer-title">The timer is still running</h2>
      <p id="stale-timer-text">
        The timer for {props.what} has run {formatClock(now - stale.startedAt)} since {clockTime(stale.startedAt)}. This
        note was last open at {clockTime(stale.lastKnownAt)} ({formatClock(stale.lastKnownAt - stale.startedAt)} timed
        by then).
      </p>
      <div className="row">
        <button type="button" onClick={() => props.onChoose('then')}>
          Stop at {clockTime(stale.lastKnownAt)}
        </button>
        <button type="button" onClick={() => props.onChoose('now')}>
          Stop now
        </button>
        <button type="button" className="link-button" onClick={() => props.onChoose('keep')}>
          Keep it running
        </button>
      </div>
    </div>
  );
}
