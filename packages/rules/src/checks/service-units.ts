import type { Service, UnitResult } from '../types.ts';
import { tableUnits } from '../units/unit-table.ts';

/**
 * Spreads the engine's units of each code over that code's services, in order: each service first gets up to
 * what its own minutes earn by the table, and what is left goes to the first service of the code (a code's
 * minutes are pooled, so two 7-minute parts may earn a unit between them).
 * @param services - the visit's services
 * @param units - the engine's result, one line per distinct code
 */
export function distributeUnits(services: readonly Service[], units: UnitResult): number[] {
  const out: number[] = new Array(services.length).fill(0);
  for (const line of units.lines) {
    let left = line.units;
    let first = -1;
    for (let i = 0; i < services.length && left > 0; i++) {
      const s = services[i] as Service;
      if (s.code !== line.code) continue;
      if (first < 0) first = i;
      const own = line.timed ? Math.min(left, tableUnits(Math.max(0, s.minutes ?? 0))) : left;
      out[i] = own;
      left -= own;
    }
    if (left > 0 && first >= 0) out[first] = (out[first] ?? 0) + left;
  }
  return out;
}
