import { isTimedCode } from '../catalog/codes.ts';
import type { UnitInputLine } from '../types.ts';

/** One distinct code of a visit with its summed minutes, in order of first appearance. */
export interface CodeMinutes {
  code: string;
  minutes: number;
  timed: boolean;
}

/**
 * Sums minutes per code (two 97530 activities are one 97530 line for units) keeping first-seen order.
 * @param lines - codes with minutes, possibly repeated
 */
export function aggregateByCode(lines: readonly UnitInputLine[]): CodeMinutes[] {
  const out: CodeMinutes[] = [];
  for (const line of lines) {
    const minutes = Math.max(0, Math.floor(line.minutes || 0));
    let found: CodeMinutes | undefined;
    for (const c of out) {
      if (c.code === line.code) {
        found = c;
        break;
      }
    }
    if (found) found.minutes += minutes;
    else out.push({ code: line.code, minutes, timed: isTimedCode(line.code) });
  }
  return out;
}
