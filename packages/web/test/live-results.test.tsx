// @vitest-environment happy-dom
import type { Finding, Patient, Visit } from '@unitwise/rules';
import { describe, expect, it } from 'vitest';
import { draftToVisit, newActivity, type VisitDraft } from '../src/visit/draft.ts';
import { mergeFindings, suggestFor } from '../src/visit/engine.ts';
import { computeLiveResults, findingKey, sortFindings, unresolvedErrors } from '../src/visit/live-results.ts';
import { EMPTY_TIMER } from '../src/visit/timer-machine.ts';

const GOAL = 'Stand from a chair without hands 5 times in 15 seconds within 6 weeks';

function patient(payer: string): Patient {
  return {
    id: 'p',
    payer,
    plansOfCare: [
      {
        id: 'poc',
        discipline: 'PT',
        startDate: '2026-01-01',
        endDate: '2026-12-31',
        certifiedDate: '2026-01-05',
        goals: [{ id: 'g1', text: GOAL }],
        plannedCodes: ['97530', '97110', '97112'],
      },
    ],
  };
}

function visit(services: { code: string; minutes: number; description?: string }[]): Visit {
  return {
    id: 'v',
    patientId: 'p',
    date: '2026-03-02',
    discipline: 'PT',
    provider: { credential: 'PT' },
    timeIn: '10:00',
    timeOut: '11:00',
    totalTimedMinutes: services.reduce((s, x) => s + x.minutes, 0),
    totalTreatmentMinutes: services.reduce((s, x) => s + x.minutes, 0),
    response: 'Tolerated well; sit-to-stand improving toward goal.',
    services: services.map((s) => ({
      modifiers: ['GP'],
      goalIds: ['g1'],
      description:
        'Sit-to-stand transfers from a 17-inch chair, 3 sets of 5; min assist, verbal cues for hand placement',
      ...s,
    })),
  };
}

