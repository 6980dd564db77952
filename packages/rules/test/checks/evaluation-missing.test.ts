import { describe, expect, it } from 'vitest';
import { createAuditor, type Patient, type Visit } from '../../src/index.ts';
import { cleanVisit, findingsOf, medicarePatient } from './fixtures.ts';

/** A patient new to these records: no history before them. */
const newPatient = (over: Partial<Patient> = {}): Patient => {
  const { history: _h, ...p } = medicarePatient();
  return { ...p, ...over };
};
const evaluation = (over: Partial<Visit> = {}): Visit =>
  cleanVisit({
    id: 'ev',
    date: '2026-01-26',
    noteType: 'evaluation',
    services: [{ code: '97162', modifiers: ['GP'] }],
    ...over,
  });

/** The rule's findings on the last visit after auditing the earlier ones in order. */
function lastFindings(patient: Patient, visits: Visit[]) {
  const auditor = createAuditor({ patients: [patient] });
  let last: ReturnType<typeof auditor.auditVisit> | undefined;
  for (const v of visits) last = auditor.auditVisit(v);
  return (last?.findings ?? []).filter((f) => f.rule === 'evaluation-missing');
}

describe('evaluation-missing', () => {
  const fires: [string, Patient, Visit[], 'error' | 'warning'][] = [
    ['a new Medicare patient’s first note is a daily note', newPatient(), [cleanVisit()], 'error'],
    ['a new commercial patient’s daily note (warning)', newPatient({ payer: 'commercial' }), [cleanVisit()], 'warning'],
    [
      'a second daily note still has no evaluation before it',
      newPatient(),
      [cleanVisit({ id: 'd1', date: '2026-01-28' }), cleanVisit()],
      'error',
    ],
    [
      'an evaluation in another discipline does not count',
      newPatient(),
      [evaluation({ discipline: 'OT', services: [{ code: '97166', modifiers: ['GO'] }] }), cleanVisit()],
      'error',
    ],
    ['a progress report before any evaluation', newPatient(), [cleanVisit({ noteType: 'progress-report' })], 'error'],
    [
      'an evaluation said to be on file for another discipline only',
      newPatient({ history: { evaluatedDisciplines: ['OT'] } }),
      [cleanVisit()],
      'error',
    ],
  ];
  it.each(fires)('fires: %s', (_, patient, visits, severity) => {
    const f = lastFindings(patient, visits);
    expect(f).toHaveLength(1);
    expect(f[0]?.severity).toBe(severity);
    expect(f[0]?.message).toContain('No PT evaluation is on record');
    expect(f[0]?.citation).toContain('§220.1');
    expect(f[0]?.service).toBeUndefined();
  });

  const quiet: [string, Patient, Visit[]][] = [
    ['the evaluation itself', newPatient(), [evaluation()]],
    ['a daily note after the evaluation', newPatient(), [evaluation(), cleanVisit()]],
    ['a daily note after a re-evaluation', newPatient(), [evaluation({ noteType: 're-evaluation' }), cleanVisit()]],
    [
      'a note billing an evaluation code',
      newPatient(),
      [cleanVisit({ services: [{ code: '97161', modifiers: ['GP'] }, ...cleanVisit().services] })],
    ],
    ['a patient mid-episode (history counts treatment days)', medicarePatient(), [cleanVisit()]],
    [
      'a patient mid-episode at day 0 (just reported)',
      medicarePatient({ history: { treatmentDaysSinceProgressReport: 0 } }),
      [cleanVisit()],
    ],
    [
      'a discipline the caller says was evaluated before the visits given',
      newPatient({ history: { evaluatedDisciplines: ['PT'] } }),
      [cleanVisit()],
    ],
  ];
  it.each(quiet)('does not fire: %s', (_, patient, visits) => {
    expect(lastFindings(patient, visits)).toEqual([]);
  });

  it('peeking a draft does not count it as an evaluation for later notes', () => {
    const auditor = createAuditor({ patients: [newPatient()] });
    auditor.peekVisit(evaluation());
    const f = auditor.auditVisit(cleanVisit()).findings.filter((x) => x.rule === 'evaluation-missing');
    expect(f).toHaveLength(1);
    expect(findingsOf('evaluation-missing', cleanVisit())).toEqual([]);
  });
});
