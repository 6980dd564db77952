import type { UnitInputLine, UnitLine, UnitMethod, UnitResult } from '../types.ts';
import { aggregateByCode } from './aggregate.ts';
import { cmsUnits } from './cms.ts';
import { amaUnits, perCode15Units } from './per-code.ts';
import { CMS_UNITS_CITATION } from './unit-table.ts';

/**
 * Computes the units of one visit's services by a unit method, with an explanation a therapist can read.
 * Untimed codes get one unit per session and stay out of the timed total (Pub. 100-04 Ch. 5 §20.2).
 * Repeated codes are summed first. Lines come back one per distinct code, in first-seen order.
 * @param lines - the services' codes and minutes
 * @param method - `cms`, `ama` or `per-code-15`
 * @example
 * computeUnits([{ code: '97112', minutes: 24 }, { code: '97110', minutes: 23 }], 'cms').totalUnits // 3
 */
export function computeUnits(lines: readonly UnitInputLine[], method: UnitMethod): UnitResult {
  const explanation: string[] = [];
  const codes = aggregateByCode(lines);
  const timedCodes = codes.filter((c) => c.timed);
  let timedLines: UnitLine[];
  switch (method) {
    case 'cms':
      timedLines = cmsUnits(timedCodes, explanation);
      break;
    case 'ama':
      timedLines = amaUnits(timedCodes, explanation);
      break;
    case 'per-code-15':
      timedLines = perCode15Units(timedCodes, explanation);
      break;
  }
  const out: UnitLine[] = [];
  let totalTimedMinutes = 0;
  let totalUnits = 0;
  let t = 0;
  for (const c of codes) {
    if (c.timed) {
      const line = timedLines[t++] as UnitLine;
      totalTimedMinutes += line.minutes;
      totalUnits += line.units;
      out.push(line);
    } else {
      explanation.push(
        `${c.code} is untimed: 1 unit for the session, and its minutes stay out of the timed total. (${CMS_UNITS_CITATION})`,
      );
      totalUnits += 1;
      out.push({ code: c.code, minutes: c.minutes, units: 1, timed: false });
    }
  }
  return { method, totalTimedMinutes, totalUnits, lines: out, explanation };
}
