import type { UnitLine } from '../types.ts';
import type { CodeMinutes } from './aggregate.ts';
import { CMS_UNITS_CITATION, tableRange, tableUnits } from './unit-table.ts';

/**
 * The CMS 8-minute rule (Pub. 100-04 Ch. 5 §20.2): the day's total timed minutes set the total units
 * by the table; each code first gets its full 15-minute units (never fewer, rule 3), and the units left
 * go one each to the codes with the largest leftover minutes (rules.md §1.3). Ties: the code with more
 * total minutes, then the one documented first (the manual lets the provider choose, Ex. 2 and 5).
 * @param codes - timed codes with minutes, in documented order
 * @param explain - receives one sentence a step
 */
export function cmsUnits(codes: readonly CodeMinutes[], explain: string[]): UnitLine[] {
  let total = 0;
  let fullSum = 0;
  const lines: UnitLine[] = [];
  for (const c of codes) {
    total += c.minutes;
    const full = Math.floor(c.minutes / 15);
    fullSum += full;
    lines.push({ code: c.code, minutes: c.minutes, units: full, timed: true });
  }
  const units = tableUnits(total);
  if (codes.length > 0) {
    const parts = codes.map((c) => `${c.code} ${c.minutes}`).join(' + ');
    explain.push(`Total timed minutes: ${parts} = ${total}. (${CMS_UNITS_CITATION})`);
    explain.push(
      `${total} timed minutes support ${units} unit${units === 1 ? '' : 's'} in all (${tableRange(units)} = ${units}). (${CMS_UNITS_CITATION}, unit table)`,
    );
  }
  for (const l of lines) {
    if (l.units > 0) {
      const rem = l.minutes - l.units * 15;
      explain.push(
        `${l.code}: ${l.minutes} minutes hold ${l.units} full 15-minute unit${l.units === 1 ? '' : 's'}${rem > 0 ? `, ${rem} minutes left over` : ''}; a code done for 15 minutes or more gets at least that many. (${CMS_UNITS_CITATION})`,
      );
    }
  }
  let left = units - fullSum;
  if (left > 0) {
    // Order by leftover minutes, then total minutes, then documented order: deterministic and explainable.
    const order = lines
      .map((l, i) => ({ i, rem: l.minutes - l.units * 15, minutes: l.minutes }))
      .filter((x) => x.rem > 0)
      .sort((a, b) => b.rem - a.rem || b.minutes - a.minutes || a.i - b.i);
    const winners: string[] = [];
    for (const x of order) {
      if (left === 0) break;
      const line = lines[x.i] as UnitLine;
      line.units += 1;
      left -= 1;
      winners.push(`${line.code} (${x.rem} min left over)`);
    }
    const losers = order.slice(winners.length).map((x) => `${(lines[x.i] as UnitLine).code} (${x.rem} min)`);
    explain.push(
      `The ${winners.length} remaining unit${winners.length === 1 ? '' : 's'} go${winners.length === 1 ? 'es' : ''} to the largest leftover minutes: ${winners.join(', ')}${losers.length ? `; ${losers.join(', ')} earn${losers.length === 1 ? 's' : ''} no further unit because the total supports no more` : ''}. Equal leftovers go to the code with more minutes, then the one documented first. (${CMS_UNITS_CITATION})`,
    );
  } else if (codes.length > 0 && units === 0) {
    explain.push(`Under 8 timed minutes in all: no timed unit can be billed. (${CMS_UNITS_CITATION})`);
  }
  return lines;
}
