import {
  type Auditor,
  auditOptions,
  createAuditor,
  createPolicyRegistry,
  DISCIPLINES,
  type Patient,
  type PayerPolicyInput,
  type PlanOfCare,
  type Visit,
  type VisitAudit,
  whatIf,
} from '@unitwise/rules';
import type { HistoryVisit, Repositories, Patient as StoredPatient, StoredPlanOfCare } from '@unitwise/store';
import type { HistoryCache } from './history-cache.ts';
import type { PolicyCache } from './policy-cache.ts';
import { type ClinicPricing, type PricingCache, readPricing } from './pricing-cache.ts';

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

/** A small number per distinct policy list, so a key can name the list the clinic's cache returned. */
const policyListIds = new WeakMap<readonly PayerPolicyInput[], number>();
let nextPolicyListId = 1;
function policyListId(list: readonly PayerPolicyInput[]): number {
  let id = policyListIds.get(list);
  if (id === undefined) {
    id = nextPolicyListId++;
    policyListIds.set(list, id);
  }
  return id;
}

/** Whether a visit of the history comes before the one judged: earlier dates, and same-day ones for a new visit. */
function isBefore(v: { id: string; date: string }, visit: Visit): boolean {
  return v.id !== visit.id && (v.date < visit.date || (visit.id === '' && v.date === visit.date));
}

/**
 * Runs the rules engine on a visit as the server stores it: the patient's payer (the primary coverage in force on the
 * date), plans of care, the clinic's payer policies, and the patient's earlier visits as history. With a history
 * cache, the earlier visits are read and replayed only when their ids or versions (or the payer, plans or policies)
 * changed since the last save of this patient in this process.
 * @param repos - the store (or an open transaction)
 * @param clinicId - the clinic
 * @param visit - the visit content (`id` may be empty for a new visit)
 * @param known - the patient when the caller has read it already, the clinic policy cache, the clinic pricing cache
 *   (locality and charge master), the history cache
 */
export async function assessVisit(
  repos: Repositories,
  clinicId: string,
  visit: Visit,
  known: {
    patient?: Pick<StoredPatient, 'history'>;
    policies?: PolicyCache;
    pricing?: PricingCache;
    history?: HistoryCache;
  } = {},
): Promise<Assessment> {
  const [patient, coverage, plans, payers, pricing, versions] = await Promise.all([
    known.patient ?? repos.patients.get(clinicId, visit.patientId),
    repos.coverages.primaryOn(clinicId, visit.patientId, visit.date),
    repos.plansOfCare.listByPatient(clinicId, visit.patientId),
    known.policies
      ? known.policies.get(repos, clinicId)
      : repos.payerPolicies.list(clinicId).then((l) => l.map((p) => p.policy)),
    known.pricing ? known.pricing.get(repos, clinicId) : readPricing(repos, clinicId),
    known.history ? repos.visits.historyVersions(clinicId, visit.patientId, visit.date, HISTORY_LIMIT) : undefined,
  ]);
  const payer = coverage?.payer.policyId ?? NO_COVERAGE_POLICY;
  const rulesPatient: Patient = {
    id: visit.patientId,
    payer: createPolicyRegistry(payers).has(payer) ? payer : NO_COVERAGE_POLICY,
    plansOfCare: plans.map(toPlan),
    ...(patient?.history ? { history: patient.history } : {}),
  };
  let auditor: Auditor | undefined;
  const cacheKey = `${clinicId}\u0000${visit.patientId}`;
  let historyKey = '';
  if (known.history && versions) {
    // Newest first, as stored; the key names exactly the replayed visits and everything the replay read.
    const ids = versions.filter((v) => isBefore(v, visit)).map((v) => `${v.id}@${v.version}`);
    historyKey = `${policyListId(payers)}|${pricing.key}|${JSON.stringify(rulesPatient)}|${ids.join(',')}`;
    auditor = known.history.get(cacheKey, historyKey);
  }
  if (!auditor) {
    const earlier = (await repos.visits.history(clinicId, visit.patientId, visit.date, HISTORY_LIMIT)).filter((v) =>
      isBefore(v, visit),
    );
    auditor = replay(rulesPatient, payers, pricing, earlier);
    if (known.history) {
      // Cached only when the visits read are the ones the key names (a write between the two reads: not cached).
      const read = earlier.map((v) => `${v.id}@${v.version}`);
      if (historyKey.endsWith(`|${read.join(',')}`)) known.history.set(cacheKey, historyKey, auditor);
    }
  }
  // Explained units for the answer; the what-if is computed from the plain input below.
  const a = auditor.peekVisit(visit.id === '' ? { ...visit, id: 'new' } : visit, { explain: true, whatIf: false });
  const input = visit.services.map((s) => ({ code: s.code, minutes: s.minutes ?? 0 }));
  const method = a.units.method;
  return {
    findings: a.findings,
    lines: a.lines,
    units: a.units,
    estimate: a.estimate,
    whatIf: whatIf(input, method),
  };
}

/**
 * An auditor that has replayed a patient's earlier visits (bulk options: no explanation text for them).
 * @param patient - the patient as the engine sees it
 * @param payers - the clinic's payer policies
 * @param pricing - the clinic's PFS locality and charge master
 * @param newestFirst - the earlier visits, newest first as the store lists them
 */
function replay(
  patient: Patient,
  payers: readonly PayerPolicyInput[],
  pricing: ClinicPricing,
  newestFirst: readonly HistoryVisit[],
): Auditor {
  // A full window may have cut off the evaluation: a patient with that many notes was evaluated (evaluation-missing).
  const judged: Patient =
    newestFirst.length >= HISTORY_LIMIT
      ? { ...patient, history: { ...patient.history, evaluatedDisciplines: [...DISCIPLINES] } }
      : patient;
  // A small text memo: the cache keeps this auditor for as long as the patient is being documented.
  const auditor = createAuditor({
    patients: [judged],
    payers,
    options: auditOptions.bulk,
    textMemoMax: 64,
    charges: pricing.charges,
    ...(pricing.locality ? { locality: pricing.locality } : {}),
  });
  // The auditor wants date order. Same-day visits count as earlier only if stored earlier.
  for (let i = newestFirst.length - 1; i >= 0; i--) auditor.auditVisit(newestFirst[i] as HistoryVisit);
  return auditor;
}
