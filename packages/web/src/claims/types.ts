/** Claims and remittances as `/api/v1` answers them (packages/server/src/routes/claims.ts, remittances.ts). */

export type ClaimStatus = 'draft' | 'ready' | 'exported' | 'paid' | 'partly-paid' | 'denied' | 'corrected' | 'voided';

/** A finding that holds a claim back, or a warning. */
export interface ClaimProblem {
  where: string;
  message: string;
}

export interface ClaimLineRecord {
  ordinal: number;
  controlNumber: string;
  code: string;
  modifiers: string[];
  dateOfService: string;
  units: number;
  chargeCents: number;
  expectedCents: number | null;
  paidCents: number;
  contractualCents: number;
  patientCents: number;
}

export interface ClaimRecord {
  id: string;
  claimNumber: string;
  patientId: string;
  payerId: string | null;
  status: ClaimStatus;
  frequency: '1' | '7' | '8';
  firstDate: string;
  lastDate: string;
  chargeCents: number;
  paidCents: number;
  patientCents: number;
  /** The X12 claim: only the fields the list shows are typed. */
  claim: { subscriber?: { lastName: string; firstName: string }; payer?: { name: string } };
  scrubErrors: ClaimProblem[];
  scrubWarnings: ClaimProblem[];
  payerClaimNumber: string | null;
  exportId: string | null;
  download: string | null;
  lines?: ClaimLineRecord[];
}

export interface BuildResult {
  items: ClaimRecord[];
  skipped: { visitId: string; reason: string }[];
  ready: number;
  held: number;
}

export interface ExportResult {
  id: string;
  fileName: string;
  claimCount: number;
  chargeCents: number;
  download: string;
}

export interface Explained {
  group: string;
  reason: string;
  amountCents: number;
  explanation: string;
}

export interface LinePosting {
  claimId: string;
  controlNumber: string | null;
  matchedBy: 'line-control' | 'code-date-charge' | 'unmatched';
  code: string;
  dateOfService?: string;
  chargeCents: number;
  paidCents: number;
  contractualCents: number;
  patientCents: number;
  expectedCents: number | null;
  varianceCents: number | null;
  adjustments: Explained[];
  remarks: { code: string; explanation: string }[];
}

/** Claims and money of a set of claim payments. */
export interface PostingCount {
  claims: number;
  paidCents: number;
  patientCents?: number;
}

/** A claim of the 835 that posts nothing, and why, in plain words. */
export interface UnmatchedClaim {
  claimNumber: string;
  reason: string;
  message: string;
  paidCents: number;
}

export interface Preview {
  balanced: boolean;
  postable: boolean;
  duplicateOf: string | null;
  /** Part of this payment was posted before (as that remittance); only the claims in `willPost` are new. */
  samePaymentAs?: string | null;
  /** The same trace number was posted with another amount or date. */
  conflicts?: {
    traceNumber: string;
    posted: { paymentCents: number; paymentDate: string | null };
    file: { paymentCents: number; paymentDate: string | null };
  }[];
  willPost?: PostingCount;
  notPosted?: PostingCount;
  unmatched?: UnmatchedClaim[];
  errors: ClaimProblem[];
  warnings: ClaimProblem[];
  failedChecks: { level: string; where: string; message: string }[];
  summary: Record<string, { checked: number; failed: number }>;
  payments: { traceNumber: string; payer: { name: string }; totalCents: number; paymentDate?: string }[];
  matches: {
    claimNumber: string;
    claimId: string | null;
    known: boolean;
    /** False: this claim posts nothing (see `unmatched`). */
    matched?: boolean;
    payerStatus: string;
    newStatus: ClaimStatus | null;
    statusError: string | null;
    paidCents: number;
    patientCents: number;
    lines: LinePosting[];
  }[];
  unknownClaims: string[];
  variances: LinePosting[];
  totals: { paidCents: number; contractualCents: number; patientCents: number; otherCents: number };
}

export interface RemittanceRecord {
  id: string;
  fileName: string | null;
  traceNumbers: string[];
  payerName: string;
  paymentDate: string | null;
  paymentCents: number;
  paidCents: number;
  contractualCents: number;
  patientCents: number;
  claimCount: number;
  unknownClaims: string[];
  postedAt: string;
  duplicate?: boolean;
  /** In the post answer: what was posted and what was not, with reasons. */
  posted?: PostingCount;
  notPosted?: PostingCount;
  unmatched?: UnmatchedClaim[];
}

