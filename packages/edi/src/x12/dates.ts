/**
 * Turns an X12 date (`CCYYMMDD`) into `YYYY-MM-DD`; other shapes come back unchanged.
 * @param d - the element value
 */
export function isoDate(d: string | undefined): string | undefined {
  if (d === undefined || d === '') return undefined;
  if (d.length !== 8) return d;
  return `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
}

/**
 * Turns `YYYY-MM-DD` into the X12 `CCYYMMDD`.
 * @param d - an ISO date
 */
export function x12Date(d: string): string {
  return d.length === 10 ? `${d.slice(0, 4)}${d.slice(5, 7)}${d.slice(8, 10)}` : d;
}
