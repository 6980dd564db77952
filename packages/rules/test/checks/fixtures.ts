import type { CheckContext } from '../../src/checks/context.ts';
import { createAuditor, type Finding, type Patient, type RuleId, type Service, type Visit } from '../../src/index.ts';

/** A Medicare PT patient with a certified plan and measurable goals. */
export function medicarePatient(over: Partial<Patient> = {}): Patient {
  return {
    id: 'p1',
    payer: 'medicare',
    plansOfCare: [
      {
        id: 'poc1',
        discipline: 'PT',
        startDate: '2026-01-05',
        endDate: '2026-04-04',
        certifiedDate: '2026-01-12',
        goals: [
          { id: 'g1', text: 'Sit-to-stand from a standard chair without hands, independently x5, in 6 weeks' },
          { id: 'g2', text: 'Walk 300 ft with a single point cane and SBA on level surfaces in 6 weeks' },
        ],
        plannedCodes: ['97161', '97530', '97110', '97112', '97116', '97140'],
        diagnoses: ['M62.81', 'R26.89'],
      },
    ],
    history: { treatmentDaysSinceProgressReport: 3, thresholdSpentCents: { PT_SLP: 50_000, OT: 0 } },
    ...over,
  };
}

/** A clean, well-documented Medicare PT daily visit: 97530 24 min + 97116 23 min = 47 min, 3 units. */
export function cleanVisit(over: Partial<Visit> = {}): Visit {
  return {
    id: 'v1',
    patientId: 'p1',
    date: '2026-02-02',
    discipline: 'PT',
    noteType: 'daily',
    provider: { id: 'pt1', credential: 'PT' },
    timeIn: '09:00',
    timeOut: '09:52',
    totalTimedMinutes: 47,
    totalTreatmentMinutes: 47,
    services: [
      {
        code: '97530',
        minutes: 24,
        units: 2,
        modifiers: ['GP'],
        goalIds: ['g1'],
        description:
          'Pt performed sit to stand transfers from 18in chair x10 with CGA and verbal cues for hand placement',
      },
      {
        code: '97116',
        minutes: 23,
        units: 1,
        modifiers: ['GP'],
        goalIds: ['g2'],
        description: 'Gait training 200 ft x2 with SPC on carpet and tile, SBA, verbal cues for step length',
      },
    ],
    nonBillable: [{ kind: 'rest', minutes: 3, note: 'seated rest between bouts' }],
    response:
      'Sit to stand improved from min A to CGA; walked 200 ft vs 150 ft last week; progressing toward goals 1 and 2.',
    ...over,
  };
}

/**
 * Replaces service `i` of a visit with changes.
 * @param v - a visit
 * @param i - service index
 * @param change - fields to set
 */
export function withService(v: Visit, i: number, change: Partial<Service>): Visit {
  return { ...v, services: v.services.map((s, j) => (j === i ? { ...s, ...change } : s)) };
}

/**
 * Audits one visit with a fresh auditor and returns the findings of one rule.
 * @param rule - the rule id
 * @param visit - the visit
 * @param patient - the patient (default: medicarePatient())
 */
export function findingsOf(rule: RuleId, visit: Visit, patient: Patient = medicarePatient()): Finding[] {
  const auditor = createAuditor({ patients: [patient] });
  return auditor.auditVisit(visit).findings.filter((f) => f.rule === rule);
}

export type { CheckContext };
