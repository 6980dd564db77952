import { lookupCode, plural } from '@unitwise/rules';

/**
 * How much of a code a note holds, as a reader expects it: minutes for a timed code ("23 min"), units for an untimed
 * one ("1 unit": untimed codes such as 92507 and 92526 are billed once per session whatever the time, Pub. 100-04
 * Ch. 5 §20.2), and the minutes if any for a code outside the catalog.
 * @param s - the service's code, minutes and claimed units
 * @example
 * serviceAmount({ code: '92507', minutes: 45 }) // '1 unit'
 */
export function serviceAmount(s: { code: string; minutes?: number | undefined; units?: number | undefined }): string {
  const known = lookupCode(s.code);
  if (known && !known.timed) return plural(s.units ?? 1, 'unit');
  if (s.minutes === undefined) return known ? 'no minutes' : '—';
  return `${s.minutes} min`;
}
