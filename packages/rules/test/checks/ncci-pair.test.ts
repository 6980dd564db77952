import { describe, expect, it } from 'vitest';
import type { Patient } from '../../src/index.ts';
import { cleanVisit, findingsOf, medicarePatient } from './fixtures.ts';

const patient2019: Patient = medicarePatient({
  plansOfCare: [
    {
      id: 'poc19',
      discipline: 'PT',
      startDate: '2019-05-01',
      endDate: '2019-07-29',
      certifiedDate: '2019-05-03',
      goals: [{ id: 'g1', text: 'Lift 20 lb floor to waist independently x5 in 6 weeks' }],
    },
  ],
});
const pair2019 = (modifiers: string[]) =>
  cleanVisit({
    date: '2019-06-03',
    totalTimedMinutes: 30,
    totalTreatmentMinutes: 30,
    services: [
      { code: '97140', minutes: 15, modifiers: ['GP'], goalIds: ['g1'], description: 'STM to lumbar paraspinals' },
      {
        code: '97530',
        minutes: 15,
        modifiers,
        goalIds: ['g1'],
        description: 'Floor to waist lifting 10 lb x10 with SBA, cues for hip hinge',
      },
    ],
  });

describe('ncci-pair', () => {
  it('fires for an indicator-0 pair (two PT evaluations on one day), whatever the modifiers', () => {
    const v = cleanVisit({
      noteType: 'evaluation',
      services: [
        { code: '97161', modifiers: ['GP'] },
        { code: '97163', modifiers: ['GP', '59'] },
      ],
    });
    const f = findingsOf('ncci-pair', v);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ service: 0, severity: 'error' });
    expect(f[0]?.citation).toContain('2026Q4');
  });

  it('fires for 97140 + 97530 in 2019 (indicator 1) without 59/X, not with XU', () => {
    const f = findingsOf('ncci-pair', pair2019(['GP']), patient2019);
    expect(f).toHaveLength(1);
    expect(f[0]?.service).toBe(1);
    expect(f[0]?.message).toContain('59');
    expect(findingsOf('ncci-pair', pair2019(['GP', 'XU']), patient2019)).toEqual([]);
  });

  it('does not fire for the same pair after the edit was deleted (2020+), nor for commercial plans', () => {
    const v = { ...pair2019(['GP']), date: '2026-02-02' };
    expect(findingsOf('ncci-pair', v)).toEqual([]);
    expect(findingsOf('ncci-pair', pair2019(['GP']), { ...patient2019, payer: 'commercial' })).toEqual([]);
  });
});
