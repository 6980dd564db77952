import { describe, expect, it } from 'vitest';
import { createAuditor, createPolicyRegistry, gpciLocalities, gpciLocality, priceLines } from '../src/index.ts';
import { cleanVisit, medicarePatient } from './checks/fixtures.ts';

describe('GPCI localities (data/gpci.json; rules.md §5.1)', () => {
  it('holds at least the 10 largest localities for 2025 and 2026, each with its three indices and source', () => {
    for (const year of [2025, 2026]) {
      const all = gpciLocalities(year);
      expect(all.length).toBeGreaterThanOrEqual(10);
      for (const l of all) {
        expect(l.gpci.work).toBeGreaterThanOrEqual(1000); // the work GPCI floor of 1.000
        expect(l.gpci.pe).toBeGreaterThan(500);
        expect(l.gpci.mp).toBeGreaterThan(300);
        expect(l.source).toContain('UNCONFIRMED');
      }
    }
    expect(gpciLocality('NY-01', 2026)?.name).toBe('Manhattan, NY');
    expect(gpciLocality('XX-00', 2026)).toBeUndefined();
  });

  it('prices by the formula of rules.md §5.1 with the locality indices instead of the national 1.000', () => {
    const policy = createPolicyRegistry().resolve('medicare', '2026-02-02');
    if (!policy) throw new Error('medicare policy missing');
    const national = priceLines([{ code: '97530', units: 1 }], { date: '2026-02-02', policy });
    const ny = gpciLocality('NY-01', 2026);
    const local = priceLines([{ code: '97530', units: 1 }], { date: '2026-02-02', policy, gpci: ny?.gpci });
    // (0.44 x 1.066 + 0.59 x 1.358 + 0.02 x 1.592) x $33.4009 = 1.3021 x $33.4009 = $43.49
    expect(national.allowedCents).toBe(3507);
    expect(local.allowedCents).toBe(4349);
    expect(local.explanation[0]).toContain('work 1.066, PE 1.358, MP 1.592');
  });

  it("an auditor given the clinic's locality estimates with it; without one, national", () => {
    const v = cleanVisit();
    const national = createAuditor({ patients: [medicarePatient()] }).auditVisit(v).estimate.totalCents;
    const manhattan = createAuditor({ patients: [medicarePatient()], locality: 'NY-01' }).auditVisit(v).estimate;
    const texas = createAuditor({ patients: [medicarePatient()], locality: 'TX-99' }).auditVisit(v).estimate;
    expect(manhattan.totalCents).toBeGreaterThan(national);
    expect(texas.totalCents).toBeLessThan(national);
  });
});
