import {
  createAuditor,
  createPolicyRegistry,
  type Patient,
  type PlanOfCare,
  type Visit,
  type VisitAudit,
} from '@unitwise/rules';
import type { Repositories, StoredPlanOfCare } from '@unitwise/store';

/** What the engine says about one visit: the findings to store, the unit lines, the units explained, the estimate. */
export type Assessment = Pick<VisitAudit, 'findings' | 'lines' | 'units' | 'estimate' | 'whatIf'>;

/** Earlier visits replayed into the auditor (cloned text, progress-report count, KX spend). */
export const HISTORY_LIMIT = 200;

/** Payer used when a patient has no coverage in force on the date: counted per code, like most commercial plans. */
const NO_COVERAGE_POLICY = 'commercial';

function toPlan(p: StoredPlanOfCare): PlanOfCare {
  return {
    id: p.id,
    discipline: p.discipline,
    startDate: p.startDate,
    endDate: p.endDate,
    ...(p.certifiedDate ? { certifiedDate: p.certifiedDate } : {}),
    goals: p.goals.filter((g) => g.status !== 'discontinued').map((g) => ({ id: g.id, text: g.text })),
    plannedCodes: p.plannedCodes,
    diagnoses: p.diagnoses,
  };
}

/**
 * Runs the rules engine on a visit as the server stores it: the patient's payer (the primary coverage in force on the
 * date), plans of care, the clinic's payer policies, and the patient's earlier visits as history.
 * @param repos - the store (or an open transaction)
 * @param clinicId - the clinic
 * @param visit - the visit content (`id` may be empty for a new visit)
 */
export async function assessVisit(repos: Repositories, clinicId: string, visit: Visit): Promise<Assessment> {
  const [patient, coverage, plans, policies, earlier] = await Promise.all([
    repos.patients.get(clinicId, visit.patientId),
    repos.coverages.primaryOn(clinicId, visit.patientId, visit.date),
    repos.plansOfCare.listByPatient(clinicId, visit.patientId),
    repos.payerPolicies.list(clinicId),
    repos.visits.list(clinicId, { patientId: visit.patientId, to: visit.date, limit: HISTORY_LIMIT }),
  ]);
  const payers = policies.map((p) => p.policy);
  const payer = coverage?.payer.policyId ?? NO_COVERAGE_POLICY;
  const rulesPatient: Patient = {
    id: visit.patientId,
    payer: createPolicyRegistry(payers).has(payer) ? payer : NO_COVERAGE_POLICY,
    plansOfCare: plans.map(toPlan),
    ...(patient?.history ? { history: patient.history } : {}),
  };
  const auditor = createAuditor({ patients: [rulesPatient], payers });
  // The list is newest first; the auditor wants date order. Same-day visits count as earlier only if stored earlier.
  const before = earlier.items
    .filter((v) => v.id !== visit.id && (v.date < visit.date || (visit.id === '' && v.date === visit.date)))
    .reverse();
  for (const v of before) auditor.auditVisit(v);
  const a = auditor.auditVisit(visit.id === '' ? { ...visit, id: 'new' } : visit);
  return {
    findings: a.findings,
    lines: a.lines,
    units: a.units,
    estimate: a.estimate,
    ...(a.whatIf ? { whatIf: a.whatIf } : {}),
  };
}
