// @vitest-environment happy-dom

import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { actionWords, entryWords, recordWords } from '../src/audit/audit-words.ts';
import { LineChart } from '../src/components/line-chart.tsx';
import { serviceAmount } from '../src/components/service-amount.ts';

afterEach(cleanup);

describe('serviceAmount: what a note holds of each code', () => {
  it.each([
    [{ code: '92507', minutes: 45 }, '1 unit'],
    [{ code: '92526' }, '1 unit'],
    [{ code: '92507', units: 2 }, '2 units'],
    [{ code: '97150', minutes: 30 }, '1 unit'],
    [{ code: '97110', minutes: 23 }, '23 min'],
    [{ code: '97530' }, 'no minutes'],
    [{ code: '99999', minutes: 12 }, '12 min'],
    [{ code: '99999' }, '—'],
  ])('%o → %s', (s, out) => {
    expect(serviceAmount(s)).toBe(out);
    expect(serviceAmount(s)).not.toMatch(/×|-m\b/);
  });
});

describe('LineChart', () => {
  it('says there is no data instead of drawing an axis of 1 when every point is zero', () => {
    render(
      <LineChart
        title="Minutes aimed at this goal"
        points={[
          { label: '03-02', value: 0 },
          { label: '03-04', value: 0 },
        ]}
        empty="No activity in the notes served this goal yet."
      />,
    );
    expect(screen.getByText('No activity in the notes served this goal yet.')).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
    expect(document.body.textContent).not.toMatch(/\b1\b/);
  });

  it('says so with no points at all', () => {
    render(<LineChart title="Minutes aimed at this goal" points={[]} />);
    expect(screen.getByText('No data yet.')).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('draws the points, with the largest value on the axis, when there is data', () => {
    render(
      <LineChart
        title="Minutes aimed at this goal"
        points={[
          { label: '03-02', value: 0 },
          { label: '03-04', value: 23 },
        ]}
      />,
    );
    expect(screen.getByRole('img', { name: 'Minutes aimed at this goal' })).toBeTruthy();
    expect(screen.getByText('23', { selector: 'text' })).toBeTruthy();
    expect(screen.getByText('03-04: 23', { selector: 'li' })).toBeTruthy();
  });
});

describe('audit words', () => {
  it.each([
    ['visit.read', 'Opened note'],
    ['patient.list', 'Listed patients'],
    ['visit.list', 'Listed notes'],
    ['user.update', 'Changed user'],
    ['plan.create', 'Added plan'],
    ['seed.demo', 'Loaded the demo clinic'],
    ['session.create', 'Signed in'],
    ['audit-log.list', 'Viewed the audit log'],
    ['something.odd', 'something.odd'],
  ])('%s → %s', (action, words) => expect(actionWords(action)).toBe(words));
  it('lists the fields a change touched', () => {
    const base = { id: 'a', at: '', userId: null, patientId: null, ip: null, entity: 'user', entityId: 'u1' };
    expect(entryWords({ ...base, action: 'user.update', detail: { fields: ['status'], sessionsEnded: 2 } })).toBe(
      'Changed user (status)',
    );
    expect(entryWords({ ...base, action: 'user.update', detail: null })).toBe('Changed user');
  });
  it('names a record by its label, never by its id', () => {
    const base = { id: 'a', at: '', userId: null, action: 'x.read', patientId: null, ip: null };
    expect(
      recordWords({ ...base, entity: 'visit', entityId: 'v-123', recordLabel: 'PT daily note of 2026-03-02' }),
    ).toBe('PT daily note of 2026-03-02');
    expect(recordWords({ ...base, entity: 'fee-schedule', entityId: 'f-9' })).toBe('Fee schedule');
    expect(recordWords({ ...base, entity: 'case-file', entityId: null })).toBe('—');
  });
});
