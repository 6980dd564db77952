import { CITE } from './citations.ts';
import { type CheckContext, report } from './context.ts';
import { addDays, dayNumber } from './dates.ts';
import { planLabel } from './plan-label.ts';

/** Upper-cases the first letter, for a label at the start of a sentence. */
const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** From this date a signed, dated order plus one transmission of the plan counts as certification. */
export const ORDER_TRANSMISSION_FROM = '2025-01-01';

/**
 * plan-not-certified: the plan was not certified within the payer's window (Medicare: 30 days after the first
 * treatment day, Pub. 100-02 Ch. 15 §220.1.3; the plan's start date stands for it). `certifiedDate` is the
 * physician/NPP signature date or, from 2025, the date of a signed order plus transmission of the plan
 * (rules.md §4.4). Still inside the window: an info reminder; past it and unsigned: an error; signed late: a
 * warning (delayed certification needs the reason documented).
 * @param ctx - the check context
 */
export function checkPlanNotCertified(ctx: CheckContext): void {
  const plan = ctx.plan;
  const within = ctx.policy?.documentation.certificationWithinDays;
  if (!plan || within == null) return;
  const dueDay = dayNumber(plan.startDate) + within;
  const certified = plan.certifiedDate;
  // The common case, certified in time, costs two day numbers and no strings.
  if (certified !== undefined && dayNumber(certified) <= dueDay) return;
  const due = addDays(plan.startDate, within);
  const orderNote =
    ctx.date >= ORDER_TRANSMISSION_FROM
      ? ' (from 2025 a signed, dated order plus sending the plan to the referring provider also counts)'
      : '';
  if (plan.certifiedDate === undefined) {
    if (dayNumber(ctx.date) > dueDay) {
      report(
        ctx,
        'plan-not-certified',
        'error',
        `${capitalize(planLabel(plan))} started ${plan.startDate} and is still not certified; certification was due by ${due}. Get the physician's or NPP's signature${orderNote}, and document why it was delayed.`,
        CITE.certification,
      );
    } else {
      report(
        ctx,
        'plan-not-certified',
        'info',
        `${capitalize(planLabel(plan))} is not certified yet; it must be by ${due}. Send it for the physician's or NPP's signature${orderNote}.`,
        CITE.certification,
      );
    }
    return;
  }
  if (certified !== undefined) {
    report(
      ctx,
      'plan-not-certified',
      'warning',
      `${capitalize(planLabel(plan))} was certified on ${certified}, after the ${within}-day window that ended ${due}. Keep a note of why certification was delayed (delayed certification is accepted with that reason).`,
      CITE.certification,
    );
  }
}
