import type { Patient, PlanOfCare, Visit } from '../types.ts';

/**
 * The plan of care of the visit's discipline whose certification interval covers the date of service; when
 * several do, the one that started last.
 * @param patient - the patient
 * @param visit - the visit
 */
export function activePlan(patient: Patient | undefined, visit: Visit): PlanOfCare | undefined {
  let best: PlanOfCare | undefined;
  for (const p of patient?.plansOfCare ?? []) {
    if (p.discipline !== visit.discipline || p.startDate > visit.date || p.endDate < visit.date) continue;
    if (!best || p.startDate > best.startDate) best = p;
  }
  return best;
}
