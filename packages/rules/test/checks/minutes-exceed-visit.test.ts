import { describe, expect, it } from 'vitest';
import { cleanVisit, findingsOf } from './fixtures.ts';

describe('minutes-exceed-visit', () => {
  it('fires when services plus non-billable time exceed the clock time', () => {
    const f = findingsOf('minutes-exceed-visit', cleanVisit({ timeOut: '09:45' }));
    expect(f.length).toBeGreaterThan(0);
    expect(f[0]?.message).toContain('50 minutes');
    expect(f[0]?.message).toContain('45 minutes');
  });

  it('fires when documented total timed minutes disagree with the services', () => {
    const f = findingsOf('minutes-exceed-visit', cleanVisit({ totalTimedMinutes: 53 }));
    expect(f.some((x) => x.message.includes('Total timed minutes are documented as 53'))).toBe(true);
  });

  it('fires when total treatment minutes leave out untimed treatment or include rest', () => {
    const v = cleanVisit({ totalTreatmentMinutes: 50 });
    expect(findingsOf('minutes-exceed-visit', v)).toHaveLength(1);
  });

  it('does not fire on the clean visit, or without clock times', () => {
    expect(findingsOf('minutes-exceed-visit', cleanVisit())).toEqual([]);
    expect(findingsOf('minutes-exceed-visit', cleanVisit({ timeIn: undefined, timeOut: undefined }))).toEqual([]);
  });

  it('counts untimed minutes in total treatment time (X-7: 30 timed + 20 e-stim = 50)', () => {
    const v = cleanVisit({
      timeIn: '10:00',
      timeOut: '10:55',
      totalTimedMinutes: 30,
      totalTreatmentMinutes: 50,
      nonBillable: [],
      services: [
        { code: '97110', minutes: 10, modifiers: ['GP'], goalIds: ['g1'] },
        { code: '97112', minutes: 10, modifiers: ['GP'], goalIds: ['g2'] },
        { code: '97140', minutes: 10, modifiers: ['GP'], goalIds: ['g1'] },
        { code: 'G0283', minutes: 20, modifiers: ['GP'], goalIds: ['g1'] },
      ],
    });
    expect(findingsOf('minutes-exceed-visit', v)).toEqual([]);
  });
});
