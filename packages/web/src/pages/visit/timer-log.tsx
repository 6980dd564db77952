import type { ReactNode } from 'react';
import type { ActivityDraft } from '../../visit/draft.ts';
import { formatClock, type TimerState } from '../../visit/timer-machine.ts';

const KIND_LABEL: Record<string, string> = {
  rest: 'Rest',
  setup: 'Setup',
  waiting: 'Waiting',
  documentation: 'Documentation',
  other: 'Other',
};

function clockTime(at: number): string {
  return new Date(at).toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' });
}

/**
 * Every run of the timer, in order, with its kind: treatment runs toward their activity, pauses as non-billable
 * time. It is what the minutes above are made of, as the server keeps it.
 * @param props - the timer, the activities (for their numbers and codes) and the current instant
 */
export function TimerLog(props: { timer: TimerState; activities: ActivityDraft[]; now: number }): ReactNode {
  const { segments } = props.timer;
  if (segments.length === 0) return null;
  return (
    <details className="timer-log">
      <summary>Timer log ({segments.length === 1 ? '1 run' : `${segments.length} runs`})</summary>
      <ol>
        {segments.map((g) => {
          const i = props.activities.findIndex((a) => a.id === g.activityId);
          const what =
            g.nonBillable !== undefined
              ? `${KIND_LABEL[g.nonBillable] ?? g.nonBillable} (not billed)`
              : i >= 0
                ? `Activity ${i + 1} (${props.activities[i]?.code ?? ''})`
                : 'Treatment (no activity)';
          return (
            <li key={`${g.start}-${g.activityId ?? g.nonBillable ?? ''}`} data-testid="timer-run">
              {clockTime(g.start)}–{g.end === undefined ? 'running' : clockTime(g.end)} · {what} ·{' '}
              {formatClock((g.end ?? props.now) - g.start)}
            </li>
          );
        })}
      </ol>
    </details>
  );
}