describe('live results (the engine the server runs, in the browser)', () => {
  it('Medicare pools minutes: 97530 33 + 97112 7 = 40 timed minutes, 3 units, priced with the patient share apart', () => {
    const r = computeLiveResults(
      visit([
        { code: '97530', minutes: 33 },
        {
          code: '97112',
          minutes: 7,
          description: 'Static balance on foam, eyes closed, 3 x 30 s; contact guard, verbal cues',
        },
      ]),
      { patient: patient('medicare') },
    );
    expect(r.units.totalUnits).toBe(3);
    expect(r.lines.map((l) => [l.code, l.units])).toEqual([
      ['97530', 2],
      ['97112', 1],
    ]);
    expect(r.estimate.payer).toBe('medicare');
    expect(r.estimate.totalCents).toBe(r.estimate.payerCents + r.estimate.patientCents);
    expect(r.units.explanation.length).toBeGreaterThan(0);
  });

  it('what-if: 97530 for 19 minutes needs 4 more minutes for a second unit under Medicare', () => {
    const r = computeLiveResults(visit([{ code: '97530', minutes: 19 }]), { patient: patient('medicare') });
    expect(r.whatIf).toEqual([
      { code: '97530', moreMinutes: 4, message: '4 more minutes of 97530 earns another unit.' },
    ]);
  });

  it('pooled minutes give one what-if naming every timed code', () => {
    const r = computeLiveResults(
      visit([
        { code: '97530', minutes: 20 },
        {
          code: '97112',
          minutes: 10,
          description: 'Static balance on foam, eyes closed, 3 x 30 s; contact guard, verbal cues',
        },
      ]),
      { patient: patient('medicare') },
    );
    expect(r.whatIf.map((h) => h.message)).toEqual(['8 more minutes of 97530 or 97112 earns another unit.']);
  });

  it('commercial counts each code alone: 97110 at 5 minutes earns nothing yet and needs 3 more', () => {
    const r = computeLiveResults(visit([{ code: '97110', minutes: 5, description: 'Bridges 2x15, step ups 3x10' }]), {
      patient: patient('commercial'),
    });
    expect(r.units.totalUnits).toBe(0);
    expect(r.whatIf[0]?.moreMinutes).toBe(3);
  });

  it('a vague description is found on the service it concerns, and goes away when the task is written', () => {
    const vague = computeLiveResults(visit([{ code: '97530', minutes: 20, description: 'Therapeutic activities' }]), {
      patient: patient('medicare'),
    });
    expect(vague.findings.map((f) => [f.rule, f.service])).toContainEqual(['vague-description', 0]);
    const fixed = computeLiveResults(visit([{ code: '97530', minutes: 20 }]), { patient: patient('medicare') });
    expect(fixed.findings.map((f) => f.rule)).not.toContain('vague-description');
  });

  it('a note is not its own history: recomputing the same draft never finds it cloned', () => {
    const v = visit([{ code: '97530', minutes: 20 }]);
    computeLiveResults(v, { patient: patient('medicare') });
    const again = computeLiveResults(v, { patient: patient('medicare') });
    expect(again.findings.map((f) => f.rule)).not.toContain('cloned-description');
  });

  it('a draft of ten activities flows through to ten lines', () => {
    const codes = ['97530', '97110', '97112', '97116', '97140', '97535', '97750', '97760', '97763', '97542'];
    const draft: VisitDraft = {
      visitId: 'v',
      patientId: 'p',
      date: '2026-03-02',
      discipline: 'PT',
      noteType: 'daily',
      credential: 'PT',
      timeIn: '',
      timeOut: '',
      response: '',
      activities: codes.map((c, i) => ({ ...newActivity(`a${i}`, c, 'PT'), minutesTyped: 8 + i })),
      timer: EMPTY_TIMER,
      nonBillableTyped: [],
      goalStatus: {},
      updatedAt: 0,
    };
    const r = computeLiveResults(draftToVisit(draft, 0), { patient: patient('medicare') });
    expect(r.lines).toHaveLength(10);
    expect(r.units.totalTimedMinutes).toBe(codes.reduce((s, _c, i) => s + 8 + i, 0));
  });

  it('server-only rules come from the last save; the rest are live', () => {
    const local: Finding[] = [{ rule: 'vague-description', severity: 'warning', message: 'live', service: 0 }];
    const server: Finding[] = [
      { rule: 'vague-description', severity: 'warning', message: 'stale', service: 0 },
      { rule: 'progress-report-due', severity: 'error', message: 'due' },
    ];
    expect(mergeFindings(local, server).map((f) => f.message)).toEqual(['live', 'due']);
  });

  it('takes goal-not-measurable from the server: the browser has not the goals judged on earlier notes', () => {
    const local: Finding[] = [{ rule: 'goal-not-measurable', severity: 'warning', message: 'live' }];
    const server: Finding[] = [{ rule: 'goal-not-measurable', severity: 'warning', message: 'saved' }];
    expect(mergeFindings(local, server).map((f) => f.message)).toEqual(['saved']);
    expect(mergeFindings(local, []).map((f) => f.message)).toEqual([]);
  });

  it('suggests the code the description fits when it is not the one chosen', () => {
    expect(suggestFor('Bridges 2x15, step ups 3x10, clamshells 2x12', '97530', 'PT')?.code).toBe('97110');
    expect(suggestFor('Sit-to-stand transfers, 3 sets of 5, min assist', '97530', 'PT')).toBeUndefined();
  });

  it('findings sort errors first, and only errors without a written reason block signing', () => {
    const f: Finding[] = [
      { rule: 'missing-response', severity: 'warning', message: 'm' },
      { rule: 'vague-description', severity: 'error', message: 'v', service: 1 },
      { rule: 'kx-threshold', severity: 'error', message: 'k' },
    ];
    expect(sortFindings(f).map((x) => x.rule)).toEqual(['kx-threshold', 'vague-description', 'missing-response']);
    expect(findingKey(f[1] as Finding)).toBe('vague-description#1');
    expect(
      unresolvedErrors(f, { 'kx-threshold': 'ABN on file', 'vague-description#1': '  ' }).map((x) => x.rule),
    ).toEqual(['vague-description']);
  });
});

describe('live results: codes and totals the signing rules care about', () => {
  it('an unknown code counts no unit and the draft keeps untimed minutes out of total timed minutes', () => {
    const r = computeLiveResults(
      visit([
        { code: '97530', minutes: 23 },
        { code: '97999', minutes: 15 },
      ]),
      {
        patient: patient('medicare'),
      },
    );
    expect(r.units.lines.map((l) => [l.code, l.units])).toEqual([
      ['97530', 2],
      ['97999', 0],
    ]);
    expect(r.units.totalUnits).toBe(2);
    expect(r.findings.map((f) => f.rule)).not.toContain('evaluation-missing');

    const a = { ...newActivity('a1', '97530', 'PT'), minutesTyped: 23, description: 'Sit to stand x10, CGA' };
    const g = { ...newActivity('a2', '97150', 'PT'), minutesTyped: 30, description: 'Group balance class' };
    const draft: VisitDraft = {
      visitId: 'v',
      patientId: 'p',
      date: '2026-03-02',
      discipline: 'PT',
      noteType: 'daily',
      credential: 'PT',
      timeIn: '10:00',
      timeOut: '11:00',
      response: '',
      activities: [a, g],
      timer: EMPTY_TIMER,
      nonBillableTyped: [],
      goalStatus: {},
      updatedAt: 0,
    };
    const v = draftToVisit(draft, 0);
    expect([v.totalTimedMinutes, v.totalTreatmentMinutes]).toEqual([23, 53]);
    const live = computeLiveResults(v, { patient: patient('medicare') });
    expect(live.findings.filter((f) => f.rule === 'minutes-exceed-visit')).toEqual([]);
  });
});
