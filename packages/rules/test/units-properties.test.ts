import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeUnits, isTimedCode, tableUnits, type UnitInputLine, type UnitLine } from '../src/index.ts';

const TIMED = ['97530', '97110', '97112', '97116', '97140', '97535', '97035', '97032'];
const UNTIMED = ['97161', '97150', 'G0283', '92507'];

const lineArb = fc.record({
  code: fc.constantFrom(...TIMED, ...UNTIMED),
  minutes: fc.integer({ min: 0, max: 130 }),
});
const visitArb = fc.array(lineArb, { minLength: 0, maxLength: 7 });

function timedSum(lines: readonly UnitInputLine[]): number {
  let s = 0;
  for (const l of lines) if (isTimedCode(l.code)) s += l.minutes;
  return s;
}

function timedUnits(lines: readonly UnitLine[]): number {
  let s = 0;
  for (const l of lines) if (l.timed) s += l.units;
  return s;
}

function unitsOf(lines: readonly UnitLine[], code: string): number {
  return lines.find((l) => l.code === code)?.units ?? 0;
}

describe('unit method properties (fast-check)', () => {
  it('cms: total timed units equal the table value of the pooled timed minutes', () => {
    fc.assert(
      fc.property(visitArb, (lines) => {
        const r = computeUnits(lines, 'cms');
        expect(r.totalTimedMinutes).toBe(timedSum(lines));
        expect(timedUnits(r.lines)).toBe(tableUnits(timedSum(lines)));
      }),
    );
  });

  it('cms: no code gets fewer than its full 15-minute units, nor more than one leftover unit', () => {
    fc.assert(
      fc.property(visitArb, (lines) => {
        for (const l of computeUnits(lines, 'cms').lines) {
          if (!l.timed) continue;
          expect(l.units).toBeGreaterThanOrEqual(Math.floor(l.minutes / 15));
          expect(l.units).toBeLessThanOrEqual(Math.floor(l.minutes / 15) + 1);
        }
      }),
    );
  });

  it('cms: adding minutes to any code never lowers the total units', () => {
    fc.assert(
      fc.property(visitArb, fc.nat(), fc.integer({ min: 1, max: 60 }), (lines, pick, more) => {
        fc.pre(lines.length > 0);
        const i = pick % lines.length;
        const grown = lines.map((l, j) => (j === i ? { ...l, minutes: l.minutes + more } : l));
        expect(computeUnits(grown, 'cms').totalUnits).toBeGreaterThanOrEqual(computeUnits(lines, 'cms').totalUnits);
      }),
    );
  });

  it('ama: units are per code (the table of that code alone) and other codes do not change them', () => {
    fc.assert(
      fc.property(visitArb, lineArb, (lines, extra) => {
        const r = computeUnits(lines, 'ama');
        for (const l of r.lines) if (l.timed) expect(l.units).toBe(tableUnits(l.minutes));
        const withExtra = computeUnits([...lines, extra], 'ama');
        for (const l of r.lines) {
          if (l.code !== extra.code) expect(unitsOf(withExtra.lines, l.code)).toBe(l.units);
        }
      }),
    );
  });

  it("ama: adding minutes to a code never lowers that code's units", () => {
    fc.assert(
      fc.property(visitArb, fc.nat(), fc.integer({ min: 1, max: 60 }), (lines, pick, more) => {
        fc.pre(lines.length > 0);
        const i = pick % lines.length;
        const code = (lines[i] as UnitInputLine).code;
        const grown = lines.map((l, j) => (j === i ? { ...l, minutes: l.minutes + more } : l));
        expect(unitsOf(computeUnits(grown, 'ama').lines, code)).toBeGreaterThanOrEqual(
          unitsOf(computeUnits(lines, 'ama').lines, code),
        );
      }),
    );
  });

  it('per-code-15: units are floor(minutes / 15) per code', () => {
    fc.assert(
      fc.property(visitArb, (lines) => {
        for (const l of computeUnits(lines, 'per-code-15').lines) {
          expect(l.units).toBe(l.timed ? Math.floor(l.minutes / 15) : 1);
        }
      }),
    );
  });

  it('every method: untimed codes are one unit each, and explain: false changes no number', () => {
    fc.assert(
      fc.property(visitArb, fc.constantFrom('cms' as const, 'ama' as const, 'per-code-15' as const), (lines, m) => {
        const full = computeUnits(lines, m);
        const bulk = computeUnits(lines, m, { explain: false });
        expect(bulk.lines).toEqual(full.lines);
        expect(bulk.totalUnits).toBe(full.totalUnits);
        for (const l of full.lines) if (!l.timed) expect(l.units).toBe(1);
      }),
    );
  });

  it('cms is deterministic: the same lines give the same split', () => {
    fc.assert(
      fc.property(visitArb, (lines) => {
        expect(computeUnits(lines, 'cms').lines).toEqual(computeUnits(lines, 'cms').lines);
      }),
    );
  });
});
