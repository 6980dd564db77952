/** Citation of the CMS unit table and its rules. */
export const CMS_UNITS_CITATION = 'Pub. 100-04 Ch. 5 §20.2';
/** Citation of the AMA/CPT midpoint convention. */
export const AMA_UNITS_CITATION = 'CPT time rule (midpoint passed), applied per code';

/**
 * Units for a number of timed minutes by the CMS table: under 8 is none, then one per 15 from 8
 * (8–22 = 1, 23–37 = 2, …). Pub. 100-04 Ch. 5 §20.2; closed form per rules.md §1.1.
 * @param minutes - total timed minutes, a non-negative integer
 */
export function tableUnits(minutes: number): number {
  return minutes < 8 ? 0 : Math.floor((minutes + 7) / 15);
}

/**
 * The lowest minutes that earn `units` units by the table (1 → 8, 2 → 23, …).
 * @param units - a positive number of units
 */
export function minutesForUnits(units: number): number {
  return units <= 0 ? 0 : units * 15 - 7;
}

/**
 * Human range of minutes that a unit count covers, e.g. "38–52 minutes".
 * @param units - units from the table
 */
export function tableRange(units: number): string {
  if (units === 0) return 'under 8 minutes';
  return `${minutesForUnits(units)}–${minutesForUnits(units + 1) - 1} minutes`;
}
