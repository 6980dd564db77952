import { plural } from '../text/plural.ts';
import { tableUnits } from '../units/unit-table.ts';
import { belowMinimum, codeTotals } from './code-totals.ts';
import { type CheckContext, report } from './context.ts';
import { methodCitation, methodWords, unitsWord } from './method-words.ts';

/**
 * units-exceed-minutes: units claimed above what the minutes support under the payer's method. Under CMS a
 * code may carry its full 15-minute units plus at most one leftover unit, and the visit's timed units may not
 * pass the table value of the pooled minutes (Pub. 100-04 Ch. 5 §20.2); a provider may pick either code on a
 * tie, so an equally valid split is not flagged. Untimed codes are one unit a session.
 * @param ctx - the check context
 */
export function checkUnitsExceedMinutes(ctx: CheckContext): void {
  const method = ctx.units.method;
  const totals = codeTotals(ctx);
  let claimedTimed = 0;
  for (const t of totals) if (t.timed) claimedTimed += t.billedUnits;
  const pooledMax = tableUnits(ctx.units.totalTimedMinutes);
  for (const t of totals) {
    if (!t.claimed) continue;
    if (!t.timed) {
      if (t.line && t.billedUnits > 1) {
        report(
          ctx,
          'units-exceed-minutes',
          'error',
          `${t.code} is billed for ${unitsWord(t.billedUnits)}, but it is an untimed code: bill 1 unit for the session, whatever its minutes.`,
          methodCitation('cms'),
          t.firstClaimed,
        );
      }
      continue;
    }
    if (belowMinimum(t, method)) continue; // below-minimum-minutes explains this one
    let over: boolean;
    let allowed: number;
    if (method === 'cms') {
      const full = Math.floor(t.minutes / 15);
      allowed = full + (t.minutes - full * 15 > 0 ? 1 : 0);
      over = t.billedUnits > allowed || (claimedTimed > pooledMax && t.billedUnits > t.engineUnits);
      // The advice is the engine's own number: the per-code cap only decides whether to flag (20-22 min is 1 unit, not 2).
      if (over) allowed = t.engineUnits;
    } else {
      allowed = t.engineUnits;
      over = t.billedUnits > allowed;
    }
    if (!over) continue;
    const pooled =
      method === 'cms'
        ? ` The visit's ${plural(ctx.units.totalTimedMinutes, 'timed minute')} support ${unitsWord(pooledMax)} in all.`
        : '';
    report(
      ctx,
      'units-exceed-minutes',
      'error',
      `${t.code} is billed for ${unitsWord(t.billedUnits)}, but its ${plural(t.minutes, 'minute')} support ${unitsWord(allowed)} under ${methodWords(method)}.${pooled} Bill ${unitsWord(allowed)}, or correct the minutes if more time was actually spent with the patient.`,
      methodCitation(method),
      t.firstClaimed,
    );
  }
}
