import { isTimedCode } from '../catalog/codes.ts';
import { CITE } from './citations.ts';
import { type CheckContext, report } from './context.ts';

/**
 * inactive-time-billed: a timed service whose description shows rest, waiting, setup, paperwork or unattended
 * time inside its billed minutes ("rest breaks included", "hot pack while waiting"). Only time spent treating
 * the patient counts (Pub. 100-04 Ch. 5 §20.2; Pub. 100-02 Ch. 15 §220.3 E). Text that says the time was
 * excluded ("rest breaks not billed") clears it.
 * @param ctx - the check context
 */
export function checkInactiveTimeBilled(ctx: CheckContext): void {
  const services = ctx.visit.services;
  for (let i = 0; i < services.length; i++) {
    const s = services[i];
    const f = ctx.features[i];
    if (!s || !f || f.inactive.length === 0 || f.inactiveExcluded.length > 0 || !isTimedCode(s.code)) continue;
    report(
      ctx,
      'inactive-time-billed',
      'warning',
      `${s.code}'s description shows time that was not treatment (${f.inactive.map((e) => `"${e}"`).join(', ')}). Take rest, waiting, setup, paperwork and unattended time out of the billed minutes and record it as non-billable time.`,
      CITE.timeCounted,
      i,
    );
  }
}
