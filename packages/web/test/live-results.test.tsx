// @vitest-environment happy-dom
import type { Finding, Visit } from '@unitwise/rules';
import { describe, expect, it } from 'vitest';
import { draftToVisit, newActivity, type VisitDraft } from '../src/visit/draft.ts';
import { computeLiveResults, findingKey, sortFindings, unresolvedErrors } from '../src/visit/live-results.ts';
import { policyFor } from '../src/visit/payer-context.ts';
import { EMPTY_TIMER } from '../src/visit/timer-machine.ts';

function visit(services: { code: string; minutes: number }[], date = '2026-03-02'): Visit {
  return { id: 'v', patientId: 'p', date, discipline: 'PT', provider: { credential: 'PT' }, services };
}

const medicare = policyFor('medicare', '2026-03-02');
const commercial = policyFor('commercial', '2026-03-02');
if (!medicare || !commercial) throw new Error('built-in policies missing');

describe('live results', () => {
  it('Medicare pools minutes: 97530 33 + 97110 7 = 40 timed minutes, 3 units (Pub. 100-04 Ch. 5 §20.2)', () => {
    const r = computeLiveResults(
      visit([
        { code: '97530', minutes: 33 },
        { code: '97110', minutes: 7 },
      ]),
      { policy: medicare, audit: null },
    );
    expect(r.units.totalUnits).toBe(3);
    expect(r.units.lines.map((l) => [l.code, l.units])).toEqual([
      ['97530', 2],
      ['97110', 1],
    ]);
    expect(r.units.explanation.length).toBeGreaterThan(0);
    expect(r.price?.allowedCents).toBeGreaterThan(0);
  });

  it('what-if: 97530 for 19 minutes needs 4 more minutes for a second unit under Medicare', () => {
    const r = computeLiveResults(visit([{ code: '97530', minutes: 19 }]), { policy: medicare, audit: null });
    expect(r.whatIf).toEqual([
      { code: '97530', moreMinutes: 4, message: '4 more minutes of 97530 earns another unit.' },
    ]);
  });

  it('commercial (AMA per code): 97110 at 5 minutes needs 3 more, and earns nothing yet', () => {
    const r = computeLiveResults(visit([{ code: '97110', minutes: 5 }]), { policy: commercial, audit: null });
    expect(r.units.totalUnits).toBe(0);
    expect(r.whatIf[0]?.moreMinutes).toBe(3);
  });

  it('the local checks see the visit as drafted; one that throws on a half-typed visit leaves the rest standing', () => {
    const seen: Visit[] = [];
    const ok = computeLiveResults(visit([{ code: '97530', minutes: 10 }]), {
      policy: medicare,
      audit: (v) => {
        seen.push(v);
        return [{ rule: 'missing-response', severity: 'warning', message: 'Record the response.' }];
      },
    });
    expect(seen[0]?.services[0]?.minutes).toBe(10);
    expect(ok.findings.map((f) => f.rule)).toEqual(['missing-response']);
    const r = computeLiveResults(visit([{ code: '97530', minutes: 10 }]), {
      policy: medicare,
      audit: () => {
        throw new Error('half-typed');
      },
    });
    expect(r.findings).toEqual([]);
    expect(r.units.totalUnits).toBe(1);
  });

  it('a draft of ten activities flows through to ten priced lines', () => {
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
      activities: codes.map((c, i) => ({ ...newActivity(`a${i}`, c), minutesTyped: 8 + i })),
      timer: EMPTY_TIMER,
      nonBillableTyped: [],
      goalStatus: {},
      updatedAt: 0,
    };
    const r = computeLiveResults(draftToVisit(draft, 0), { policy: medicare, audit: null });
    expect(r.units.lines).toHaveLength(10);
    expect(r.units.totalTimedMinutes).toBe(codes.reduce((s, _c, i) => s + 8 + i, 0));
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
