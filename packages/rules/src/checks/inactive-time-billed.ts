import { isTimedCode } from '../catalog/codes.ts';
import { quotePhrases } from '../text/reading.ts';
import { CITE } from './citations.ts';
import { type CheckContext, report } from './context.ts';

/**
 * inactive-time-billed: a timed service whose description shows rest, waiting, preparation, paperwork or
 * unattended time inside its billed minutes ("rest breaks included", "minutes include preparing the treatment
 * area", "fetching a walker", "waited for a room", "writing the note"). Only time spent treating the patient
 * counts; pre- and post-delivery services are excluded (Pub. 100-04 Ch. 5 §20.2; Pub. 100-02 Ch. 15 §220.3 E;
 * rules.md §4.2). An assistance level is not preparation: "setup assist", "stand-by", "contact guard" are the
 * help the patient needed (FIM and Section GG levels). Text that says the time was excluded ("rest breaks not
 * billed") clears it.
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
      `${s.code}'s billed minutes include time that was not treatment (${quotePhrases(f.inactive)}). Take rest, waiting, preparation, clean-up, paperwork and unattended time out of the billed minutes and record it as non-billable time.`,
      CITE.timeCounted,
      i,
    );
  }
}
