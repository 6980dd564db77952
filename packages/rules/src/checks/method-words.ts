import { plural } from '../text/plural.ts';
import type { UnitMethod } from '../types.ts';
import { PER_CODE_15_CITATION } from '../units/per-code.ts';
import { AMA_UNITS_CITATION, CMS_UNITS_CITATION } from '../units/unit-table.ts';

/**
 * The payer's unit method in a therapist's words.
 * @param method - the unit method
 */
export function methodWords(method: UnitMethod): string {
  switch (method) {
    case 'cms':
      return "Medicare's 8-minute rule (all timed minutes pooled)";
    case 'ama':
      return 'the per-code midpoint rule (8 minutes of a code for its first unit)';
    default:
      return 'a unit only for each full 15 minutes of a code';
  }
}

/**
 * The citation of a unit method.
 * @param method - the unit method
 */
export function methodCitation(method: UnitMethod): string {
  return method === 'cms' ? CMS_UNITS_CITATION : method === 'ama' ? AMA_UNITS_CITATION : PER_CODE_15_CITATION;
}

/**
 * "1 unit" / "3 units".
 * @param n - a count
 */
export function unitsWord(n: number): string {
  return plural(n, 'unit');
}
