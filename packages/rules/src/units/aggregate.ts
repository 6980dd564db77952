import { isTimedCode } from '../catalog/codes.ts';
import type { UnitInputLine, UnitLine } from '../types.ts';

/**
 * Sums minutes per code (two 97530 activities are one 97530 line for units), keeping first-seen order.
 * Minutes are whole and non-negative (a bad value counts as 0). Units start at 0 for the method to fill.
 * @param lines - codes with minutes, possibly repeated
 */
export function aggregateByCode(lines: readonly UnitInputLine[]): UnitLine[] {
  const out: UnitLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as UnitInputLine;
    const raw = line.minutes;
    const minutes = raw > 0 ? Math.floor(raw) : 0; // NaN, negatives and absent minutes count as 0
    let found: UnitLine | undefined;
    for (let j = 0; j < out.length; j++) {
      const c = out[j] as UnitLine;
      if (c.code === line.code) {
        found = c;
        break;
      }
    }
    if (found) found.minutes += minutes;
    else out.push({ code: line.code, minutes, units: 0, timed: isTimedCode(line.code) });
  }
  return out;
}
