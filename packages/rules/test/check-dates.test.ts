import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clockMinutes, dayNumber, yearOf } from '../src/checks/dates.ts';

// The readings by substrings and Number() that the digit-by-digit fast paths must equal.
function clockBySlices(t: string | undefined): number | undefined {
  if (!t || t.length < 4) return undefined;
  const colon = t.indexOf(':');
  if (colon < 1) return undefined;
  const h = Number(t.slice(0, colon));
  const m = Number(t.slice(colon + 1, colon + 3));
  if (!Number.isInteger(h) || !Number.isInteger(m) || h > 23 || m > 59) return undefined;
  return h * 60 + m;
}

describe('check dates', () => {
  it('reads clock times', () => {
    expect(clockMinutes('09:30')).toBe(570);
    expect(clockMinutes('9:05')).toBe(545);
    expect(clockMinutes('23:59')).toBe(1439);
    expect(clockMinutes('24:00')).toBeUndefined();
    expect(clockMinutes('10:60')).toBeUndefined();
    expect(clockMinutes('10:5')).toBe(605);
    expect(clockMinutes(' 9:30')).toBe(570);
    expect(clockMinutes('x9:30')).toBeUndefined();
    expect(clockMinutes(undefined)).toBeUndefined();
  });

  it('property: clock times read as by substrings, for any text of digits, colons and noise', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9: x+.e-]{0,7}$/), (t) => {
        expect(clockMinutes(t)).toBe(clockBySlices(t));
      }),
      { numRuns: 5000 },
    );
  });

  it('property: day numbers and years of ISO dates agree with Date', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2999-12-31'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        expect(dayNumber(iso)).toBe(Math.floor(Date.parse(iso) / 86_400_000));
        expect(yearOf(iso)).toBe(d.getUTCFullYear());
      }),
    );
  });
});
