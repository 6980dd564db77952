import { lookupCode } from '../catalog/codes.ts';
import type { UnitInputLine, UnitLine, UnitMethod, UnitResult } from '../types.ts';
import { aggregateByCode } from './aggregate.ts';
import { cmsUnits } from './cms.ts';
import { amaUnits, perCode15Units } from './per-code.ts';
import { CMS_UNITS_CITATION } from './unit-table.ts';

/** Options of `computeUnits` and `whatIf`. */
export interface UnitOptions {
  /** Build the explanation sentences (default true). False leaves `explanation` empty: the bulk path. */
  explain?: boolean;
}

// The explanation of every result computed without one: shared, so the bulk path allocates no array per visit.
const NO_EXPLANATION: string[] = [];
Object.freeze(NO_EXPLANATION);

/**
 * Computes the units of one visit's services by a unit method, with an explanation a therapist can read.
 * Untimed codes get one unit per session and stay out of the timed total (Pub. 100-04 Ch. 5 §20.2); a code
 * outside the catalog gets none.
 * Repeated codes are summed first. Lines come back one per distinct code, in first-seen order.
 * @param lines - the services' codes and minutes
 * @param method - `cms`, `ama` or `per-code-15`
 * @param options - `{ explain: false }` skips the explanation text (for bulk audits)
 * @example
 * computeUnits([{ code: '97112', minutes: 24 }, { code: '97110', minutes: 23 }], 'cms').totalUnits // 3
 */
export function computeUnits(lines: readonly UnitInputLine[], method: UnitMethod, options?: UnitOptions): UnitResult {
  const explanation: string[] | null = options?.explain === false ? null : [];
  const out = aggregateByCode(lines);
  let totalTimedMinutes: number;
  switch (method) {
    case 'cms':
      totalTimedMinutes = cmsUnits(out, explanation);
      break;
    case 'ama':
      totalTimedMinutes = amaUnits(out, explanation);
      break;
    case 'per-code-15':
      totalTimedMinutes = perCode15Units(out, explanation);
      break;
    default:
      // An unvalidated method string: nothing is billable rather than a guess.
      totalTimedMinutes = 0;
      if (explanation !== null) explanation.push(`Unknown unit method "${String(method)}": no timed units computed.`);
  }
  let totalUnits = 0;
  for (let i = 0; i < out.length; i++) {
    const l = out[i] as UnitLine;
    if (!l.timed && lookupCode(l.code) === undefined) {
      // A code outside the catalog is a typo or a code we cannot price: it earns nothing until it is corrected.
      l.units = 0;
      if (explanation !== null)
        explanation.push(`${l.code} is not a code we know: no unit counted until it is corrected.`);
    } else if (!l.timed) {
      l.units = 1;
      if (explanation !== null) {
        explanation.push(
          `${l.code} is untimed: 1 unit for the session, and its minutes stay out of the timed total. (${CMS_UNITS_CITATION})`,
        );
      }
    }
    totalUnits += l.units;
  }
  return { method, totalTimedMinutes, totalUnits, lines: out, explanation: explanation ?? NO_EXPLANATION };
}
