import { isTimedCode } from '../catalog/codes.ts';
import { CITE } from './citations.ts';
import { type CheckContext, report } from './context.ts';

/**
 * missing-time: a timed code without minutes (its units cannot be supported), or, where the payer requires
 * them, a note without total timed minutes or total treatment minutes (Pub. 100-02 Ch. 15 §220.3 E).
 * @param ctx - the check context
 */
export function checkMissingTime(ctx: CheckContext): void {
  const v = ctx.visit;
  let anyTimed = false;
  for (let i = 0; i < v.services.length; i++) {
    const s = v.services[i];
    if (!s || !isTimedCode(s.code)) continue;
    anyTimed = true;
    if (s.minutes === undefined) {
      report(
        ctx,
        'missing-time',
        'error',
        `${s.code} is billed per 15 minutes but no minutes are recorded for it. Enter the minutes of direct treatment (or start its timer) so its units can be supported.`,
        CITE.cmsUnits,
        i,
      );
    }
  }
  if (!ctx.policy?.documentation.requiresTotalMinutes || v.services.length === 0) return;
  const missing: string[] = [];
  if (anyTimed && v.totalTimedMinutes === undefined) missing.push('total timed minutes');
  if (v.totalTreatmentMinutes === undefined) missing.push('total treatment minutes');
  if (missing.length === 0) return;
  report(
    ctx,
    'missing-time',
    'error',
    `The note has no ${missing.join(' and no ')}; ${ctx.policy.name} requires ${missing.length > 1 ? 'both' : 'it'}. Add ${missing.join(' and ')} to the note (timed codes only, then timed plus untimed, without rest or other non-billable time).`,
    CITE.dailyNote,
  );
}
