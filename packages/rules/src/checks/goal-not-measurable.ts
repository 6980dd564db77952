import { judgeGoal } from '../text/goal-target.ts';
import { CITE } from './citations.ts';
import { type CheckContext, report } from './context.ts';
import { planLabel } from './plan-label.ts';

/**
 * goal-not-measurable: a goal of the active plan of care without a measurable target (a number with a unit,
 * a named test, an assistance level, or accuracy). Long-term goals must be measurable (Pub. 100-02 Ch. 15
 * §220.1.2). Each plan is judged once per patient, on its first audited visit.
 * @param ctx - the check context
 */
export function checkGoalNotMeasurable(ctx: CheckContext): void {
  const plan = ctx.plan;
  if (!plan || ctx.history.goalsJudged.has(plan.id)) return;
  for (const g of plan.goals) {
    const j = judgeGoal(g.text);
    if (j.target) continue;
    report(
      ctx,
      'goal-not-measurable',
      'warning',
      `A goal of ${planLabel(plan)} ("${g.text.length > 60 ? `${g.text.slice(0, 57)}...` : g.text}") has no measurable target. Rewrite it with a number, test score or assistance level${j.timeframe ? '' : ' and a timeframe'}, e.g. "sit-to-stand from 18 in chair with SBA x5 in 4 weeks".`,
      CITE.goals,
    );
  }
}
