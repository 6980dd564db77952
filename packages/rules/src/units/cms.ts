import { plural } from '../text/plural.ts';
import type { UnitLine } from '../types.ts';
import { CMS_UNITS_CITATION, tableRange, tableUnits } from './unit-table.ts';

/**
 * Picks the timed line that should get the next leftover unit: the largest leftover minutes
 * (minutes past its units), then more total minutes, then documented first. -1 when none is left.
 */
function nextLeftoverWinner(lines: readonly UnitLine[]): number {
  let best = -1;
  let bestRem = 0;
  let bestMinutes = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as UnitLine;
    if (!l.timed) continue;
    const rem = l.minutes - l.units * 15;
    if (rem <= 0) continue;
    if (best < 0 || rem > bestRem || (rem === bestRem && l.minutes > bestMinutes)) {
      best = i;
      bestRem = rem;
      bestMinutes = l.minutes;
    }
  }
  return best;
}

/**
 * The CMS 8-minute rule (Pub. 100-04 Ch. 5 §20.2), filling `units` of the timed lines in place: the day's
 * total timed minutes set the total units by the table; each code first gets its full 15-minute units
 * (never fewer, rule 3), and the units left go one each to the codes with the largest leftover minutes
 * (rules.md §1.3). Ties (the manual lets the provider choose, Ex. 2 and 5): the code with more total
 * minutes, then the one documented first.
 * @param lines - aggregated lines; untimed ones are skipped
 * @param explain - receives one sentence a step, or null to skip building text (bulk path)
 * @returns total timed minutes
 */
export function cmsUnits(lines: UnitLine[], explain: string[] | null): number {
  let total = 0;
  let fullSum = 0;
  let timedCount = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as UnitLine;
    if (!l.timed) continue;
    timedCount++;
    total += l.minutes;
    l.units = Math.floor(l.minutes / 15);
    fullSum += l.units;
  }
  const units = tableUnits(total);
  let left = units - fullSum; // always floor((Σrem + 7) / 15) >= 0, rules.md §1.3 step 3
  if (explain !== null && timedCount > 0) explainTotals(lines, total, units, explain);
  const winners: string[] | null = explain === null ? null : [];
  while (left > 0) {
    const i = nextLeftoverWinner(lines);
    if (i < 0) break; // cannot happen: each leftover unit has a code with leftover minutes
    const l = lines[i] as UnitLine;
    if (winners !== null) winners.push(`${l.code} (${l.minutes - l.units * 15} min left over)`);
    l.units += 1;
    left -= 1;
  }
  if (explain !== null && winners !== null) {
    if (winners.length > 0) explainLeftovers(lines, winners, explain);
    else if (timedCount > 0 && units === 0) {
      explain.push(`Under 8 timed minutes in all: no timed unit can be billed. (${CMS_UNITS_CITATION})`);
    }
  }
  return total;
}

function explainTotals(lines: readonly UnitLine[], total: number, units: number, explain: string[]): void {
  const parts: string[] = [];
  for (const l of lines) if (l.timed) parts.push(`${l.code} ${l.minutes}`);
  explain.push(`Total timed minutes: ${parts.join(' + ')} = ${total}. (${CMS_UNITS_CITATION})`);
  explain.push(
    `${total} timed minutes support ${plural(units, 'unit')} in all (${tableRange(units)} = ${units}). (${CMS_UNITS_CITATION}, unit table)`,
  );
  for (const l of lines) {
    if (!l.timed || l.units === 0) continue;
    const rem = l.minutes - l.units * 15;
    explain.push(
      `${l.code}: ${l.minutes} minutes hold ${plural(l.units, 'full 15-minute unit')}${rem > 0 ? `, ${rem} minutes left over` : ''}; a code done for 15 minutes or more gets at least that many. (${CMS_UNITS_CITATION})`,
    );
  }
}

function explainLeftovers(lines: readonly UnitLine[], winners: string[], explain: string[]): void {
  const losers: string[] = [];
  for (const l of lines) {
    const rem = l.minutes - l.units * 15;
    if (l.timed && rem > 0) losers.push(`${l.code} (${rem} min)`);
  }
  const n = winners.length;
  explain.push(
    `The ${n === 1 ? 'remaining unit goes' : `${n} remaining units go`} to the largest leftover minutes: ${winners.join(', ')}${losers.length ? `; ${losers.join(', ')} earn${losers.length === 1 ? 's' : ''} no further unit because the total supports no more` : ''}. Equal leftovers go to the code with more minutes, then the one documented first. (${CMS_UNITS_CITATION})`,
  );
}
