/**
 * The domain types of the visit interchange format (shared/design.md, "The visit interchange format")
 * and of the engine's results. Every other package speaks these.
 */
import type { Authorization, AuthorizationUsedBefore } from './authorizations/types.ts';

/** A therapy discipline; it decides the GP/GO/GN modifier (Pub. 100-04 Ch. 5 §20.1). */
export const DISCIPLINES = ['PT', 'OT', 'SLP'] as const;
export type Discipline = (typeof DISCIPLINES)[number];

/** A provider credential; PTA, OTA and SLPA are assistants. */
export const CREDENTIALS = ['PT', 'PTA', 'OT', 'OTA', 'SLP', 'SLPA'] as const;
export type Credential = (typeof CREDENTIALS)[number];

export const NOTE_TYPES = ['evaluation', 're-evaluation', 'daily', 'progress-report', 'discharge'] as const;
export type NoteType = (typeof NOTE_TYPES)[number];

export const NON_BILLABLE_KINDS = ['rest', 'setup', 'documentation', 'waiting', 'other'] as const;
export type NonBillableKind = (typeof NON_BILLABLE_KINDS)[number];

/** Integer cents. Never a float amount of dollars. */
export type Cents = number;

/** A date of service, `YYYY-MM-DD`. */
export type IsoDate = string;

export interface Goal {
  id: string;
  text: string;
}

export interface PlanOfCare {
  id: string;
  discipline: Discipline;
  /** Certification interval start, `YYYY-MM-DD`. */
  startDate: IsoDate;
  /** Certification interval end, `YYYY-MM-DD`. */
  endDate: IsoDate;
  /** Physician/NPP signature (or order + transmission) date. */
  certifiedDate?: IsoDate;
  goals: Goal[];
  plannedCodes?: string[];
  /** ICD-10-CM codes. */
  diagnoses?: string[];
}

export interface PatientHistory {
  /** Treatment days since the last progress report, before the first visit in the file. */
  treatmentDaysSinceProgressReport?: number;
  /** This calendar year's allowed therapy spend before the file, for the KX threshold. */
  thresholdSpentCents?: { PT_SLP?: Cents; OT?: Cents };
  /**
   * Disciplines evaluated before the visits given, for evaluation-missing: set by a caller that replays only part of
   * a patient's notes (the server's history window), not part of the case-file format.
   */
  evaluatedDisciplines?: Discipline[];
  /** Visits this calendar year before the file, per discipline, for yearly visit limits (issue 11). */
  visitsThisYear?: Partial<Record<Discipline, number>>;
  /** What each authorization (by id) had used before the file (issue 11). */
  authorizationUsed?: Record<string, AuthorizationUsedBefore>;
}

export interface Patient {
  id: string;
  /** Policy id: built-in 'medicare' | 'medicaid' | 'commercial', or one from CaseFile.payers. */
  payer: string;
  plansOfCare?: PlanOfCare[];
  /** Prior authorizations of the patient's coverage (issue 11). */
  authorizations?: Authorization[];
  history?: PatientHistory;
}

export interface Service {
  code: string;
  /** Direct treatment minutes (timed codes). */
  minutes?: number;
  /** The part of `minutes` furnished by a PTA/OTA. */
  assistantMinutes?: number;
  /** Units claimed; absent: the engine's units are used. */
  units?: number;
  modifiers?: string[];
  /** Patients treated at the same time; above 1 is not one-on-one. */
  groupSize?: number;
  /** What was done: the functional task and its parameters (older notes hold assistance and cues here too). */
  description?: string;
  /** Assistance and cueing, e.g. "min assist, verbal cues for hand placement"; read with the description. */
  assistance?: string;
  goalIds?: string[];
}

export interface NonBillable {
  kind: NonBillableKind;
  minutes: number;
  note?: string;
}

export interface Visit {
  id: string;
  patientId: string;
  date: IsoDate;
  discipline: Discipline;
  /** Default 'daily'. */
  noteType?: NoteType;
  provider: { id?: string; credential: Credential };
  /** 'HH:MM' clock time. */
  timeIn?: string;
  timeOut?: string;
  totalTimedMinutes?: number;
  totalTreatmentMinutes?: number;
  services: Service[];
  nonBillable?: NonBillable[];
  /** The patient's response and progress toward goals. */
  response?: string;
}

/** The interchange file: `unitwise audit` reads it, the API speaks it. */
export interface CaseFile {
  patients: Patient[];
  visits: Visit[];
  payers?: PayerPolicyInput[];
}

