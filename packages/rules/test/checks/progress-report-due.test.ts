import { describe, expect, it } from 'vitest';
import { createAuditor, type Visit } from '../../src/index.ts';
import { cleanVisit, medicarePatient } from './fixtures.ts';

const day = (n: number, noteType: Visit['noteType'] = 'daily'): Visit =>
  cleanVisit({ id: `d${n}`, date: `2026-02-${String(n).padStart(2, '0')}`, noteType });
const rule = (v: ReturnType<ReturnType<typeof createAuditor>['auditVisit']>) =>
  v.findings.filter((f) => f.rule === 'progress-report-due');

describe('progress-report-due', () => {
  // Issue 15: "at least once every 10 treatment days" makes the report due by day 10, so day 10 is the finding.
  it('fires on the 10th treatment day after an evaluation (the report is due by then), and not before', () => {
    const a = createAuditor({ patients: [medicarePatient({ history: {} })] });
    const fired: number[] = [];
    const messages: string[] = [];
    for (let n = 1; n <= 12; n++) {
      const f = rule(a.auditVisit(day(n, n === 1 ? 'evaluation' : 'daily')));
      if (f.length) {
        fired.push(n);
        messages.push(f[0]?.message ?? '');
      }
    }
    expect(fired).toEqual([10, 11, 12]);
    expect(messages[0]).toContain('treatment day 10 of 10');
    expect(messages[0]).toContain('due today');
    expect(messages[1]).toContain('treatment day 11');
  });

  it('a progress report written on day 10 closes the period', () => {
    const a = createAuditor({ patients: [medicarePatient({ history: { treatmentDaysSinceProgressReport: 9 } })] });
    expect(rule(a.auditVisit(day(2, 'progress-report')))).toEqual([]);
    expect(rule(a.auditVisit(day(3)))).toEqual([]); // day 1 of the new period
  });

  it('counts from the history, resets on a progress report, and counts one date once', () => {
    const a = createAuditor({ patients: [medicarePatient({ history: { treatmentDaysSinceProgressReport: 8 } })] });
    expect(rule(a.auditVisit(day(2)))).toEqual([]); // day 9
    expect(rule(a.auditVisit({ ...day(2), id: 'd2b' }))).toEqual([]); // same date, still day 9
    const due = rule(a.auditVisit(day(3))); // day 10
    expect(due).toHaveLength(1);
    expect(due[0]).toMatchObject({ severity: 'error', citation: 'Pub. 100-02 Ch. 15 §220.3 D' });
    expect(due[0]?.message).toContain('treatment day 10');
    expect(rule(a.auditVisit(day(4, 'progress-report')))).toEqual([]);
    expect(rule(a.auditVisit(day(5)))).toEqual([]); // day 1 of the new period
  });

  it('does not apply to a payer without a progress-report rule', () => {
    const a = createAuditor({
      patients: [medicarePatient({ payer: 'commercial', history: { treatmentDaysSinceProgressReport: 30 } })],
    });
    expect(rule(a.auditVisit(day(2)))).toEqual([]);
  });
});
