import type { ResolvedPolicy } from '../policies/registry.ts';
import type { DescriptionFeatures } from '../text/features.ts';
import type {
  Cents,
  Discipline,
  Finding,
  IsoDate,
  Patient,
  PlanOfCare,
  RuleId,
  Severity,
  UnitResult,
  Visit,
} from '../types.ts';
import type { CodeTotals } from './code-totals.ts';

/** An earlier visit, as messages name it. */
export interface VisitRef {
  id: string;
  date: IsoDate;
}

/** Progress-report bookkeeping of one discipline (Pub. 100-02 Ch. 15 §220.3 D). */
export interface ReportPeriod {
  /** Treatment days in the current reporting period, through the last visit recorded. */
  days: number;
  /** Date of the last treatment day counted (two visits on one date are one treatment day). */
  lastDate: IsoDate | undefined;
}

/**
 * What the auditor remembers of one patient between visits: earlier descriptions, treatment days since the
 * last progress report per discipline, and this year's spend toward the KX threshold by bucket.
 */
export interface PatientState {
  /** Fingerprint of each description seen (case and whitespace normalised) → the first visit that had it. */
  descriptions: Map<number, VisitRef>;
  progress: Partial<Record<Discipline, ReportPeriod>>;
  /** Calendar year the spend belongs to; undefined before the first visit. */
  spendYear: number | undefined;
  /** Allowed amounts so far this year: PT and SLP combined, OT apart (SSA §1833(g); rules.md §3.3). */
  spentCents: { PT_SLP: Cents; OT: Cents };
  /** Plans whose goals were already judged (goal-not-measurable reports a plan once). */
  goalsJudged: Set<string>;
  /** Disciplines with an evaluation on record (evaluation-missing). */
  evaluated: Set<Discipline>;
  /** Date of the last visit recorded, to enforce date order. */
  lastDate: IsoDate | undefined;
}

/** Everything a check may read about one visit; checks push their findings to `findings`. */
export interface CheckContext {
  visit: Visit;
  patient: Patient | undefined;
  /** The payer policy in force on the date; undefined for an unknown payer (policy-driven checks stay quiet). */
  policy: ResolvedPolicy | undefined;
  /** The plan of care of the visit's discipline covering the date, if any. */
  plan: PlanOfCare | undefined;
  /** Units by the payer's method (one line per distinct code). */
  units: UnitResult;
  /** The engine's units per service index (a repeated code's units go to its services in order). */
  serviceUnits: readonly number[];
  /** Analysed description per service index. */
  features: readonly DescriptionFeatures[];
  /** Per service: fingerprint of its description for cloned-description (`descriptionKey`), 0 when too short. */
  descriptionKeys: readonly number[];
  /** The patient's state before this visit. */
  history: PatientState;
  /** Treatment days in the current reporting period including this visit (0 for a report visit itself). */
  treatmentDays: number;
  /** This year's spend in the visit's KX bucket before this visit. */
  spentBeforeCents: Cents;
  /** The visit's allowed amount. */
  visitAllowedCents: Cents;
  /**
   * What the visit adds to the KX spend: its allowed amount, plus the clinic's charge for lines nothing prices
   * (Pub. 100-04 Ch. 5 §10.3: the threshold counts the allowed amount; our estimate stands in for it).
   */
  visitSpendCents: Cents;
  /** Billed codes with no price and no clinic charge: their part of the spend is unknown. */
  spendUnknownCodes: readonly string[];
  date: IsoDate;
  findings: Finding[];
  /** Per-code totals, filled on first use by `codeTotals`. */
  codeTotals?: CodeTotals[];
}

/** A check: reads the context, pushes findings. */
export type Check = (ctx: CheckContext) => void;

/**
 * Appends one finding.
 * @param ctx - the check context
 * @param rule - stable rule id
 * @param severity - error, warning or info
 * @param message - what is wrong and how to fix it
 * @param citation - the source of the rule
 * @param service - index in `visit.services`, when the finding concerns one service
 */
export function report(
  ctx: CheckContext,
  rule: RuleId,
  severity: Severity,
  message: string,
  citation: string,
  service?: number,
): void {
  ctx.findings.push(
    service === undefined ? { rule, severity, message, citation } : { rule, severity, message, service, citation },
  );
}

/**
 * A fresh state for a patient with no visits yet.
 */
export function newPatientState(): PatientState {
  return {
    descriptions: new Map(),
    progress: {},
    spendYear: undefined,
    spentCents: { PT_SLP: 0, OT: 0 },
    goalsJudged: new Set(),
    evaluated: new Set(),
    lastDate: undefined,
  };
}
