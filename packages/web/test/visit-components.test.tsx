// @vitest-environment happy-dom

import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { Patient, Visit } from '@unitwise/rules';
import { afterEach, describe, expect, it } from 'vitest';
import { ActivityCard } from '../src/pages/visit/activity-card.tsx';
import { LivePanel } from '../src/pages/visit/live-panel.tsx';
import { SignPanel } from '../src/pages/visit/sign-panel.tsx';
import { newActivity } from '../src/visit/draft.ts';
import { computeLiveResults } from '../src/visit/live-results.ts';

afterEach(cleanup);

const patient: Patient = {
  id: 'p',
  payer: 'medicare',
  plansOfCare: [
    {
      id: 'poc',
      discipline: 'PT',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      certifiedDate: '2026-01-05',
      goals: [{ id: 'g1', text: 'Stand from a chair without hands 5 times in 15 seconds within 6 weeks' }],
      plannedCodes: ['97530'],
    },
  ],
};

function visit(description: string): Visit {
  return {
    id: 'v',
    patientId: 'p',
    date: '2026-03-02',
    discipline: 'PT',
    provider: { credential: 'PT' },
    timeIn: '10:00',
    timeOut: '10:30',
    totalTimedMinutes: 19,
    totalTreatmentMinutes: 19,
    response: 'Tolerated well.',
    services: [{ code: '97530', minutes: 19, description, goalIds: ['g1'], modifiers: ['GP'] }],
  };
}

describe('live results panel', () => {
  it('announces a one-line summary politely, shows the what-if, and names severity in words', () => {
    const results = computeLiveResults(visit('Sit to stand transfers'), { patient });
    render(<LivePanel results={results} findings={results.findings} methodLabel="CMS" payerLabel="Medicare Part B" />);
    const summary = screen.getByTestId('live-summary');
    expect(summary.getAttribute('aria-live')).toBe('polite');
    expect(summary.textContent).toMatch(
      /^1 unit from 19 timed minutes; 0 errors, \d+ warnings?; estimated payment \$\d+\.\d\d\.$/,
    );
    expect(screen.getByText('4 more minutes of 97530 earns another unit.')).toBeTruthy();
    const finding = screen.getByTestId('findings').querySelector('[data-rule="vague-description"]');
    expect(finding?.textContent).toContain('Warning');
    expect(finding?.textContent).toContain('functional task');
  });
});

describe('activity card', () => {
  it('starts its timer, shows our guidance for the code, and puts a server error next to its field', () => {
    const started: string[] = [];
    const changes: unknown[] = [];
    render(
      <ActivityCard
        index={0}
        activity={{ ...newActivity('a1', '97530', 'PT'), description: 'Sit-to-stand' }}
        discipline="PT"
        goals={[{ id: 'g1', text: 'Stand from a chair' }]}
        timedMs={125_000}
        isRunning={false}
        suggestion={undefined}
        findings={[]}
        fieldErrors={{ 'services.0.minutes': 'Must be 480 or less.' }}
        readOnly={false}
        onChange={(_id, c) => changes.push(c)}
        onStart={(id) => started.push(id)}
        onRemove={() => undefined}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Start timer for activity 1' }));
    expect(started).toEqual(['a1']);
    expect(screen.getByText(/What the note must show:/).parentElement?.textContent).toContain('functional task');
    const minutes = screen.getByLabelText('Minutes');
    expect(minutes.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(`${minutes.id}-error`)?.textContent).toContain('Must be 480 or less.');
    expect((minutes as HTMLInputElement).value).toBe('2');
    fireEvent.change(minutes, { target: { value: '17' } });
    fireEvent.click(screen.getByLabelText('Stand from a chair'));
    expect(changes).toEqual([{ minutesTyped: 17 }, { goalIds: ['g1'] }]);
  });
});

describe('sign panel', () => {
  it('an error finding needs a written reason before signing; the reason goes out as an override of that service', async () => {
    const sent: unknown[] = [];
    render(
      <SignPanel
        canSign
        findings={[
          { rule: 'vague-description', severity: 'error', message: 'Write the task.', service: 1 },
          { rule: 'missing-response', severity: 'warning', message: 'Record the response.' },
        ]}
        onSign={async (o) => {
          sent.push(o);
          return null;
        }}
      />,
    );
    const sign = screen.getByRole('button', { name: 'Sign note' }) as HTMLButtonElement;
    expect(sign.disabled).toBe(true);
    expect(screen.getByText('1 error still needs a fix or a reason before signing.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Reason to override vague-description (activity 2)'), {
      target: { value: 'Task documented in the evaluation of the same day.' },
    });
    expect(sign.disabled).toBe(false);
    fireEvent.click(sign);
    await screen.findByRole('button', { name: 'Sign note' });
    expect(sent).toEqual([
      [{ rule: 'vague-description', service: 1, reason: 'Task documented in the evaluation of the same day.' }],
    ]);
  });
});
