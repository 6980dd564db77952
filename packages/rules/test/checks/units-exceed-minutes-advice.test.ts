import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAuditor, type Service } from '../../src/index.ts';
import { cleanVisit, medicarePatient } from './fixtures.ts';

const PAYERS = ['medicare', 'commercial'] as const;
const BASE = cleanVisit().services[0] as Service;

describe('units-exceed-minutes advice is the engine number', () => {
  it('20-22 minutes of 97530 with 3 units claimed advises 1 unit under CMS (the line gives 1)', () => {
    for (const minutes of [20, 21, 22]) {
      const v = cleanVisit({
        totalTimedMinutes: minutes,
        totalTreatmentMinutes: minutes,
        services: [{ ...BASE, code: '97530', minutes, units: 3 }],
      });
      const r = createAuditor({ patients: [medicarePatient()] }).auditVisit(v);
      const f = r.findings.find((x) => x.rule === 'units-exceed-minutes');
      expect(r.lines[0]?.units).toBe(1);
      expect(f?.message).toContain('Bill 1 unit,');
      expect(f?.message).not.toContain('support 2 units');
    }
  });

  it('for every method, minutes and claimed units, the units the message advises are the units of the line', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PAYERS),
        fc.constantFrom('97530', '97110', '97140'),
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 1, max: 10 }),
        (payer, code, minutes, units) => {
          const v = cleanVisit({
            totalTimedMinutes: minutes,
            totalTreatmentMinutes: minutes,
            services: [{ ...BASE, code, minutes, units }],
          });
          const r = createAuditor({ patients: [medicarePatient({ payer })] }).auditVisit(v);
          const f = r.findings.find((x) => x.rule === 'units-exceed-minutes');
          if (!f) return;
          const advised = /Bill (\d+) units?/.exec(f.message);
          expect(advised).not.toBeNull();
          expect(Number(advised?.[1])).toBe(r.lines[0]?.units);
          expect(Number(advised?.[1])).toBeLessThan(units);
        },
      ),
      { numRuns: 400, seed: 15 },
    );
  });
});
