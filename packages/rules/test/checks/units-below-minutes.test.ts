import { describe, expect, it } from 'vitest';
import { cleanVisit, findingsOf, medicarePatient, withService } from './fixtures.ts';

describe('units-below-minutes', () => {
  it('fires when 97530 claims 1 unit for 24 minutes (revenue left behind)', () => {
    const f = findingsOf('units-below-minutes', withService(cleanVisit(), 0, { units: 1 }));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', service: 0 });
    expect(f[0]?.message).toContain('support 2 units');
  });

  it('fires under CMS when a 33-minute code claims fewer than its 2 full units (rule 3)', () => {
    const v = cleanVisit({
      totalTimedMinutes: 40,
      totalTreatmentMinutes: 40,
      services: [
        { code: '97110', minutes: 33, units: 1, modifiers: ['GP'], goalIds: ['g1'] },
        { code: '97140', minutes: 7, units: 2, modifiers: ['GP'], goalIds: ['g1'] },
      ],
    });
    expect(findingsOf('units-below-minutes', v).map((f) => f.service)).toEqual([0]);
  });

  it('fires under AMA per code', () => {
    const v = cleanVisit({ services: [{ code: '97110', minutes: 38, units: 2, modifiers: ['GP'], goalIds: ['g1'] }] });
    expect(findingsOf('units-below-minutes', v, medicarePatient({ payer: 'commercial' }))).toHaveLength(1);
  });

  it('does not fire on the clean visit or when units are not claimed', () => {
    expect(findingsOf('units-below-minutes', cleanVisit())).toEqual([]);
    expect(findingsOf('units-below-minutes', withService(cleanVisit(), 0, { units: undefined }))).toEqual([]);
  });
});
