import {
  auditOptions,
  computeUnits,
  createAuditor,
  createPolicyRegistry,
  type Patient,
  type PlanOfCare,
  type Visit,
  type VisitAudit,
  whatIf,
} from '@unitwise/rules';
import type { Repositories, Patient as StoredPatient, StoredPlanOfCare } from '@unitwise/store';
import type { PolicyCache } from './policy-cache.ts';

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
 * @param known - the patient when the caller has read it already, and the clinic policy cache
 */
export async function assessVisit(
  repos: Repositories,
  clinicId: string,
  visit: Visit,
  known: { patient?: StoredPatient; policies?: PolicyCache } = {},
): Promise<Assessment> {
  const [patient, coverage, plans, payers, earlier] = await Promise.all([
    known.patient ?? repos.patients.get(clinicId, visit.patientId),
    repos.coverages.primaryOn(clinicId, visit.patientId, visit.date),
    repos.plansOfCare.listByPatient(clinicId, visit.patientId),
    known.policies
      ? known.policies.get(repos, clinicId)
      : repos.payerPolicies.list(clinicId).then((l) => l.map((p) => p.policy)),
    // Services only: the history the auditor keeps (fingerprints, treatment days, spend) never reads non-billable time.
    repos.visits.history(clinicId, visit.patientId, visit.date, HISTORY_LIMIT),
  ]);
  const payer = coverage?.payer.policyId ?? NO_COVERAGE_POLICY;
  const rulesPatient: Patient = {
    id: visit.patientId,
    payer: createPolicyRegistry(payers).has(payer) ? payer : NO_COVERAGE_POLICY,
    plansOfCare: plans.map(toPlan),
    ...(patient?.history ? { history: patient.history } : {}),
  };
  // Bulk options: no explanation text for the replayed history; the saved visit's explanation is built below.
  const auditor = createAuditor({ patients: [rulesPatient], payers, options: auditOptions.bulk });
  // The list is newest first; the auditor wants date order. Same-day visits count as earlier only if stored earlier.
  const before = earlier
    .filter((v) => v.id !== visit.id && (v.date < visit.date || (visit.id === '' && v.date === visit.date)))
    .reverse();
  for (const v of before) auditor.auditVisit(v);
  const a = auditor.auditVisit(visit.id === '' ? { ...visit, id: 'new' } : visit);
  const input = visit.services.map((s) => ({ code: s.code, minutes: s.minutes ?? 0 }));
  const method = a.units.method;
  return {
    findings: a.findings,
    lines: a.lines,
    units: computeUnits(input, method),
    estimate: a.estimate,
    whatIf: whatIf(input, method),
  };
}
