import { describe, expect, it } from 'vitest';
import { auditCase, auditOptions, createAuditor, summarize, type Visit } from '../src/index.ts';
import { cleanVisit, medicarePatient, withService } from './checks/fixtures.ts';

const TASKS = [
  'Sit to stand transfers from 18in chair x10 with CGA and verbal cues for hand placement',
  'Floor to waist lifting of a 10 lb box x8 with SBA, cues for hip hinge',
  'Carrying a 5 lb basket 60 ft over carpet with CGA and verbal cues for pacing',
  'Overhead reaching to a 20-inch shelf x12 with supervision, 3 lb cans',
  'Car transfer simulation x5 with min A; tactile cues for leg management',
  'Stepping over 4 obstacles x6 laps with CGA on level tile',
];
const GAIT = [
  'Gait training 200 ft x2 with SPC on carpet and tile, SBA, verbal cues for step length',
  'Gait training 250 ft x2 with SPC on level surfaces, SBA, cues for heel strike',
  'Gait training 300 ft with SPC outdoors on uneven ground, CGA, verbal cues for cadence',
];

/** Treatment day n (1-based) of a fresh episode: unique, well-written descriptions. */
function visitDay(n: number, over: Partial<Visit> = {}): Visit {
  const date = `2026-02-${String(n + 1).padStart(2, '0')}`;
  const v = cleanVisit({ id: `v${n}`, date, noteType: n === 1 ? 'evaluation' : 'daily', ...over });
  const a = withService(v, 0, { description: `${TASKS[n % TASKS.length]}, trial ${n}` });
  return withService(a, 1, { description: `${GAIT[n % GAIT.length]}, session ${n}` });
}

