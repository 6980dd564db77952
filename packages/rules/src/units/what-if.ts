import type { UnitInputLine, UnitLine, UnitMethod } from '../types.ts';
import { computeUnits, type UnitOptions } from './compute.ts';
import { PER_CODE_15_CITATION } from './per-code.ts';
import { AMA_UNITS_CITATION, CMS_UNITS_CITATION, minutesForUnits, tableUnits } from './unit-table.ts';

/** How the next unit could be earned, and which minutes earn nothing now. */
export interface WhatIf {
  /** For each timed code of the visit, the fewest more minutes of it that earn one more unit. */
  nextUnit: { code: string; moreMinutes: number }[];
  /** Timed codes with minutes past their last unit: minutes that count toward no unit. */
  pastLastUnit: { code: string; minutes: number }[];
  /** Sentences saying the same; empty when built with `{ explain: false }`. */
  explanation: string[];
}

function min(n: number): string {
  return `${n} minute${n === 1 ? '' : 's'}`;
}

/**
 * What-if for a visit: how many more minutes of which code would earn the next unit, and which minutes are
 * past the last unit (count toward no unit) under the method.
 * - cms: units follow the pooled total (Pub. 100-04 Ch. 5 §20.2), so any timed code needs the same
 *   minutes to reach the next table row; a code's minutes past its units (15 per unit) earn nothing.
 * - ama: each code reaches its next unit at 8, 23, 38… of its own minutes (midpoint rule, rules.md §1.6).
 * - per-code-15: each code's next full 15 minutes.
 * @param lines - the services' codes and minutes
 * @param method - `cms`, `ama` or `per-code-15`
 * @param options - `{ explain: false }` keeps the numbers and skips the sentences (bulk audits)
 * @example
 * whatIf([{ code: '97530', minutes: 19 }], 'ama').nextUnit // [{ code: '97530', moreMinutes: 4 }]
 */
export function whatIf(lines: readonly UnitInputLine[], method: UnitMethod, options?: UnitOptions): WhatIf {
  const explain = options?.explain !== false;
  const result = computeUnits(lines, method, { explain: false });
  const nextUnit: WhatIf['nextUnit'] = [];
  const pastLastUnit: WhatIf['pastLastUnit'] = [];
  const explanation: string[] = [];
  const timed: UnitLine[] = result.lines.filter((l) => l.timed);
  if (timed.length === 0) {
    if (explain)
      explanation.push('No timed code on this visit: untimed codes are one unit a session, whatever their minutes.');
    return { nextUnit, pastLastUnit, explanation };
  }
  if (method === 'cms') {
    const total = result.totalTimedMinutes;
    const units = tableUnits(total);
    const more = minutesForUnits(units + 1) - total;
    for (const l of timed) nextUnit.push({ code: l.code, moreMinutes: more });
    if (explain)
      explanation.push(
        `${min(more)} more of any timed code (${timed.map((l) => l.code).join(', ')}) brings the total from ${total} to ${total + more} minutes, which supports ${units + 1} units instead of ${units}. (${CMS_UNITS_CITATION}, unit table)`,
      );
  } else {
    for (const l of timed) {
      const more = method === 'ama' ? minutesForUnits(l.units + 1) - l.minutes : (l.units + 1) * 15 - l.minutes;
      nextUnit.push({ code: l.code, moreMinutes: more });
      if (explain)
        explanation.push(
          `${min(more)} more of ${l.code} (${l.minutes + more} in all) earns it unit ${l.units + 1}. (${method === 'ama' ? AMA_UNITS_CITATION : PER_CODE_15_CITATION})`,
        );
    }
  }
  for (const l of timed) {
    // Each unit covers 15 minutes; a unit earned from 8 to 14 minutes covers them all.
    const past = l.minutes - l.units * 15;
    if (past <= 0) continue;
    pastLastUnit.push({ code: l.code, minutes: past });
    if (!explain) continue;
    const why = method === 'cms' ? ' because the pooled total supports no more units' : '';
    explanation.push(
      l.units === 0
        ? `${l.code}: its ${min(past)} earn no unit${why}.`
        : `${l.code}: ${min(past)} past its ${l.units === 1 ? 'unit' : `${l.units} units`} earn nothing${why}.`,
    );
  }
  return { nextUnit, pastLastUnit, explanation };
}
