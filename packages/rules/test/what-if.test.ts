import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeUnits, type UnitInputLine, type UnitMethod, whatIf } from '../src/index.ts';

const TIMED = ['97530', '97110', '97112', '97116', '97140', '97535'];
const visitArb = fc.array(
  fc.record({ code: fc.constantFrom(...TIMED, '97161', '97150'), minutes: fc.integer({ min: 0, max: 100 }) }),
  { minLength: 1, maxLength: 6 },
);
const methodArb = fc.constantFrom<UnitMethod>('cms', 'ama', 'per-code-15');

function unitsOf(lines: UnitInputLine[], method: UnitMethod, code: string): number {
  return computeUnits(lines, method).lines.find((l) => l.code === code)?.units ?? 0;
}

describe('whatIf', () => {
  it('ama: "4 more minutes of 97530 earns another unit" at 19 minutes; 5 of 97110 at 18', () => {
    const w = whatIf(
      [
        { code: '97530', minutes: 19 },
        { code: '97110', minutes: 18 },
      ],
      'ama',
    );
    expect(w.nextUnit).toEqual([
      { code: '97530', moreMinutes: 4 },
      { code: '97110', moreMinutes: 5 },
    ]);
    expect(w.pastLastUnit).toEqual([
      { code: '97530', minutes: 4 },
      { code: '97110', minutes: 3 },
    ]);
    expect(w.explanation[0]).toContain('4 minutes more of 97530');
  });

  it('cms CMS-4: 4 more minutes of any code reach 53 minutes = 4 units; 97110 3 min and 97035 8 min earn nothing', () => {
    const w = whatIf(
      [
        { code: '97110', minutes: 18 },
        { code: '97140', minutes: 13 },
        { code: '97116', minutes: 10 },
        { code: '97035', minutes: 8 },
      ],
      'cms',
    );
    expect(w.nextUnit.map((n) => n.moreMinutes)).toEqual([4, 4, 4, 4]);
    expect(w.pastLastUnit).toEqual([
      { code: '97110', minutes: 3 },
      { code: '97035', minutes: 8 },
    ]);
    expect(w.explanation[0]).toContain('from 49 to 53 minutes');
  });

  it('cms under 8 minutes: the first unit needs the total to reach 8', () => {
    const w = whatIf([{ code: '97530', minutes: 5 }], 'cms');
    expect(w.nextUnit).toEqual([{ code: '97530', moreMinutes: 3 }]);
    expect(w.pastLastUnit).toEqual([{ code: '97530', minutes: 5 }]);
  });

  it('per-code-15: the next full 15 minutes', () => {
    const w = whatIf([{ code: '97530', minutes: 29 }], 'per-code-15');
    expect(w.nextUnit).toEqual([{ code: '97530', moreMinutes: 1 }]);
    expect(w.pastLastUnit).toEqual([{ code: '97530', minutes: 14 }]);
  });

  it('untimed-only visits have no next unit to earn', () => {
    const w = whatIf([{ code: '97161', minutes: 45 }], 'cms');
    expect(w.nextUnit).toEqual([]);
    expect(w.explanation[0]).toContain('No timed code');
  });

  it('property: adding the suggested minutes earns exactly one more unit, and one minute fewer does not', () => {
    fc.assert(
      fc.property(visitArb, methodArb, fc.nat(), (lines, method, pick) => {
        const w = whatIf(lines, method);
        fc.pre(w.nextUnit.length > 0);
        const n = w.nextUnit[pick % w.nextUnit.length] as { code: string; moreMinutes: number };
        expect(n.moreMinutes).toBeGreaterThan(0);
        const plus = (k: number) => [...lines, { code: n.code, minutes: k }];
        if (method === 'cms') {
          const before = computeUnits(lines, method).totalUnits;
          expect(computeUnits(plus(n.moreMinutes), method).totalUnits).toBe(before + 1);
          expect(computeUnits(plus(n.moreMinutes - 1), method).totalUnits).toBe(before);
        } else {
          const before = unitsOf(lines, method, n.code);
          expect(unitsOf(plus(n.moreMinutes), method, n.code)).toBe(before + 1);
          expect(unitsOf(plus(n.moreMinutes - 1), method, n.code)).toBe(before);
        }
      }),
    );
  });

  it('property: minutes past the last unit are those beyond 15 per unit the code holds', () => {
    fc.assert(
      fc.property(visitArb, methodArb, (lines, method) => {
        const r = computeUnits(lines, method);
        const past = new Map(whatIf(lines, method).pastLastUnit.map((p) => [p.code, p.minutes]));
        for (const l of r.lines) {
          if (!l.timed) continue;
          expect(past.get(l.code) ?? 0).toBe(Math.max(0, l.minutes - 15 * l.units));
        }
      }),
    );
  });

  it('property: { explain: false } gives the same numbers and no sentences', () => {
    fc.assert(
      fc.property(visitArb, methodArb, (lines, method) => {
        const full = whatIf(lines, method);
        const bare = whatIf(lines, method, { explain: false });
        expect(bare.nextUnit).toEqual(full.nextUnit);
        expect(bare.pastLastUnit).toEqual(full.pastLastUnit);
        expect(bare.explanation).toEqual([]);
        expect(full.explanation.length).toBeGreaterThan(0);
      }),
    );
  });
});
