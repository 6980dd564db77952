import { mueFor } from '../reference/mue.ts';
import { codeTotals } from './code-totals.ts';
import { type CheckContext, report } from './context.ts';
import { unitsWord } from './method-words.ts';

/**
 * mue-exceeded: more units of a code on the visit than its medically unlikely edit allows on one date of
 * service (rules.md §2.4; data/mue.json). MAI 1 is a line edit (extra units may go on another line with a
 * modifier when documented): a warning; MAI 2 and 3 are per-day limits: an error. Judged where the payer
 * applies NCCI.
 * @param ctx - the check context
 */
export function checkMueExceeded(ctx: CheckContext): void {
  if (!ctx.policy?.documentation.appliesNcci) return;
  for (const t of codeTotals(ctx)) {
    const mue = mueFor(t.code, ctx.date);
    if (!mue || t.billedUnits <= mue.units) continue;
    report(
      ctx,
      'mue-exceeded',
      mue.mai === 1 ? 'warning' : 'error',
      `${t.code} is billed for ${unitsWord(t.billedUnits)} today; its medically unlikely edit allows ${unitsWord(mue.units)} a day (MAI ${mue.mai}). ${mue.mai === 2 ? `Bill at most ${unitsWord(mue.units)}: this limit cannot be appealed.` : `Bill at most ${unitsWord(mue.units)}, or be ready to send records showing why more was needed.`}`,
      mue.source,
      t.firstClaimed >= 0 ? t.firstClaimed : t.first,
    );
  }
}
