import { describe, expect, it } from 'vitest';
import { createAuditor, type Visit } from '../../src/index.ts';
import { cleanVisit, medicarePatient } from './fixtures.ts';

const day = (n: number, noteType: Visit['noteType'] = 'daily'): Visit =>
  cleanVisit({ id: `d${n}`, date: `2026-02-${String(n).padStart(2, '0')}`, noteType });
const rule = (v: ReturnType<ReturnType<typeof createAuditor>['auditVisit']>) =>
  v.findings.filter((f) => f.rule === 'progress-report-due');

describe('progress-report-due', () => {
  it('fires on the 11th treatment day after an evaluation, and not before', () => {
    const a = createAuditor({ patients: [medicarePatient({ history: {} })] });
    const fired: number[] = [];
    for (let n = 1; n <= 12; n++)
      if (rule(a.auditVisit(day(n, n === 1 ? 'evaluation' : 'daily'))).length) fired.push(n);
    expect(fired).toEqual([11, 12]);
  });

  it('counts from the history, resets on a progress report, and counts one date once', () => {
    const a = createAuditor({ patients: [medicarePatient({ history: { treatmentDaysSinceProgressReport: 9 } })] });
    expect(rule(a.auditVisit(day(2)))).toEqual([]); // day 10
    expect(rule(a.auditVisit({ ...day(2), id: 'd2b' }))).toEqual([]); // same date, still day 10
    const late = rule(a.auditVisit(day(3))); // day 11
    expect(late).toHaveLength(1);
    expect(late[0]).toMatchObject({ severity: 'error', citation: 'Pub. 100-02 Ch. 15 §220.3 D' });
    expect(late[0]?.message).toContain('treatment day 11');
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
