import type { UnitLine } from '../types.ts';
import type { CodeMinutes } from './aggregate.ts';
import { AMA_UNITS_CITATION, tableRange, tableUnits } from './unit-table.ts';

/** Citation for payers that pay a unit only for each full 15 minutes. */
export const PER_CODE_15_CITATION = 'payer policy: one unit per full 15 minutes of each code';

/**
 * The AMA/CPT convention: each code on its own, a unit once the midpoint (8 minutes) is passed, then one
 * per further 15 (rules.md §1.6). No pooling across codes.
 * @param codes - timed codes with minutes
 * @param explain - receives one sentence a step
 */
export function amaUnits(codes: readonly CodeMinutes[], explain: string[]): UnitLine[] {
  return codes.map((c) => {
    const units = tableUnits(c.minutes);
    explain.push(
      `${c.code}: ${c.minutes} minutes on their own give ${units} unit${units === 1 ? '' : 's'} (${tableRange(units)}); minutes are not pooled across codes. (${AMA_UNITS_CITATION})`,
    );
    return { code: c.code, minutes: c.minutes, units, timed: true };
  });
}

/**
 * A payer that pays a unit only for each full 15 minutes of a code ("minimum of 15 minutes" per unit).
 * @param codes - timed codes with minutes
 * @param explain - receives one sentence a step
 */
export function perCode15Units(codes: readonly CodeMinutes[], explain: string[]): UnitLine[] {
  return codes.map((c) => {
    const units = Math.floor(c.minutes / 15);
    const rem = c.minutes - units * 15;
    explain.push(
      `${c.code}: ${c.minutes} minutes hold ${units} full 15-minute unit${units === 1 ? '' : 's'}${rem ? `; the ${rem} minutes past them earn nothing` : ''}. (${PER_CODE_15_CITATION})`,
    );
    return { code: c.code, minutes: c.minutes, units, timed: true };
  });
}
