import { lookupCode } from '../catalog/codes.ts';
import { dollars } from '../pricing/rounding.ts';
import { kxThreshold } from '../reference/kx.ts';
import { CITE, hasModifier } from './citations.ts';
import { type CheckContext, report } from './context.ts';
import { yearOf } from './dates.ts';

/**
 * kx-threshold: the year's therapy spend passes the KX threshold with this visit and a line lacks KX. PT and
 * SLP share one amount, OT has its own (SSA §1833(g); rules.md §3.3; data/kx-thresholds.json). Spend is the
 * allowed amount: the patient's history for the year plus the visits audited so far, plus this one. Judged
 * where the payer applies the threshold.
 * @param ctx - the check context
 */
export function checkKxThreshold(ctx: CheckContext): void {
  if (!ctx.policy?.documentation.appliesKxThreshold) return;
  const t = kxThreshold(yearOf(ctx.date));
  if (!t) return;
  const ot = ctx.visit.discipline === 'OT';
  const limit = ot ? t.otCents : t.ptSlpCents;
  const after = ctx.spentBeforeCents + ctx.visitSpendCents;
  // KX is owed once the spend passes the threshold, whatever our estimate: a visit nobody can price is still
  // judged on the spend known before it (issue 15).
  const unknown = ctx.spendUnknownCodes;
  if (after <= limit && !(unknown.length > 0 && ctx.spentBeforeCents > limit)) return;
  if (ctx.visitSpendCents <= 0 && unknown.length === 0) return;
  const bucket = ot ? 'OT' : 'PT and SLP combined';
  const year = yearOf(ctx.date);
  const reach =
    unknown.length === 0
      ? `reaches ${dollars(after)} with this visit`
      : `was already ${dollars(ctx.spentBeforeCents)} before this visit${ctx.visitSpendCents > 0 ? ` (${dollars(after)} with the priced part of it)` : ''}; this visit's own amount is unknown because nothing prices ${unknown.join(', ')}`;
  const services = ctx.visit.services;
  for (let i = 0; i < services.length; i++) {
    const s = services[i];
    if (!s || hasModifier(s.modifiers, 'KX') || !lookupCode(s.code)) continue;
    if (s.units === 0 || (s.units === undefined && (ctx.serviceUnits[i] ?? 0) === 0)) continue;
    report(
      ctx,
      'kx-threshold',
      'error',
      `This year's ${bucket} therapy spend ${reach}, past the ${year} threshold of ${dollars(limit)}. Add KX to ${s.code} and make sure the note shows why continued therapy is medically necessary.`,
      `${CITE.kx}; ${t.source}`,
      i,
    );
  }
}
