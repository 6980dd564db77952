import { describe, expect, it } from 'vitest';
import { cleanVisit, findingsOf, medicarePatient, withService } from './fixtures.ts';

const commercial = medicarePatient({ payer: 'commercial' });

describe('units-exceed-minutes', () => {
  it('fires when 97530 claims 3 units for 24 minutes under CMS', () => {
    const f = findingsOf('units-exceed-minutes', withService(cleanVisit(), 0, { units: 3 }));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', service: 0, citation: 'Pub. 100-04 Ch. 5 §20.2' });
    expect(f[0]?.message).toContain('support 2 units');
  });

  it('fires when the claimed split passes the pooled total (97112 20 + 97110 20 = 3 units, claimed 2 + 2)', () => {
    const v = cleanVisit({
      totalTimedMinutes: 40,
      totalTreatmentMinutes: 40,
      services: [
        { code: '97112', minutes: 20, units: 2, modifiers: ['GP'], goalIds: ['g2'] },
        { code: '97110', minutes: 20, units: 2, modifiers: ['GP'], goalIds: ['g1'] },
      ],
    });
    expect(findingsOf('units-exceed-minutes', v).length).toBeGreaterThan(0);
  });

  it('does not fire for either valid split of a CMS tie (CMS-2: 2 + 1 or 1 + 2)', () => {
    for (const [a, b] of [
      [2, 1],
      [1, 2],
    ]) {
      const v = cleanVisit({
        totalTimedMinutes: 40,
        totalTreatmentMinutes: 40,
        services: [
          { code: '97112', minutes: 20, units: a, modifiers: ['GP'], goalIds: ['g2'] },
          { code: '97110', minutes: 20, units: b, modifiers: ['GP'], goalIds: ['g1'] },
        ],
      });
      expect(findingsOf('units-exceed-minutes', v)).toEqual([]);
      expect(findingsOf('units-below-minutes', v)).toEqual([]);
    }
  });

  it('fires under AMA when a code claims more than its own minutes give (97110 20 min = 1 unit)', () => {
    const v = cleanVisit({
      services: [{ code: '97110', minutes: 20, units: 2, modifiers: ['GP'], goalIds: ['g1'] }],
    });
    const f = findingsOf('units-exceed-minutes', v, commercial);
    expect(f).toHaveLength(1);
    expect(f[0]?.message).toContain('per-code midpoint');
  });

  it('fires when an untimed code claims 2 units', () => {
    const v = cleanVisit({ services: [{ code: '97161', units: 2, modifiers: ['GP'] }], noteType: 'evaluation' });
    expect(findingsOf('units-exceed-minutes', v)).toHaveLength(1);
  });

  it('does not fire when units are not claimed or match the engine', () => {
    expect(findingsOf('units-exceed-minutes', cleanVisit())).toEqual([]);
    const v = cleanVisit();
    const noClaims = { ...v, services: v.services.map(({ units: _u, ...s }) => s) };
    expect(findingsOf('units-exceed-minutes', noClaims)).toEqual([]);
  });

  it('leaves a code under the minimum to below-minimum-minutes', () => {
    const v = cleanVisit({
      services: [{ code: '97110', minutes: 5, units: 1, modifiers: ['GP'], goalIds: ['g1'] }],
    });
    expect(findingsOf('units-exceed-minutes', v)).toEqual([]);
    expect(findingsOf('below-minimum-minutes', v)).toHaveLength(1);
  });
});
