import { plural } from '../text/plural.ts';
import { tableUnits } from '../units/unit-table.ts';
import { codeTotals } from './code-totals.ts';
import { type CheckContext, report } from './context.ts';
import { methodCitation, methodWords, unitsWord } from './method-words.ts';

/**
 * units-below-minutes: fewer units claimed than the minutes support (revenue left behind). Under CMS a code
 * done 15 minutes or more must carry at least its full 15-minute units, and the visit may bill the table value
 * of its pooled minutes (Pub. 100-04 Ch. 5 §20.2 rule 3); under per-code methods each code its own units.
 * @param ctx - the check context
 */
export function checkUnitsBelowMinutes(ctx: CheckContext): void {
  const method = ctx.units.method;
  const totals = codeTotals(ctx);
  let claimedTimed = 0;
  for (const t of totals) if (t.timed) claimedTimed += t.billedUnits;
  const pooledMax = tableUnits(ctx.units.totalTimedMinutes);
  for (const t of totals) {
    if (!t.claimed || !t.timed) continue;
    let under: boolean;
    let supported = t.engineUnits;
    if (method === 'cms') {
      const full = Math.floor(t.minutes / 15);
      under = t.billedUnits < full || (claimedTimed < pooledMax && t.billedUnits < t.engineUnits);
      if (t.billedUnits < full && full > supported) supported = full;
    } else {
      under = t.billedUnits < t.engineUnits;
    }
    if (!under) continue;
    report(
      ctx,
      'units-below-minutes',
      'warning',
      `${t.code} is billed for ${unitsWord(t.billedUnits)}, but its ${plural(t.minutes, 'minute')} support ${unitsWord(supported)} under ${methodWords(method)}. Bill ${unitsWord(supported)} unless part of that time was not skilled, direct treatment.`,
      methodCitation(method),
      t.firstClaimed,
    );
  }
}
