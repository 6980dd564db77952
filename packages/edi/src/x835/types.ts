import type { Problem } from '../problem.ts';

/** One CAS adjustment (a group and one reason/amount/quantity triplet). Positive amounts reduce the payment. */
export interface Adjustment {
  group: string;
  reason: string;
  amountCents: number;
  quantity?: number;
}

/** An adjudicated procedure (SVC01 / SVC06 composite). */
export interface Procedure {
  qualifier: string;
  code: string;
  modifiers: string[];
}

/** A 2110 service line. */
export interface RemitLine {
  /** Position of its SVC in the transaction set (ST = 1); `remitWhere` names it for people. */
  segment: number;
  procedure: Procedure;
  /** SVC06: the code as submitted, when the payer re-coded the line. */
  submittedProcedure?: Procedure;
  chargeCents: number;
  paidCents: number;
  /** SVC05; missing means 1 (x12.md §4 import pitfalls). Negative on reversals. */
  units: number;
  /** DTM*472, or DTM*150 when a range is sent. */
  dateOfService?: string;
  /** DTM*151, end of the range. */
  dateOfServiceEnd?: string;
  adjustments: Adjustment[];
  /** REF*6R, the echo of our 837 line item control number. */
  lineControl?: string;
  /** AMT*B6. */
  allowedCents?: number;
  /** LQ*HE remark codes. */
  remarks: string[];
}

/** A 2100 claim payment. */
export interface RemitClaim {
  /** Position of its CLP in the transaction set (ST = 1). */
  segment: number;
  /** CLP01, our CLM01. */
  claimId: string;
  /** CLP02. */
  status: string;
  chargeCents: number;
  paidCents: number;
  patientCents: number;
  /** CLP06. */
  filingIndicator: string;
  /** CLP07: the payer's claim control number, for REF*F8 on corrected claims. */
  payerClaimNumber: string;
  /** CLP08 facility type / place of service. */
  facility: string;
  /** CLP09 frequency. */
  frequency: string;
  /** NM1*QC: the patient as the payer has it. */
  patient?: { lastName: string; firstName: string; idQualifier: string; id: string };
  /** DTM*232 / DTM*233: the claim's statement period, `YYYY-MM-DD`. */
  statementFrom?: string;
  statementTo?: string;
  renderingNpi?: string;
  /** Claim-level CAS. */
  adjustments: Adjustment[];
  /** MOA/MIA remark codes. */
  remarks: string[];
  lines: RemitLine[];
}

/** A PLB provider-level adjustment: positive amounts reduce the payment. */
export interface ProviderAdjustment {
  where: string;
  providerId: string;
  date: string;
  reason: string;
  reference: string;
  amountCents: number;
}

/** One 835 transaction set (ST..SE): one payment. */
export interface RemitTransaction {
  where: string;
  control: string;
  /** BPR01: I payment with remittance, H notification only, C payment only, … */
  handling: string;
  /** BPR02. */
  totalCents: number;
  creditDebit: string;
  /** BPR04: ACH, CHK, NON, … */
  method: string;
  /** BPR16, `YYYY-MM-DD`. */
  paymentDate?: string;
  /** TRN02: the check or EFT trace number. */
  traceNumber: string;
  /** TRN03: payer id. */
  payerId: string;
  payer: { name: string; id?: string };
  payee: { name: string; idQualifier?: string; id?: string; taxId?: string };
  claims: RemitClaim[];
  providerAdjustments: ProviderAdjustment[];
  /** Σ CLP04, kept even when claims are streamed away. */
  paidTotalCents: number;
  /** Σ PLB amounts. */
  plbTotalCents: number;
  claimCount: number;
  lineCount: number;
}

/** One balancing equation's outcome (X12 RFI 2348; x12.md §4 "Balancing"). */
export interface BalanceCheck {
  level: 'service' | 'claim' | 'transaction';
  where: string;
  ok: boolean;
  expectedCents: number;
  actualCents: number;
  message: string;
}

/** Counts per level, for files too large to keep every check. */
export interface BalanceSummary {
  service: { checked: number; failed: number };
  claim: { checked: number; failed: number };
  transaction: { checked: number; failed: number };
}

/** A read 835 file. */
export interface Remittance {
  interchange: { control: string; sender: string; receiver: string; date: string; version: string };
  transactions: RemitTransaction[];
  /** Every check kept (all when claims are kept, failures only when streamed). */
  checks: BalanceCheck[];
  summary: BalanceSummary;
  /** True when every balancing check holds. */
  balanced: boolean;
  /** Structure and balancing errors. A file with errors must not be posted. */
  errors: Problem[];
  /** Notes that do not stop posting (GS08 not 005010X221A1, unknown group codes, …). */
  warnings: Problem[];
  segmentCount: number;
}

/**
 * Names a segment position for people: `ST 0001 segment 12 (CLP)`. Positions are kept as numbers while reading
 * (a 50 MB file has a million of them) and turned into words only when shown.
 * @param transaction - the transaction set's control number (ST02)
 * @param segment - the position in the set (ST = 1)
 * @param tag - the segment tag
 */
export function remitWhere(transaction: string, segment: number, tag: string): string {
  return `ST ${transaction} segment ${segment} (${tag})`;
}
