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

/** A check's entry in the registry: the check and whether it reads the patient's earlier notes. */
export interface CheckEntry {
  run: Check;
  /**
   * True when the check judges this visit against earlier ones (history, the reporting period's treatment days, the
   * year's KX spend): a client that has only the draft (the browser) cannot replay it and shows the server's finding.
   */
  needsHistory: boolean;
}

/** Every check, keyed by its rule id, in the order of the design's rule table. */
export const CHECKS: Readonly<Record<RuleId, CheckEntry>> = {
  'units-exceed-minutes': { run: checkUnitsExceedMinutes, needsHistory: false },
  'units-below-minutes': { run: checkUnitsBelowMinutes, needsHistory: false },
  'below-minimum-minutes': { run: checkBelowMinimumMinutes, needsHistory: false },
  'minutes-exceed-visit': { run: checkMinutesExceedVisit, needsHistory: false },
  'missing-time': { run: checkMissingTime, needsHistory: false },
  'inactive-time-billed': { run: checkInactiveTimeBilled, needsHistory: false },
  'vague-description': { run: checkVagueDescription, needsHistory: false },
  'missing-response': { run: checkMissingResponse, needsHistory: false },
  'cloned-description': { run: checkClonedDescription, needsHistory: true },
  'not-in-plan': { run: checkNotInPlan, needsHistory: false },
  'no-active-plan': { run: checkNoActivePlan, needsHistory: false },
  'plan-not-certified': { run: checkPlanNotCertified, needsHistory: false },
  'progress-report-due': { run: checkProgressReportDue, needsHistory: true },
  'not-one-on-one': { run: checkNotOneOnOne, needsHistory: false },
  'code-mismatch': { run: checkCodeMismatch, needsHistory: false },
  'discipline-modifier': { run: checkDisciplineModifier, needsHistory: false },
  'assistant-modifier': { run: checkAssistantModifier, needsHistory: false },
  'ncci-pair': { run: checkNcciPair, needsHistory: false },
  'mue-exceeded': { run: checkMueExceeded, needsHistory: false },
  'kx-threshold': { run: checkKxThreshold, needsHistory: true },
  'goal-not-measurable': { run: checkGoalNotMeasurable, needsHistory: true },
  'evaluation-missing': { run: checkEvaluationMissing, needsHistory: true },
};

/** The rules whose checks need earlier notes (`needsHistory`), derived from the registry. */
export const HISTORY_RULES: ReadonlySet<RuleId> = new Set(
  (Object.keys(CHECKS) as RuleId[]).filter((rule) => CHECKS[rule].needsHistory),
);

const ALL = Object.values(CHECKS).map((e) => e.run);

/**
 * Runs every check on one visit, appending findings to `ctx.findings`.
 * @param ctx - the check context
 */
export function runChecks(ctx: CheckContext): void {
  for (const check of ALL) check(ctx);
}