export interface DenialRow {
  reason: string;
  group: string;
  payerId: string;
  /** The payer as its 835s name it. */
  payerName?: string;
  providerNpi: string;
  lines: number;
  amountCents: number;
  explanation: string;
  cause: { category: string; rule?: string };
}

export interface DenialReport {
  items: DenialRow[];
  byRule: Record<string, { lines: number; amountCents: number }>;
  totalCents: number;
}

/** A biller's hold on a visit (POST /visits/{id}/hold). */
export interface VisitHold {
  id: string;
  visitId: string;
  reason: string;
  heldAt: string;
  releaseReason: string | null;
  releasedAt: string | null;
}

/** One row of charge review (GET /charges). */
export interface ChargeRow {
  id: string;
  date: string;
  discipline: string;
  patientId: string;
  patientName: string;
  providerId: string | null;
  lines: { code: string; units: number; claimedUnits: number | null; modifiers: string[] }[];
  findings: { rule: string; severity: 'error' | 'warning' | 'info'; service?: number; message: string }[];
  estimate: { totalCents: number };
  payer: { id: string; name: string } | null;
  claim: { claimId: string; claimNumber: string; status: ClaimStatus } | null;
  hold: (VisitHold & { heldByName: string | null }) | null;
}

/** What a build would bill (GET /claims/build-preview). */
export interface BuildPreview {
  signed: number;
  toBill: number;
  byPayer: { payerId: string; payerName: string; visits: number }[];
  alreadyClaimed: number;
  onHold: number;
  noCoverage: number;
  notSigned: number;
  truncated: boolean;
}

/** What "rebuild all held claims" did (POST /claims/rebuild-held). */
export interface RebuildHeldResult {
  checked: number;
  ready: { id: string; claimNumber: string }[];
  stillHeld: { id: string; claimNumber: string; reasons: string[] }[];
  failed: { id: string; claimNumber: string; message: string }[];
  remaining: boolean;
}

/** An adjustment in plain words. */
export interface ExplainedAdjustment extends Explained {
  groupText: string;
}

/** One stored 835 line posting, codes explained. */
export interface PostedLineRecord {
  controlNumber: string | null;
  matchedBy: string;
  code: string;
  dateOfService: string | null;
  units: number;
  chargeCents: number;
  paidCents: number;
  contractualCents: number;
  patientCents: number;
  expectedCents: number | null;
  varianceCents: number | null;
  reversal: boolean;
  adjustments: ExplainedAdjustment[];
  remarks: { code: string; explanation: string }[];
}

/** One stored 835 claim posting. */
export interface PostedClaimRecord {
  claimId: string | null;
  claimNumber: string;
  payerStatus: string;
  payerClaimNumber: string;
  newStatus: ClaimStatus | null;
  statusError: string | null;
  paidCents: number;
  patientCents: number;
  adjustments: ExplainedAdjustment[];
  lines: PostedLineRecord[];
}

/** A claim in full (GET /claims/{id}/detail). */
export interface ClaimDetailRecord extends ClaimRecord {
  lines: ClaimLineRecord[];
  patient: { id: string; name: string };
  payer: { id: string; name: string } | null;
  visits: { id: string; date: string; status: string }[];
  events: {
    id: string;
    at: string;
    event: string;
    fromStatus: ClaimStatus | null;
    toStatus: ClaimStatus;
    by: string | null;
  }[];
  export: {
    id: string;
    fileName: string;
    createdAt: string;
    interchangeControl: number;
    claimCount: number;
    download: string;
  } | null;
  postings: (PostedClaimRecord & {
    remittanceId: string;
    traceNumbers: string[];
    payerName: string;
    paymentDate: string | null;
    postedAt: string;
    payerStatusText: string;
  })[];
  replacedBy: string | null;
}

/** A posted remittance in full (GET /remittances/{id}). */
export interface RemittanceDetailRecord extends RemittanceRecord {
  otherCents: number;
  claims: (PostedClaimRecord & { ordinal: number })[];
}