describe('auditor', () => {
  it('a clean, well-documented Medicare visit has no error or warning', () => {
    const audit = createAuditor({ patients: [medicarePatient()] }).auditVisit(cleanVisit());
    expect(audit.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(audit.lines).toEqual([
      { code: '97530', minutes: 24, units: 2, claimedUnits: 2, modifiers: ['GP'] },
      { code: '97116', minutes: 23, units: 1, claimedUnits: 1, modifiers: ['GP'] },
    ]);
    expect(audit.units.totalUnits).toBe(3);
    expect(audit.estimate.payer).toBe('medicare');
    expect(audit.estimate.totalCents).toBe(audit.estimate.payerCents + audit.estimate.patientCents);
    expect(audit.estimate.patientCents).toBeGreaterThan(0);
    expect(audit.whatIf?.nextUnit.length).toBeGreaterThan(0);
    expect(audit.units.explanation.length).toBeGreaterThan(0);
  });

  it('bulk options leave out explanations and the what-if', () => {
    const a = createAuditor({ patients: [medicarePatient()], options: auditOptions.bulk });
    const audit = a.auditVisit(cleanVisit());
    expect(audit.units.explanation).toEqual([]);
    expect(audit.whatIf).toBeUndefined();
  });

  it('gives a repeated code’s engine units to its services in order', () => {
    const v = cleanVisit({
      totalTimedMinutes: 38,
      totalTreatmentMinutes: 38,
      services: [
        { code: '97530', minutes: 20, modifiers: ['GP'], goalIds: ['g1'], description: TASKS[0] },
        { code: '97530', minutes: 18, modifiers: ['GP'], goalIds: ['g1'], description: TASKS[1] },
      ],
    });
    const audit = createAuditor({ patients: [medicarePatient()] }).auditVisit(v);
    expect(audit.lines.map((l) => l.units)).toEqual([2, 1]); // 1 each by own minutes, the pooled extra to the first
    expect(audit.lines.reduce((s, l) => s + l.units, 0)).toBe(audit.units.totalUnits);
  });

  it('an unknown patient gives an audit for payer "unknown" instead of throwing', () => {
    const audit = createAuditor({ patients: [] }).auditVisit(cleanVisit({ patientId: 'nobody' }));
    expect(audit.estimate).toEqual({ payer: 'unknown', totalCents: 0, payerCents: 0, patientCents: 0 });
    expect(audit.lines).toHaveLength(2);
    expect(audit.findings.map((f) => f.rule)).not.toContain('no-active-plan');
  });

  it('auditCase builds history across visits: cloned text on visit 2, progress report due on day 10, KX crossing', () => {
    const patient = medicarePatient({ history: { thresholdSpentCents: { PT_SLP: 170_000 } } });
    const visits: Visit[] = [];
    for (let n = 1; n <= 12; n++) visits.push(visitDay(n));
    // Visit 2 copies visit 1's 97530 text word for word.
    visits[1] = withService(visits[1] as Visit, 0, { description: visits[0]?.services[0]?.description });
    // The file lists visits out of order: the audit sorts each patient's visits by date.
    const shuffled = [...visits].reverse();
    const report = auditCase({ patients: [patient], visits: shuffled });
    expect(report.visits.map((v) => v.id)).toEqual(shuffled.map((v) => v.id));
    const byId = new Map(report.visits.map((v) => [v.id, v]));
    const rules = (id: string) => (byId.get(id)?.findings ?? []).map((f) => f.rule);

    expect(rules('v2')).toContain('cloned-description');
    expect(rules('v3')).not.toContain('cloned-description');

    const due = report.visits.filter((v) => v.findings.some((f) => f.rule === 'progress-report-due')).map((v) => v.id);
    expect(due.sort()).toEqual(['v10', 'v11', 'v12']); // due by day 10 (issue 15)

    const kx = report.visits
      .filter((v) => v.findings.some((f) => f.rule === 'kx-threshold'))
      .map((v) => Number(v.id.slice(1)))
      .sort((a, b) => a - b);
    expect(kx.length).toBeGreaterThan(0);
    expect(kx[0]).toBeGreaterThan(1);
    // Once past the threshold every later visit needs KX.
    expect(kx).toEqual(Array.from({ length: 13 - (kx[0] as number) }, (_, i) => (kx[0] as number) + i));

    expect(report.summary.visits).toBe(12);
    expect(report.summary.byRule['progress-report-due']).toBe(3);
    expect(report.summary.errors).toBe(summarize(report.visits).errors);
    expect(report.summary.errors).toBeGreaterThan(0);
  });

  it('peekVisit judges a draft like auditVisit after the same history, and leaves the history as it was', () => {
    const patient = medicarePatient({ history: { thresholdSpentCents: { PT_SLP: 170_000 } } });
    const visits: Visit[] = [];
    for (let n = 1; n <= 12; n++) visits.push(visitDay(n));
    // Day 12 copies day 1's text: cloned on peek too, since peeking reads the descriptions seen.
    visits[11] = withService(visits[11] as Visit, 0, { description: visits[0]?.services[0]?.description });
    const replayed = createAuditor({ patients: [patient], options: auditOptions.bulk });
    for (const v of visits.slice(0, 10)) replayed.auditVisit(v);
    for (const draft of visits.slice(10)) {
      const fresh = createAuditor({ patients: [patient] });
      for (const v of visits.slice(0, 10)) fresh.auditVisit(v);
      const expected = fresh.auditVisit(draft);
      // Twice: the first peek must not have changed what the second sees.
      for (let i = 0; i < 2; i++) expect(replayed.peekVisit(draft, auditOptions.interactive)).toEqual(expected);
    }
    expect(replayed.peekVisit(visits[11] as Visit).findings.map((f) => f.rule)).toContain('cloned-description');
    // A peek in the next year starts that year's spend afresh without resetting this year's.
    const nextYear = { ...(visits[10] as Visit), id: 'ny', date: '2027-01-05' };
    expect(replayed.peekVisit(nextYear).findings.map((f) => f.rule)).not.toContain('kx-threshold');
    const after = replayed.peekVisit(visits[10] as Visit, auditOptions.interactive);
    const fresh = createAuditor({ patients: [patient] });
    for (const v of visits.slice(0, 10)) fresh.auditVisit(v);
    expect(after).toEqual(fresh.auditVisit(visits[10] as Visit));
  });

  it('a small text memo changes nothing but memory: same audits as the default memo', () => {
    const patient = medicarePatient({ history: { thresholdSpentCents: { PT_SLP: 170_000 } } });
    const visits: Visit[] = [];
    for (let n = 1; n <= 12; n++) visits.push(visitDay(n));
    visits[5] = withService(visits[5] as Visit, 0, { description: visits[0]?.services[0]?.description });
    const big = createAuditor({ patients: [patient] });
    const small = createAuditor({ patients: [patient], textMemoMax: 2 });
    for (const v of visits) expect(small.auditVisit(v)).toEqual(big.auditVisit(v));
  });

  it('summarize counts errors, warnings and findings per rule', () => {
    const a = createAuditor({ patients: [medicarePatient()] });
    const bad = withService(cleanVisit(), 0, { units: 3, modifiers: [] });
    const s = summarize([a.auditVisit(bad)]);
    expect(s.visits).toBe(1);
    expect(s.byRule['units-exceed-minutes']).toBe(1);
    expect(s.byRule['discipline-modifier']).toBe(1);
    expect(s.errors).toBe(2);
  });
});
