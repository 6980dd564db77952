import { lookupCode } from '../catalog/codes.ts';
import { CITE } from './citations.ts';
import { type CheckContext, report } from './context.ts';
import { planLabel } from './plan-label.ts';

/**
 * not-in-plan: a service tied to no goal of the active plan of care (or to goal ids the plan does not have),
 * or a code the plan's planned codes do not include (Pub. 100-02 Ch. 15 §220.1.2; 97530 must aim at a
 * functional outcome of the plan, rules.md §2.1 [S20]). Evaluation codes are not judged.
 * @param ctx - the check context
 */
export function checkNotInPlan(ctx: CheckContext): void {
  const plan = ctx.plan;
  if (!plan) return;
  const services = ctx.visit.services;
  for (let i = 0; i < services.length; i++) {
    const s = services[i];
    if (!s || lookupCode(s.code)?.evaluation) continue;
    if (plan.plannedCodes && plan.plannedCodes.length > 0 && !plan.plannedCodes.includes(s.code)) {
      report(
        ctx,
        'not-in-plan',
        'warning',
        `${s.code} is not among the codes of ${planLabel(plan)} (${plan.plannedCodes.join(', ')}). Update the plan (and have it certified) before billing it, or bill the planned code that fits.`,
        CITE.plan,
        i,
      );
    }
    if (plan.goals.length === 0) continue;
    const ids = s.goalIds;
    let linked = false;
    const unknown: string[] = [];
    if (ids) {
      for (const id of ids) {
        if (plan.goals.some((g) => g.id === id)) linked = true;
        else unknown.push(id);
      }
    }
    if (linked && unknown.length === 0) continue;
    report(
      ctx,
      'not-in-plan',
      'warning',
      unknown.length > 0
        ? `${s.code} points to goal${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}, which ${planLabel(plan)} does not have. Link it to the goal of the plan it works toward.`
        : `${s.code} is tied to no goal of ${planLabel(plan)}. Link it to the goal it works toward, so the note shows why it was needed.`,
      CITE.plan,
      i,
    );
  }
}
