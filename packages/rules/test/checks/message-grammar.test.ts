import { describe, expect, it } from 'vitest';
import { createAuditor } from '../../src/index.ts';
import { cleanVisit, findingsOf, medicarePatient, withService } from './fixtures.ts';

/** Words no finding should ever print: doubled nouns, number slips, raw ids of the fixtures. */
const SLIPS = [/description has no description/, /\b1 minutes\b/, /\b1 units\b/, /\b1 visits\b/, /\bv1\b/, /\bpoc1\b/];

describe('finding messages read as plain English', () => {
  it('says "97530 has no description", not the word twice', () => {
    const f = findingsOf('vague-description', withService(cleanVisit(), 0, { description: '' }));
    expect(f[0]?.message).toMatch(/^97530 has no description\. /);
  });

  it('puts one minute in the singular', () => {
    // 1 minute of 97530 alone: below the minimum for a unit, and 1 unit claimed on it.
    const first = cleanVisit().services[0];
    if (!first) throw new Error('fixture has a service');
    const v = cleanVisit({
      timeIn: '09:00',
      timeOut: '09:01',
      totalTimedMinutes: 1,
      totalTreatmentMinutes: 1,
      nonBillable: [],
      services: [{ ...first, minutes: 1, units: 1 }],
    });
    const messages = createAuditor({ patients: [medicarePatient()] })
      .auditVisit(v)
      .findings.map((f) => f.message);
    expect(messages.some((m) => m.includes('97530 has 1 minute,'))).toBe(true);
    for (const m of messages) for (const slip of SLIPS) expect(m).not.toMatch(slip);
  });

  it('names plans and earlier visits by dates, not ids', () => {
    const late = medicarePatient();
    const plan = late.plansOfCare?.[0];
    if (!plan) throw new Error('fixture has a plan');
    const p = medicarePatient({ plansOfCare: [{ ...plan, id: 'poc1', certifiedDate: undefined }] });
    const f = findingsOf('plan-not-certified', cleanVisit(), p);
    expect(f[0]?.message).toMatch(/^The PT plan of care of \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d /);
    for (const slip of SLIPS) expect(f[0]?.message).not.toMatch(slip);
  });
});

describe('articles before disciplines', () => {
  it('asks for "an OT plan of care" when none covers an OT visit', () => {
    const f = findingsOf('no-active-plan', cleanVisit({ discipline: 'OT' }));
    expect(f[0]?.message).toContain('Write an OT plan of care');
  });
});
