import type { PlanOfCare } from '../types.ts';

/**
 * Names a plan of care the way a therapist knows it (discipline and certification interval), not by its id.
 * @param plan - the plan
 */
export function planLabel(plan: PlanOfCare): string {
  return `the ${plan.discipline} plan of care of ${plan.startDate} to ${plan.endDate}`;
}
