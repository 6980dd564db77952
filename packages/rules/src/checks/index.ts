import type { RuleId } from '../types.ts';
import { checkAssistantModifier } from './assistant-modifier.ts';
import { checkBelowMinimumMinutes } from './below-minimum-minutes.ts';
import { checkClonedDescription } from './cloned-description.ts';
import { checkCodeMismatch } from './code-mismatch.ts';
import type { Check, CheckContext } from './context.ts';
import { checkDisciplineModifier } from './discipline-modifier.ts';
import { checkEvaluationMissing } from './evaluation-missing.ts';
import { checkGoalNotMeasurable } from './goal-not-measurable.ts';
import { checkInactiveTimeBilled } from './inactive-time-billed.ts';
import { checkKxThreshold } from './kx-threshold.ts';
import { checkMinutesExceedVisit } from './minutes-exceed-visit.ts';
import { checkMissingResponse } from './missing-response.ts';
import { checkMissingTime } from './missing-time.ts';
import { checkMueExceeded } from './mue-exceeded.ts';
import { checkNcciPair } from './ncci-pair.ts';
import { checkNoActivePlan } from './no-active-plan.ts';
import { checkNotInPlan } from './not-in-plan.ts';
import { checkNotOneOnOne } from './not-one-on-one.ts';
import { checkPlanNotCertified } from './plan-not-certified.ts';
import { checkProgressReportDue } from './progress-report-due.ts';
import { checkUnitsBelowMinutes } from './units-below-minutes.ts';
import { checkUnitsExceedMinutes } from './units-exceed-minutes.ts';
import { checkVagueDescription } from './vague-description.ts';

export * from './assistant-modifier.ts';
export * from './below-minimum-minutes.ts';
export * from './citations.ts';
export * from './cloned-description.ts';
export * from './code-families.ts';
export * from './code-mismatch.ts';
export * from './code-totals.ts';
export * from './context.ts';
export * from './dates.ts';
export * from './discipline-modifier.ts';
export * from './evaluation-missing.ts';
export * from './goal-not-measurable.ts';
export * from './inactive-time-billed.ts';
export * from './kx-threshold.ts';
export * from './method-words.ts';
export * from './minutes-exceed-visit.ts';
export * from './missing-response.ts';
export * from './missing-time.ts';
export * from './mue-exceeded.ts';
export * from './ncci-pair.ts';
export * from './no-active-plan.ts';
export * from './not-in-plan.ts';
export * from './not-one-on-one.ts';
export * from './plan-not-certified.ts';
export * from './progress-report-due.ts';
export * from './service-units.ts';
export * from './units-below-minutes.ts';
export * from './units-exceed-minutes.ts';
export * from './vague-description.ts';

/** Every check, keyed by its rule id, in the order of the design's rule table. */
export const CHECKS: Readonly<Record<RuleId, Check>> = {
  'units-exceed-minutes': checkUnitsExceedMinutes,
  'units-below-minutes': checkUnitsBelowMinutes,
  'below-minimum-minutes': checkBelowMinimumMinutes,
  'minutes-exceed-visit': checkMinutesExceedVisit,
  'missing-time': checkMissingTime,
  'inactive-time-billed': checkInactiveTimeBilled,
  'vague-description': checkVagueDescription,
  'missing-response': checkMissingResponse,
  'cloned-description': checkClonedDescription,
  'not-in-plan': checkNotInPlan,
  'no-active-plan': checkNoActivePlan,
  'plan-not-certified': checkPlanNotCertified,
  'progress-report-due': checkProgressReportDue,
  'not-one-on-one': checkNotOneOnOne,
  'code-mismatch': checkCodeMismatch,
  'discipline-modifier': checkDisciplineModifier,
  'assistant-modifier': checkAssistantModifier,
  'ncci-pair': checkNcciPair,
  'mue-exceeded': checkMueExceeded,
  'kx-threshold': checkKxThreshold,
  'goal-not-measurable': checkGoalNotMeasurable,
  'evaluation-missing': checkEvaluationMissing,
};

const ALL = Object.values(CHECKS);

/**
 * Runs every check on one visit, appending findings to `ctx.findings`.
 * @param ctx - the check context
 */
export function runChecks(ctx: CheckContext): void {
  for (const check of ALL) check(ctx);
}
