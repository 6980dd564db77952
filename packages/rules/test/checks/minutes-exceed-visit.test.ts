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

describe('minutes-exceed-visit: untimed minutes counted as timed', () => {
  it('says 97150 is a group code billed per session instead of a totals mismatch', () => {
    const v = cleanVisit({
      services: [
        ...cleanVisit().services,
        { code: '97150', minutes: 30, modifiers: ['GP'], description: 'Group balance class x3 pts' },
      ],
      timeOut: '10:30',
      totalTimedMinutes: 77,
      totalTreatmentMinutes: 77,
    });
    const f = findingsOf('minutes-exceed-visit', v);
    expect(f).toHaveLength(1);
    expect(f[0]?.service).toBe(2);
    expect(f[0]?.message).toContain('97150 is a group code, billed as one unit per session');
    expect(f[0]?.message).toContain('its 30 minutes are not timed minutes');
    expect(f.some((x) => x.message.includes('documented as 77, but the timed services add up'))).toBe(false);
  });

  it('still reports a plain mismatch when the gap is not the untimed minutes', () => {
    const v = cleanVisit({
      services: [...cleanVisit().services, { code: '97150', minutes: 30, modifiers: ['GP'] }],
      timeOut: '10:30',
      totalTimedMinutes: 60,
      totalTreatmentMinutes: 77,
    });
    const f = findingsOf('minutes-exceed-visit', v);
    expect(f.map((x) => x.message).join(' ')).toContain('documented as 60, but the timed services add up to 47');
  });

  it('does not fire when 97150 minutes sit only in total treatment time', () => {
    const v = cleanVisit({
      services: [...cleanVisit().services, { code: '97150', minutes: 30, modifiers: ['GP'] }],
      timeOut: '10:30',
      totalTimedMinutes: 47,
      totalTreatmentMinutes: 77,
    });
    expect(findingsOf('minutes-exceed-visit', v)).toEqual([]);
  });
});
