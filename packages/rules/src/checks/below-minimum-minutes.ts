import { plural } from '../text/plural.ts';
import { belowMinimum, codeTotals, minutesForOneUnit } from './code-totals.ts';
import { type CheckContext, report } from './context.ts';
import { methodCitation, methodWords } from './method-words.ts';

/**
 * below-minimum-minutes: a timed code with too few minutes for even one unit under the payer's method: under
 * 8 minutes (CMS, AMA) or 15 (per full 15). Under CMS a short code may still earn a unit from the pooled
 * total (Pub. 100-04 Ch. 5 §20.2 rule 5), so it is flagged only when the pooled result gives it none. A code
 * documented with 0 units claimed is recorded but not billed, which is right.
 * @param ctx - the check context
 */
export function checkBelowMinimumMinutes(ctx: CheckContext): void {
  const method = ctx.units.method;
  const services = ctx.visit.services;
  for (const t of codeTotals(ctx)) {
    if (!belowMinimum(t, method) || t.allClaimedZero) continue;
    if (t.minutes === 0 && services[t.first]?.minutes === undefined) continue; // missing-time reports it
    const billed = t.claimed && t.billedUnits > 0;
    const min = minutesForOneUnit(method);
    const pooledNote =
      method === 'cms' && ctx.units.totalTimedMinutes >= 8
        ? ' Its minutes still count in the visit’s timed total, which gave the units to other codes.'
        : '';
    report(
      ctx,
      'below-minimum-minutes',
      billed ? 'error' : 'warning',
      `${t.code} has ${plural(t.minutes, 'minute')}, fewer than the ${min} needed for a unit under ${methodWords(method)}.${pooledNote} ${billed ? 'Do not bill it: record it with 0 units' : 'Record it with 0 units (documented, not billed)'}, or document the minutes if more time was spent.`,
      methodCitation(method),
      t.first,
    );
  }
}