// ---------------------------------------------------------------- findings

export const RULE_IDS = [
  'units-exceed-minutes',
  'units-below-minutes',
  'below-minimum-minutes',
  'minutes-exceed-visit',
  'missing-time',
  'inactive-time-billed',
  'vague-description',
  'missing-response',
  'cloned-description',
  'not-in-plan',
  'no-active-plan',
  'plan-not-certified',
  'progress-report-due',
  'not-one-on-one',
  'code-mismatch',
  'discipline-modifier',
  'assistant-modifier',
  'ncci-pair',
  'mue-exceeded',
  'kx-threshold',
  'goal-not-measurable',
  'evaluation-missing',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export type Severity = 'error' | 'warning' | 'info';

/** A check's result. `service` is the index in `visit.services`. */
export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** What is wrong and how to fix it, in plain words. */
  message: string;
  service?: number;
  /** Manual section, data file and quarter, or year. */
  citation?: string;
}

// ---------------------------------------------------------------- units

/** `cms`: pooled 8-minute rule; `ama`: per code midpoint; `per-code-15`: a unit per full 15 minutes per code. */
export const UNIT_METHODS = ['cms', 'ama', 'per-code-15'] as const;
export type UnitMethod = (typeof UNIT_METHODS)[number];

export interface UnitInputLine {
  code: string;
  minutes: number;
}

export interface UnitLine {
  code: string;
  minutes: number;
  /** Units the method gives this line. */
  units: number;
  timed: boolean;
}

export interface UnitResult {
  method: UnitMethod;
  totalTimedMinutes: number;
  /** Timed units plus one per untimed line. */
  totalUnits: number;
  lines: UnitLine[];
  /** One sentence a step, each with its citation, for a therapist. */
  explanation: string[];
}

// ---------------------------------------------------------------- payer policies

/** Documentation rules a payer enforces. */
export interface DocumentationRules {
  /** Treatment days between progress reports (Medicare: 10, Pub. 100-02 Ch. 15 §220.3 D); null: none. */
  progressReportEveryTreatmentDays: number | null;
  /** Days after the first treatment within which the plan must be certified (Medicare: 30, §220.1.3); null: none. */
  certificationWithinDays: number | null;
  /** GP/GO/GN required on therapy lines. */
  requiresDisciplineModifier: boolean;
  /** CQ/CO required when an assistant furnished more than 10% of a service. */
  requiresAssistantModifier: boolean;
  /** Total timed and total treatment minutes must be documented. */
  requiresTotalMinutes: boolean;
  /** KX threshold applies. */
  appliesKxThreshold: boolean;
  /** NCCI PTP and MUE edits apply. */
  appliesNcci: boolean;
}

export interface FeeScheduleEntry {
  code: string;
  /** Per unit. */
  cents: Cents;
}

/** How a policy prices a line: a flat per-unit schedule, or the Medicare PFS formula. */
export type PricingRule =
  | { kind: 'flat'; schedule: FeeScheduleEntry[]; source: string; defaultCents?: Cents }
  | { kind: 'mpfs'; locality?: string; source: string };

/** One effective-dated version of a payer's policy. */
export interface PolicyVersion {
  effectiveFrom: IsoDate;
  /** Inclusive; absent: still in force. */
  effectiveTo?: IsoDate;
  unitMethod: UnitMethod;
  documentation: DocumentationRules;
  pricing: PricingRule;
  /** Share of the allowed amount the patient pays (Medicare: 20%). */
  coinsurancePercent?: number;
  source: string;
}

export interface PayerPolicy {
  id: string;
  name: string;
  versions: PolicyVersion[];
}

/** A dated policy version as a case file gives it: any field, documentation rules in part. */
export type PolicyVersionInput = Omit<Partial<PolicyVersion>, 'documentation'> & {
  documentation?: Partial<DocumentationRules>;
};

/**
 * A policy as a case file may give it: a full policy, or an override of a built-in one by id
 * (fields given replace the built-in's; `unitMethod` alone is the common case).
 */
export interface PayerPolicyInput {
  id: string;
  name?: string;
  /** Shorthand for a policy whose every version uses this method. */
  unitMethod?: UnitMethod | string;
  basedOn?: string;
  /** Dated versions; documentation rules may be given in part (the rest from the base policy). */
  versions?: PolicyVersionInput[];
}
