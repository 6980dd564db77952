// @vitest-environment happy-dom

import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ActivityCard, type ActivityCardProps } from '../src/pages/visit/activity-card.tsx';
import { newActivity } from '../src/visit/draft.ts';

afterEach(cleanup);

function card(over: Partial<ActivityCardProps>): void {
  render(
    <ActivityCard
      index={0}
      activity={{ ...newActivity('a1', '97530', 'PT'), description: 'Sit-to-stand', assistance: 'CGA, verbal cues' }}
      discipline="PT"
      goals={[]}
      timedMs={0}
      typedApplies={false}
      isRunning={false}
      suggestion={undefined}
      findings={[]}
      fieldErrors={{}}
      readOnly={false}
      onChange={() => undefined}
      onStart={() => undefined}
      onRemove={() => undefined}
      {...over}
    />,
  );
}

const minutes = (): string => (screen.getByLabelText('Minutes') as HTMLInputElement).value;

describe('activity card minutes', () => {
  it.each([
    ['timer only', { timedMs: 5 * 60_000 }, '5', 'From the timer.'],
    [
      'typed after the last run',
      { timedMs: 5 * 60_000, typedApplies: true, minutesTyped: 4 },
      '4',
      'Corrected by hand (timer: 5 min).',
    ],
    ['typed before a later run', { timedMs: 5 * 60_000, typedApplies: false, minutesTyped: 0 }, '5', 'From the timer.'],
    ['typed, never timed', { typedApplies: true, minutesTyped: 12 }, '12', 'Type the minutes or use the timer.'],
  ])('%s', (_name, over, value, hint) => {
    const { minutesTyped, ...props } = over as { minutesTyped?: number } & Partial<ActivityCardProps>;
    const activity = { ...newActivity('a1', '97530', 'PT'), ...(minutesTyped === undefined ? {} : { minutesTyped }) };
    card({ ...props, activity });
    expect(minutes()).toBe(value);
    expect(screen.getByText(hint)).toBeTruthy();
  });

  it('shows what was done and the assistance in their own fields', () => {
    card({});
    expect((screen.getByLabelText('What was done') as HTMLTextAreaElement).value).toBe('Sit-to-stand');
    expect((screen.getByLabelText('Assistance and cueing') as HTMLInputElement).value).toBe('CGA, verbal cues');
  });
});
