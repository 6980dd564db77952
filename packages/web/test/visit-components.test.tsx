// @vitest-environment happy-dom

import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { Patient, Visit } from '@unitwise/rules';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../src/api/problem.ts';
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
        typedApplies={false}
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
  const signer = { id: 'u1', name: 'Pat Lee' };
  it('signs only with a reason for each error, the warnings confirmed once and the attestation confirmed', async () => {
    const sent: unknown[] = [];
    render(
      <SignPanel
        canSign
        visit={visit('Sit to stand x10 from 18 in chair, CGA, verbal cues for hand placement')}
        signer={signer}
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
    expect(screen.queryByTestId('sign-missing')).toBeNull();
    expect(screen.getByText(/Still needed before signing:/).textContent).toBe(
      'Still needed before signing: 1 error to fix or give a reason for; the warnings to confirm; the attestation to confirm.',
    );
    fireEvent.change(screen.getByLabelText('Reason to override vague-description (activity 2)'), {
      target: { value: 'Task documented in the evaluation of the same day.' },
    });
    expect(sign.disabled).toBe(true);
    expect(screen.getByTestId('sign-warnings').textContent).toContain('Record the response.');
    fireEvent.click(screen.getByLabelText(/I have read this warning/));
    expect(sign.disabled).toBe(true);
    const attest = screen.getByLabelText(/attest that this note reflects the care I furnished or supervised/);
    expect(attest.parentElement?.textContent).toContain(
      'I, Pat Lee, attest that this note reflects the care I furnished or supervised on 2026-03-02.',
    );
    fireEvent.click(attest);
    expect(sign.disabled).toBe(false);
    fireEvent.click(sign);
    await screen.findByRole('button', { name: 'Sign note' });
    expect(sent).toEqual([
      {
        overrides: [
          { rule: 'vague-description', service: 1, reason: 'Task documented in the evaluation of the same day.' },
        ],
        warnings: [{ rule: 'missing-response' }],
        attest: true,
      },
    ]);
  });

  it('lists what an empty note is missing and keeps Sign disabled whatever is confirmed', () => {
    const empty: Visit = {
      ...visit(''),
      timeIn: undefined,
      timeOut: undefined,
      totalTimedMinutes: 0,
      totalTreatmentMinutes: 0,
      services: [{ code: '97530', minutes: 0, description: '' }],
    };
    delete empty.timeIn;
    delete empty.timeOut;
    render(<SignPanel canSign visit={empty} signer={signer} findings={[]} onSign={async () => null} />);
    const missing = screen.getByTestId('sign-missing');
    expect([...missing.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Enter the time the patient arrived (time in).',
      'Enter the time the patient left (time out).',
      'Describe what was done in activity 1 (97530).',
      'Record at least one activity with its minutes, or an untimed code such as an evaluation.',
    ]);
    fireEvent.click(screen.getByLabelText(/attest that this note reflects/));
    expect((screen.getByRole('button', { name: 'Sign note' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText(/Still needed before signing:/).textContent).toContain('4 things missing from the note');
  });

  it('adds a warning the server found at signing to the list and asks for the confirmation again', async () => {
    const sent: { warnings: unknown[] }[] = [];
    const serverOnly = {
      rule: 'cloned-description',
      severity: 'warning',
      message: 'Same text as 2026-02-27.',
      service: 0,
    };
    render(
      <SignPanel
        canSign
        visit={visit('Sit to stand x10 from 18 in chair, CGA, verbal cues for hand placement')}
        signer={signer}
        findings={[]}
        onSign={async (o) => {
          sent.push(o);
          return sent.length === 1
            ? new ApiError({
                title: 'Unprocessable',
                status: 422,
                detail: '1 warning must be read and confirmed before signing.',
                warnings: [serverOnly],
              })
            : null;
        }}
      />,
    );
    fireEvent.click(screen.getByLabelText(/attest that this note reflects/));
    fireEvent.click(screen.getByRole('button', { name: 'Sign note' }));
    await screen.findByText('1 warning must be read and confirmed before signing.');
    expect(screen.getByTestId('sign-warnings').textContent).toContain('Activity 1: Same text as 2026-02-27.');
    const sign = screen.getByRole('button', { name: 'Sign note' }) as HTMLButtonElement;
    expect(sign.disabled).toBe(true);
    fireEvent.click(screen.getByLabelText(/I have read this warning/));
    fireEvent.click(sign);
    await screen.findByRole('button', { name: 'Sign note' });
    expect(sent.map((b) => b.warnings)).toEqual([[], [{ rule: 'cloned-description', service: 0 }]]);
  });
});
