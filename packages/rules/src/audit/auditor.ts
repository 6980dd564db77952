import { CLONE_MIN_WORDS } from '../checks/cloned-description.ts';
import type { CheckContext, PatientState } from '../checks/context.ts';
import { newPatientState } from '../checks/context.ts';
import { runChecks } from '../checks/index.ts';
import { createPolicyRegistry } from '../policies/registry.ts';
import { analyzeDescription, EMPTY_FEATURES } from '../text/analyze.ts';
import type { DescriptionFeatures } from '../text/features.ts';
import { descriptionKey } from '../text/fingerprint.ts';
import { serviceText } from '../text/service-text.ts';
import type { CaseFile, Cents, Patient, PayerPolicyInput, Service, Visit } from '../types.ts';
import { whatIf } from '../units/what-if.ts';
import { activePlan } from './active-plan.ts';
import { unitsAndPrice } from './estimate.ts';
import { recordVisit, spentBefore, treatmentDaysWith } from './history.ts';
import { summarize } from './summarize.ts';
import { type AuditOptions, type AuditReport, auditOptions, type VisitAudit, type VisitEstimate } from './types.ts';

/** Audits visits one at a time, remembering each patient's history between calls. */
export interface Auditor {
  /** Adds (or replaces, by id) patients the following visits may refer to. */
  addPatients(patients: readonly Patient[]): void;
  /**
   * Audits one visit: units, every check, pricing. Visits of one patient must come in date order (the
   * history of progress-report days, cloned descriptions and KX spend builds up call by call); visits of
   * different patients may interleave. An unknown patient or payer gives a visit audited without payer rules
   * and an estimate for payer 'unknown' (callers validate references first).
   */
  auditVisit(visit: Visit): VisitAudit;
  /**
   * Audits one visit against the patient's history so far without adding it to that history, so one auditor that
   * has replayed a patient's earlier visits can judge any number of drafts dated after them (a server re-saving a
   * note). `options` overrides the auditor's own for this visit (e.g. explanations for a bulk-replayed history).
   */
  peekVisit(visit: Visit, options?: Partial<AuditOptions>): VisitAudit;
}

/** What an auditor starts from. */
export interface AuditorInput {
  patients: readonly Patient[];
  /** The case file's own payer policies (added, or overriding built-ins by id). */
  payers?: readonly PayerPolicyInput[];
  /** Default `auditOptions.interactive`; `auditOptions.bulk` for large files. */
  options?: Partial<AuditOptions>;
  /**
   * Most description texts remembered (default 65,536). A server keeping many auditors alive, one per patient,
   * passes a small number so each stays a few kilobytes.
   */
  textMemoMax?: number;
  /** The clinic's PFS payment locality (`gpciLocalities`); absent: the national GPCIs of 1.000. */
  locality?: string;
  /** The clinic's charge per unit by code (its charge master), standing in for the spend of lines nothing prices. */
  charges?: Readonly<Record<string, Cents>>;
}

/**
 * Most distinct description texts an auditor remembers the features and clone key of; past it the memo starts
 * over, so memory stays bounded (about 100 bytes of text and two small objects each) on any size of file.
 */
const TEXT_MEMO_MAX = 1 << 16;

/** What the audit reads from one description text. */
interface DescriptionFacts {
  features: DescriptionFeatures;
  /** `descriptionKey(text, CLONE_MIN_WORDS)`: the cloned-description fingerprint. */
  key: number;
}

// Shared by every visit whose lines are all priced (never written to: spendOf gets a fresh array otherwise).
const NO_CODES: string[] = [];

// The KX spend of a visit with unpriced lines: the estimate plus the clinic's charge where it has one; the codes
// with neither go to `unknown`. Only called when a line is unpriced, so the usual visit allocates nothing here.
function spendOf(
  estimate: VisitEstimate,
  charges: Readonly<Record<string, Cents>> | undefined,
  unknown: string[],
): Cents {
  let cents = estimate.totalCents;
  for (const l of estimate.unpricedLines ?? []) {
    const charge = charges?.[l.code];
    if (charge !== undefined && charge > 0) cents += charge * l.units;
    else unknown.push(l.code);
  }
  return cents;
}

/**
 * Creates an auditor over a set of patients and payer policies.
 * @param input - patients, the case file's payers, options
 * @example
 * const auditor = createAuditor({ patients });
 * for (const v of visitsInDateOrder) report(auditor.auditVisit(v));
 */
