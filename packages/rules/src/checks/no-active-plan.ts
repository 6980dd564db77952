import { article } from '../text/plural.ts';
import { CITE } from './citations.ts';
import { type CheckContext, report } from './context.ts';

/**
 * no-active-plan: no plan of care of the visit's discipline covers the date of service (Pub. 100-02 Ch. 15
 * §220.1). An evaluation visit is where the plan is written, so it is not judged. An error where the payer
 * requires certified plans (Medicare), a warning otherwise.
 * @param ctx - the check context
 */
export function checkNoActivePlan(ctx: CheckContext): void {
  const v = ctx.visit;
  // An unknown patient is an input error the caller reports; its plans cannot be judged.
  if (ctx.plan || !ctx.patient || v.noteType === 'evaluation') return;
  const severity = ctx.policy?.documentation.certificationWithinDays != null ? 'error' : 'warning';
  let ended: string | undefined;
  let starts: string | undefined;
  for (const p of ctx.patient?.plansOfCare ?? []) {
    if (p.discipline !== v.discipline) continue;
    if (p.endDate < v.date && (!ended || p.endDate > ended)) ended = p.endDate;
    if (p.startDate > v.date && (!starts || p.startDate < starts)) starts = p.startDate;
  }
  const why = ended
    ? `The last ${v.discipline} plan ended on ${ended}: recertify the plan (new interval and signature) to keep treating.`
    : starts
      ? `The ${v.discipline} plan starts only on ${starts}: check the date of service or the plan's start date.`
      : `Write ${article(v.discipline)} ${v.discipline} plan of care (evaluation, goals, frequency and duration) and have it certified.`;
  report(ctx, 'no-active-plan', severity, `No ${v.discipline} plan of care covers ${v.date}. ${why}`, CITE.activePlan);
}
