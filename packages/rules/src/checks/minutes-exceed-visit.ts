import { isTimedCode, lookupCode } from '../catalog/codes.ts';
import { plural } from '../text/plural.ts';
import type { Service } from '../types.ts';
import { CITE } from './citations.ts';
import { type CheckContext, report } from './context.ts';
import { clockMinutes } from './dates.ts';

/**
 * minutes-exceed-visit: service and non-billable minutes add up to more than the clock time in to out, or the
 * documented total timed / total treatment minutes disagree with the services. Total treatment time is timed
 * plus untimed treatment and excludes non-billable time such as rest (Pub. 100-02 Ch. 15 §220.3 E).
 * @param ctx - the check context
 */
export function checkMinutesExceedVisit(ctx: CheckContext): void {
  const v = ctx.visit;
  let timed = 0;
  let untimed = 0;
  let untimedKnown = true;
  for (const s of v.services as Service[]) {
    const m = s.minutes !== undefined && s.minutes > 0 ? s.minutes : 0;
    if (isTimedCode(s.code)) timed += m;
    else if (s.minutes === undefined) untimedKnown = false;
    else untimed += m;
  }
  let nonBillable = 0;
  if (v.nonBillable) for (const n of v.nonBillable) nonBillable += Math.max(n.minutes, 0);
  const tin = clockMinutes(v.timeIn);
  const tout = clockMinutes(v.timeOut);
  if (tin !== undefined && tout !== undefined && tout > tin) {
    const clock = tout - tin;
    const used = timed + untimed + nonBillable;
    if (used > clock) {
      const parts = [`${timed} timed`];
      if (untimed) parts.push(`${untimed} untimed`);
      if (nonBillable) parts.push(`${nonBillable} non-billable`);
      report(
        ctx,
        'minutes-exceed-visit',
        'error',
        `The note accounts for ${plural(used, 'minute')} (${parts.join(' + ')}) but the patient was here ${plural(clock, 'minute')} (${v.timeIn}–${v.timeOut}). Correct the service minutes or the time in and out so they fit the visit.`,
        CITE.dailyNote,
      );
    }
    if (v.totalTreatmentMinutes !== undefined && v.totalTreatmentMinutes > clock) {
      report(
        ctx,
        'minutes-exceed-visit',
        'error',
        `Total treatment time is documented as ${plural(v.totalTreatmentMinutes, 'minute')}, longer than the ${plural(clock, 'minute')} from ${v.timeIn} to ${v.timeOut}. Correct the total or the clock times.`,
        CITE.dailyNote,
      );
    }
  }
  if (
    v.totalTimedMinutes !== undefined &&
    v.totalTimedMinutes !== timed &&
    untimed > 0 &&
    v.totalTimedMinutes === timed + untimed
  ) {
    // The gap is exactly the untimed codes' minutes: say which code is untimed rather than that totals disagree.
    untimedCounted(ctx);
  } else if (v.totalTimedMinutes !== undefined && v.totalTimedMinutes !== timed) {
    report(
      ctx,
      'minutes-exceed-visit',
      'error',
      `Total timed minutes are documented as ${v.totalTimedMinutes}, but the timed services add up to ${timed}. Make the total match the minutes of each timed service: the units billed must agree with it.`,
      CITE.dailyNote,
    );
  }
  if (v.totalTreatmentMinutes !== undefined) {
    const expected = timed + untimed;
    const wrong = untimedKnown ? v.totalTreatmentMinutes !== expected : v.totalTreatmentMinutes < timed;
    if (wrong) {
      report(
        ctx,
        'minutes-exceed-visit',
        'error',
        untimedKnown
          ? `Total treatment time is documented as ${plural(v.totalTreatmentMinutes, 'minute')}, but the services add up to ${expected} (timed ${timed} + untimed ${untimed}). Total treatment time is timed plus untimed treatment, without rest or other non-billable time: correct it.`
          : `Total treatment time is documented as ${plural(v.totalTreatmentMinutes, 'minute')}, less than the ${plural(timed, 'timed minute')} alone. Correct the total: it is timed plus untimed treatment time.`,
        CITE.dailyNote,
      );
    }
  }
}

/**
 * One finding per untimed service whose minutes were counted as timed minutes: a group code (97150) or a
 * supervised modality is billed once per session, so its minutes belong to total treatment time only
 * (Pub. 100-04 Ch. 5 §20.2; rules.md §1.2 rule 7).
 * @param ctx - the check context
 */
function untimedCounted(ctx: CheckContext): void {
  const services = ctx.visit.services;
  for (let i = 0; i < services.length; i++) {
    const s = services[i] as Service;
    if (isTimedCode(s.code) || s.minutes === undefined || s.minutes <= 0) continue;
    const info = lookupCode(s.code);
    if (!info) continue;
    const kind = info.group ? 'a group code' : info.evaluation ? 'an evaluation code' : 'an untimed code';
    report(
      ctx,
      'minutes-exceed-visit',
      'error',
      `${s.code} is ${kind}, billed as one unit per session whatever its length: its ${s.minutes} minutes are not timed minutes. Leave them out of total timed minutes (they still count in total treatment time).`,
      CITE.cmsUnits,
      i,
    );
  }
}