export function createAuditor(input: AuditorInput): Auditor {
  const registry = createPolicyRegistry(input.payers ?? []);
  const options: AuditOptions = { ...auditOptions.interactive, ...input.options };
  const locality = input.locality;
  const charges = input.charges;
  const unitOptions = locality === undefined ? { explain: options.explain } : { explain: options.explain, locality };
  const patients = new Map<string, Patient>();
  const states = new Map<string, PatientState>();
  const addPatients = (list: readonly Patient[]): void => {
    for (const p of list) patients.set(p.id, p);
  };
  addPatients(input.patients);
  // Notes repeat descriptions word for word (templates, copy-forward), and what the audit reads from one (its
  // features and its clone key) is a pure function of the exact text: evidence quotes it, so the memo key is the
  // text itself, not a folded fingerprint.
  const textMemo = new Map<string, DescriptionFacts>();
  const memoMax = Math.max(1, input.textMemoMax ?? TEXT_MEMO_MAX);
  const factsOf = (text: string): DescriptionFacts => {
    let f = textMemo.get(text);
    if (f === undefined) {
      f = { features: analyzeDescription(text), key: descriptionKey(text, CLONE_MIN_WORDS) };
      if (textMemo.size >= memoMax) textMemo.clear();
      textMemo.set(text, f);
    }
    return f;
  };

  function stateOf(patientId: string): PatientState {
    let state = states.get(patientId);
    if (!state) {
      state = newPatientState();
      states.set(patientId, state);
    }
    return state;
  }

  function auditVisit(visit: Visit): VisitAudit {
    return run(visit, stateOf(visit.patientId), true, options, unitOptions);
  }

  function peekVisit(visit: Visit, override?: Partial<AuditOptions>): VisitAudit {
    const opts = override ? { ...options, ...override } : options;
    const units = override ? { ...unitOptions, explain: opts.explain } : unitOptions;
    return run(visit, forkState(stateOf(visit.patientId)), false, opts, units);
  }

  function run(
    visit: Visit,
    state: PatientState,
    record: boolean,
    options: AuditOptions,
    unitOptions: { explain: boolean; locality?: string },
  ): VisitAudit {
    const patient = patients.get(visit.patientId);
    const { policy, lines, units, serviceUnits, estimate } = unitsAndPrice(
      visit,
      patient?.payer,
      registry,
      unitOptions,
    );
    const services = visit.services;
    const n = services.length;
    const features: DescriptionFeatures[] = new Array(n);
    const descriptionKeys: number[] = new Array(n);
    for (let i = 0; i < n; i++) {
      // Description and assistance are one statement of skilled care to an auditor.
      const text = serviceText(services[i] as Service);
      if (text) {
        const facts = factsOf(text);
        features[i] = facts.features;
        descriptionKeys[i] = facts.key;
      } else {
        features[i] = EMPTY_FEATURES;
        descriptionKeys[i] = 0;
      }
    }
    const unknown: string[] = estimate.unpricedLines === undefined ? NO_CODES : [];
    const ctx: CheckContext = {
      visit,
      patient,
      policy,
      plan: activePlan(patient, visit),
      units,
      serviceUnits,
      features,
      descriptionKeys,
      history: state,
      treatmentDays: treatmentDaysWith(state, patient, visit),
      spentBeforeCents: spentBefore(state, patient, visit),
      visitAllowedCents: estimate.totalCents,
      visitSpendCents: estimate.unpricedLines === undefined ? estimate.totalCents : spendOf(estimate, charges, unknown),
      spendUnknownCodes: unknown,
      date: visit.date,
      findings: [],
    };
    runChecks(ctx);
    if (record) recordVisit(state, ctx);
    const audit: VisitAudit = {
      id: visit.id,
      patientId: visit.patientId,
      date: visit.date,
      lines,
      findings: ctx.findings,
      units,
      estimate,
    };
    if (options.whatIf) audit.whatIf = whatIf(lines, units.method, unitOptions);
    return audit;
  }

  return { addPatients, auditVisit, peekVisit };
}

/**
 * A copy of a patient's state that a peeked visit may change (the reporting periods and the year's spend start
 * lazily) while sharing what checks only read (descriptions seen, plans judged), so peeking costs a few objects.
 * @param s - the patient's state
 */
function forkState(s: PatientState): PatientState {
  const progress: PatientState['progress'] = {};
  for (const d of Object.keys(s.progress) as (keyof PatientState['progress'])[]) {
    const p = s.progress[d];
    if (p) progress[d] = { ...p };
  }
  return {
    descriptions: s.descriptions,
    progress,
    spendYear: s.spendYear,
    spentCents: { ...s.spentCents },
    goalsJudged: s.goalsJudged,
    evaluated: s.evaluated,
    lastDate: s.lastDate,
  };
}

/**
 * Audits a whole case file: each patient's visits in date order (a stable sort keeps same-day visits in file
 * order), results returned in the file's order, with the summary.
 * @param file - the case file (already validated)
 * @param options - `auditOptions.bulk` to skip explanations and what-ifs
 */
export function auditCase(file: CaseFile, options?: Partial<AuditOptions>): AuditReport {
  const auditor = createAuditor({ patients: file.patients, payers: file.payers ?? [], options: options ?? {} });
  const order = file.visits.map((_, i) => i);
  // Stable: equal dates keep their file order.
  order.sort((a, b) => {
    const da = (file.visits[a] as Visit).date;
    const db = (file.visits[b] as Visit).date;
    return da < db ? -1 : da > db ? 1 : a - b;
  });
  const visits: VisitAudit[] = new Array(file.visits.length);
  for (const i of order) visits[i] = auditor.auditVisit(file.visits[i] as Visit);
  return { visits, summary: summarize(visits) };
}
