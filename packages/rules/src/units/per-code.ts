import type { UnitLine } from '../types.ts';
import { AMA_UNITS_CITATION, tableRange, tableUnits } from './unit-table.ts';

/** Citation for payers that pay a unit only for each full 15 minutes. */
export const PER_CODE_15_CITATION = 'payer policy: one unit per full 15 minutes of each code';

/**
 * The AMA/CPT convention: each code on its own, a unit once the midpoint (8 minutes) is passed, then one
 * per further 15 (rules.md §1.6). No pooling across codes. Fills `units` of the timed lines in place.
 * @param lines - aggregated lines; untimed ones are skipped
 * @param explain - receives one sentence a step, or null to skip building text
 * @returns total timed minutes
 */
export function amaUnits(lines: UnitLine[], explain: string[] | null): number {
  let total = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as UnitLine;
    if (!l.timed) continue;
    total += l.minutes;
    l.units = tableUnits(l.minutes);
    if (explain !== null) {
      explain.push(
        `${l.code}: ${l.minutes} minutes on their own give ${l.units} unit${l.units === 1 ? '' : 's'} (${tableRange(l.units)}); minutes are not pooled across codes. (${AMA_UNITS_CITATION})`,
      );
    }
  }
  return total;
}

/**
 * A payer that pays a unit only for each full 15 minutes of a code ("minimum of 15 minutes" per unit).
 * Fills `units` of the timed lines in place.
 * @param lines - aggregated lines; untimed ones are skipped
 * @param explain - receives one sentence a step, or null to skip building text
 * @returns total timed minutes
 */
export function perCode15Units(lines: UnitLine[], explain: string[] | null): number {
  let total = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as UnitLine;
    if (!l.timed) continue;
    total += l.minutes;
    l.units = Math.floor(l.minutes / 15);
    if (explain !== null) {
      const rem = l.minutes - l.units * 15;
      explain.push(
        `${l.code}: ${l.minutes} minutes hold ${l.units} full 15-minute unit${l.units === 1 ? '' : 's'}${rem ? `; the ${rem} minutes past them earn nothing` : ''}. (${PER_CODE_15_CITATION})`,
      );
    }
  }
  return total;
}
