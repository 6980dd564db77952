import type { UnpricedLine } from '../pricing/types.ts';
import type { Cents, Finding, IsoDate, UnitResult } from '../types.ts';
import type { WhatIf } from '../units/what-if.ts';

/** One service of an audited visit, as billed. */
export interface VisitAuditLine {
  code: string;
  /** Minutes documented (0 when none). */
  minutes: number;
  /** The engine's units for this service (a repeated code's units go to its services in order). */
  units: number;
  /** Units claimed in the note, or null when the engine's are used. */
  claimedUnits: number | null;
  modifiers: string[];
}

/** What the visit is estimated to pay. */
export interface VisitEstimate {
  /** Policy id, or 'unknown' when the patient or payer is not known. */
  payer: string;
  /** Allowed amount. */
  totalCents: Cents;
  payerCents: Cents;
  /** The patient's coinsurance. */
  patientCents: Cents;
  /** Why some billed line has no amount (a code off the fee schedule, a bundled code); absent when all are priced. */
  unpriced?: string;
  /** The lines behind `unpriced`: code, units and reason. */
  unpricedLines?: UnpricedLine[];
}

/** The audit of one visit. */
export interface VisitAudit {
  id: string;
  patientId: string;
  date: IsoDate;
  lines: VisitAuditLine[];
  findings: Finding[];
  units: UnitResult;
  /** How the next unit could be earned; absent when turned off (bulk runs). */
  whatIf?: WhatIf;
  estimate: VisitEstimate;
}

/** Counts over audited visits. */
export interface AuditSummary {
  visits: number;
  errors: number;
  warnings: number;
  /** Findings per rule id, every severity. */
  byRule: Record<string, number>;
}

/** The audit of a case file. */
export interface AuditReport {
  /** One per visit, in the file's order. */
  visits: VisitAudit[];
  summary: AuditSummary;
}

/** Switches for bulk runs. */
export interface AuditOptions {
  /** Build explanation sentences for units and pricing (default true). */
  explain: boolean;
  /** Compute the what-if of each visit (default true). */
  whatIf: boolean;
}

/** Ready-made option sets: `interactive` (everything) and `bulk` (no explanation text, no what-if). */
export const auditOptions = {
  interactive: { explain: true, whatIf: true },
  bulk: { explain: false, whatIf: false },
} as const satisfies Record<string, AuditOptions>;
