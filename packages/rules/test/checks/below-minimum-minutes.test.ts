import { describe, expect, it } from 'vitest';
import { createAuditor, type Patient, type PayerPolicyInput, type Visit } from '../../src/index.ts';
import { cleanVisit, findingsOf, medicarePatient } from './fixtures.ts';

const one = (minutes: number, units?: number) =>
  cleanVisit({
    totalTimedMinutes: minutes,
    totalTreatmentMinutes: minutes,
    services: [{ code: '97530', minutes, units, modifiers: ['GP'], goalIds: ['g1'] }],
  });

describe('below-minimum-minutes', () => {
  it('fires for a lone 7-minute timed code under CMS, as an error when a unit is claimed', () => {
    const f = findingsOf('below-minimum-minutes', one(7, 1));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', service: 0 });
    expect(findingsOf('below-minimum-minutes', one(7))[0]?.severity).toBe('warning');
  });

  it('does not fire for 8 minutes, or for a 0-unit line documented but not billed', () => {
    expect(findingsOf('below-minimum-minutes', one(8, 1))).toEqual([]);
    expect(findingsOf('below-minimum-minutes', one(7, 0))).toEqual([]);
  });

  it('under CMS, a 7-minute code that earns the pooled unit is fine; the tied loser is flagged (X-5)', () => {
    const v = cleanVisit({
      totalTimedMinutes: 14,
      totalTreatmentMinutes: 14,
      services: [
        { code: '97110', minutes: 7, modifiers: ['GP'], goalIds: ['g1'] },
        { code: '97140', minutes: 7, modifiers: ['GP'], goalIds: ['g1'] },
      ],
    });
    const f = findingsOf('below-minimum-minutes', v);
    expect(f.map((x) => x.service)).toEqual([1]);
  });

  it('does not fire for CMS-4 97035 with 8 minutes and no unit (not under the minimum)', () => {
    const v = cleanVisit({
      totalTimedMinutes: 49,
      totalTreatmentMinutes: 49,
      services: [
        { code: '97110', minutes: 18, modifiers: ['GP'], goalIds: ['g1'] },
        { code: '97140', minutes: 13, modifiers: ['GP'], goalIds: ['g1'] },
        { code: '97116', minutes: 10, modifiers: ['GP'], goalIds: ['g2'] },
        { code: '97035', minutes: 8, modifiers: ['GP'], goalIds: ['g1'] },
      ],
    });
    expect(findingsOf('below-minimum-minutes', v)).toEqual([]);
  });

  it('uses 8 minutes per code under AMA and 15 under a per-code-15 payer', () => {
    const commercial = medicarePatient({ payer: 'commercial' });
    expect(findingsOf('below-minimum-minutes', one(7), commercial)).toHaveLength(1);
    const strict = medicarePatient({ payer: 'strict' });
    const auditor = (rule: string, minutes: number) =>
      findingsOfWith([{ id: 'strict', unitMethod: 'per-code-15' }], strict, one(minutes)).filter(
        (f) => f.rule === rule,
      );
    expect(auditor('below-minimum-minutes', 14)).toHaveLength(1);
    expect(auditor('below-minimum-minutes', 15)).toEqual([]);
  });
});

function findingsOfWith(payers: PayerPolicyInput[], patient: Patient, visit: Visit) {
  return createAuditor({ patients: [patient], payers }).auditVisit(visit).findings;
}
