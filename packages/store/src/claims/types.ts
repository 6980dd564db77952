/**
 * Claims and remittances as the store keeps them. The X12 claim itself (`@unitwise/edi`'s `Claim`) is stored as JSON
 * and typed `unknown` here, so the store does not depend on the EDI package; the server narrows it.
 */
import type { Instant, Page, PageRequest, Result } from '../types.ts';

/** The statuses of `@unitwise/edi` CLAIM_STATUSES (the database CHECK holds the same list). */
export const STORED_CLAIM_STATUSES = [
  'draft',
  'ready',
  'exported',
  'paid',
  'partly-paid',
  'denied',
  'corrected',
  'voided',
] as const;
export type StoredClaimStatus = (typeof STORED_CLAIM_STATUSES)[number];

/** A scrub finding: where and what, in plain words. */
export interface ClaimProblem {
  where: string;
  message: string;
}

/** The clinic's billing settings (billing provider, submitter, receiver) as JSON, plus the counters. */
export interface ClaimSettings {
  clinicId: string;
  settings: unknown;
  nextClaimSeq: number;
  nextControl: number;
  updatedAt: Instant;
}

export interface NewClaimLine {
  controlNumber: string;
  code: string;
  modifiers: string[];
  dateOfService: string;
  units: number;
  chargeCents: number;
  expectedCents: number | null;
}

export interface StoredClaimLine extends NewClaimLine {
  ordinal: number;
  paidCents: number;
  contractualCents: number;
  patientCents: number;
  otherCents: number;
}

/** What a built (or rebuilt) claim brings. */
export interface NewClaim {
  claimNumber: string;
  patientId: string;
  payerId: string | null;
  payerPolicyId: string;
  renderingNpi: string | null;
  status: StoredClaimStatus;
  frequency: '1' | '7' | '8';
  /** The X12 claim (edi `Claim`). */
  claim: unknown;
  chargeCents: number;
  lines: NewClaimLine[];
  visitIds: string[];
  scrubErrors: ClaimProblem[];
  scrubWarnings: ClaimProblem[];
  payerClaimNumber?: string | null;
  replacesClaimId?: string | null;
  createdBy?: string | null;
}

export interface StoredClaim {
  id: string;
  clinicId: string;
  claimNumber: string;
  patientId: string;
  payerId: string | null;
  payerPolicyId: string;
  renderingNpi: string | null;
  status: StoredClaimStatus;
  frequency: '1' | '7' | '8';
  firstDate: string;
  lastDate: string;
  chargeCents: number;
  paidCents: number;
  patientCents: number;
  claim: unknown;
  scrubErrors: ClaimProblem[];
  scrubWarnings: ClaimProblem[];
  payerClaimNumber: string | null;
  replacesClaimId: string | null;
  exportId: string | null;
  version: number;
  createdBy: string | null;
  createdAt: Instant;
  updatedAt: Instant;
}

/** One step of a claim's life. */
export interface ClaimEventRecord {
  id: string;
  at: Instant;
  event: string;
  fromStatus: StoredClaimStatus | null;
  toStatus: StoredClaimStatus;
  userId: string | null;
  detail: Record<string, unknown> | null;
}

export interface ClaimDetail extends StoredClaim {
  lines: StoredClaimLine[];
  visitIds: string[];
  events: ClaimEventRecord[];
}

export interface ClaimQuery extends PageRequest {
  status?: StoredClaimStatus;
  payerId?: string;
  patientId?: string;
}

export interface ClaimExport {
  id: string;
  clinicId: string;
  interchangeControl: number;
  groupControl: number;
  claimCount: number;
  chargeCents: number;
  fileName: string;
  createdBy: string | null;
  createdAt: Instant;
}

export interface NewClaimExport {
  interchangeControl: number;
  groupControl: number;
  fileName: string;
  text: string;
  /** The claims in the file; each must be `ready`. */
  claimIds: string[];
  chargeCents: number;
  createdBy?: string | null;
}

/** A CAS adjustment as posted. */
export interface PostedAdjustment {
  group: string;
  reason: string;
  amountCents: number;
  quantity?: number | null;
  /** `denial` (money lost, counted in the denial report) or `expected` (contractual write-down, patient share). */
  kind: 'denial' | 'expected';
}

export interface PostedLine {
  controlNumber: string | null;
  matchedBy: string;
  code: string;
  dateOfService: string | null;
  units: number;
  chargeCents: number;
  paidCents: number;
  contractualCents: number;
  patientCents: number;
  otherCents: number;
  expectedCents: number | null;
  varianceCents: number | null;
  reversal: boolean;
  remarks: string[];
  adjustments: PostedAdjustment[];
}

export interface PostedClaim {
  /** Our claim's id, or null when CLP01 is not one of ours. */
  claimId: string | null;
  claimNumber: string;
  payerStatus: string;
  payerClaimNumber: string;
  event: string;
  newStatus: StoredClaimStatus | null;
  statusError: string | null;
  paidCents: number;
  patientCents: number;
  providerNpi: string;
  adjustments: PostedAdjustment[];
  lines: PostedLine[];
  /**
   * The claim payment's identity (edi `claimPaymentKey`), unique per clinic (migration 0008); set only when the CLP
   * matched and posts. A claim with a `claimId` and no key is not posted (older callers: posted as before).
   */
  claimKey?: string | null;
  /** The payment (`PaymentIdentity.key`) the CLP came in. */
  paymentKey?: string | null;
  /** Why the CLP matched none of our claims (edi `UnmatchedReason`) and its plain words; null when it matched. */
  unmatchedReason?: string | null;
  unmatchedMessage?: string | null;
  /** Our claim's status the match was decided on: the write checks it is still so. */
  fromStatus?: StoredClaimStatus | null;
}

/** One payment (835 transaction set) as posted: payer id + TRN02 + BPR02 + BPR16, unique per clinic. */
export interface PaymentRecord {
  key: string;
  payerId: string;
  traceNumber: string;
  paymentCents: number;
  paymentDate: string | null;
}

/** A claim payment posted before: what the matching needs to refuse it twice. */
export interface PostedClaimPayment {
  claimId: string;
  claimNumber: string;
  claimKey: string;
  paymentKey: string | null;
  paidCents: number;
  remittanceId: string;
}

export interface NewRemittance {
  fileKey: string;
  fileHash: string;
  fileName?: string | null;
  traceNumbers: string[];
  payerId: string;
  payerName: string;
  paymentDate: string | null;
  paymentCents: number;
  totals: { paidCents: number; contractualCents: number; patientCents: number; otherCents: number };
  unknownClaims: string[];
  /** Balancing summary and anything else to show later (JSON). */
  summary: Record<string, unknown>;
  claims: PostedClaim[];
  postedBy?: string | null;
  /** Payments this file is the first to post (one per transaction set); a payment posted before is left out. */
  payments?: PaymentRecord[];
}

export interface StoredRemittance {
  id: string;
  clinicId: string;
  fileKey: string;
  fileHash: string;
  fileName: string | null;
  traceNumbers: string[];
  payerId: string;
  payerName: string;
  paymentDate: string | null;
  paymentCents: number;
  paidCents: number;
  contractualCents: number;
  patientCents: number;
  otherCents: number;
  balance: 'balanced';
  claimCount: number;
  unknownClaims: string[];
  summary: Record<string, unknown>;
  postedBy: string | null;
  postedAt: Instant;
}

export interface RemittanceDetail extends StoredRemittance {
  claims: (Omit<PostedClaim, 'providerNpi' | 'fromStatus'> & { ordinal: number })[];
}

/** One row of the denial report: denied money by reason, payer and provider. */
export interface DenialTotal {
  reason: string;
  group: string;
  payerId: string;
  /** The payer's name as its 835s give it (N1*PR). */
  payerName: string;
  providerNpi: string;
  lines: number;
  amountCents: number;
}

/** A biller's hold on a signed visit: while it stands (no `releasedAt`) the visit is built into no claim. */
export interface VisitHold {
  id: string;
  visitId: string;
  reason: string;
  heldBy: string | null;
  heldAt: Instant;
  releasedBy: string | null;
  releaseReason: string | null;
  releasedAt: Instant | null;
}

/** The live claim (not corrected or voided) a visit is on. */
export interface VisitClaimRef {
  claimId: string;
  claimNumber: string;
  status: StoredClaimStatus;
}

/** One 835's answer for one of our claims: the claim-level posting with its lines, as stored. */
export interface ClaimPosting extends Omit<PostedClaim, 'providerNpi'> {
  remittanceId: string;
  traceNumbers: string[];
  payerName: string;
  paymentDate: string | null;
  postedAt: Instant;
}

export interface ClaimsRepository {
  getSettings(clinicId: string): Promise<ClaimSettings | undefined>;
  /** Creates or replaces the settings JSON (counters are kept). */
  putSettings(clinicId: string, settings: unknown): Promise<ClaimSettings>;
  /** Reserves `count` claim sequence numbers; returns the first. */
  reserveClaimNumbers(clinicId: string, count: number): Promise<number>;
  /** Reserves one interchange control number (ISA13 / GS06). */
  reserveControlNumber(clinicId: string): Promise<number>;
  create(clinicId: string, input: NewClaim): Promise<ClaimDetail>;
  get(clinicId: string, claimId: string): Promise<ClaimDetail | undefined>;
  /** Claims by CLM01 (the 835's CLP01). */
  findByNumbers(clinicId: string, claimNumbers: readonly string[]): Promise<ClaimDetail[]>;
  /** Newest first. */
  list(clinicId: string, query?: ClaimQuery): Promise<Page<StoredClaim>>;
  /** Of the given visits, those on a claim that is not corrected or voided. */
  claimedVisits(clinicId: string, visitIds: readonly string[]): Promise<Set<string>>;
  /**
   * Inside a transaction: waits for any other transaction of this clinic holding the same lock, until commit, so a
   * build's check of claimed visits and its writes are one step (PostgreSQL advisory lock; SQLite already runs one
   * write transaction at a time).
   */
  lockClinicBuilds(clinicId: string): Promise<void>;
  /** Replaces a draft or ready claim's content (rebuild) at `expectedVersion`. */
  replace(
    clinicId: string,
    claimId: string,
    expectedVersion: number,
    input: Omit<NewClaim, 'claimNumber' | 'patientId' | 'createdBy'>,
    userId?: string | null,
  ): Promise<Result<ClaimDetail, 'not-found' | 'conflict'>>;
  /** Moves a claim from `from` to `to` (only if it is still `from`) and records the event. */
  transition(
    clinicId: string,
    claimId: string,
    move: {
      from: StoredClaimStatus;
      to: StoredClaimStatus;
      event: string;
      userId?: string | null;
      detail?: Record<string, unknown>;
    },
  ): Promise<Result<ClaimDetail, 'not-found' | 'conflict'>>;
  /** Stores an 837P file and moves its claims from ready to exported; 'conflict' if one is no longer ready. */
  createExport(clinicId: string, input: NewClaimExport): Promise<Result<ClaimExport, 'conflict'>>;
  getExport(clinicId: string, exportId: string): Promise<(ClaimExport & { text: string }) | undefined>;
  listExports(clinicId: string, page?: PageRequest): Promise<Page<ClaimExport>>;
  findRemittanceByKey(clinicId: string, fileKey: string): Promise<StoredRemittance | undefined>;
  findRemittanceById(clinicId: string, remittanceId: string): Promise<StoredRemittance | undefined>;
  /** Payments posted before with these payer ids and trace numbers (any amount and date), with their remittance. */
  findPayments(
    clinicId: string,
    traces: readonly { payerId: string; traceNumber: string }[],
  ): Promise<(PaymentRecord & { remittanceId: string })[]>;
  /** Claim payments posted before: to these claims, or from these payments (`PaymentRecord.key`). */
  postedClaimPayments(
    clinicId: string,
    by: { claimIds?: readonly string[]; paymentKeys?: readonly string[] },
  ): Promise<PostedClaimPayment[]>;
  /**
   * Inside a transaction: waits for any other posting of this clinic until commit, so an 835's matching and its
   * writes are one step (PostgreSQL advisory lock; SQLite's BEGIN IMMEDIATE already serializes writers).
   */
  lockClinicPostings(clinicId: string): Promise<void>;
  /**
   * Records a posted 835 with its claims, lines and adjustments, moves the statuses of matched claims and adds their
   * paid amounts. A payment or claim payment posted before (unique keys, migration 0008) refuses the whole file:
   * outside a transaction it answers `created: false` with the remittance that posted the payment first; inside one
   * it throws StoreError 'constraint' for the caller to roll back and match again. A claim whose status moved since
   * matching, or whose payments would pass its charge or drop below zero, also throws 'constraint'.
   */
  postRemittance(clinicId: string, input: NewRemittance): Promise<{ created: boolean; remittance: StoredRemittance }>;
  getRemittance(clinicId: string, remittanceId: string): Promise<RemittanceDetail | undefined>;
  /** Newest first. */
  listRemittances(clinicId: string, page?: PageRequest): Promise<Page<StoredRemittance>>;
  /** Every 835 posting for one claim, oldest first. */
  claimPostings(clinicId: string, claimId: string): Promise<ClaimPosting[]>;
  /** Of the given visits, the live claim each is on. */
  claimsOfVisits(clinicId: string, visitIds: readonly string[]): Promise<Map<string, VisitClaimRef>>;
  /** Puts a standing hold on a visit; 'held' when one already stands. */
  holdVisit(
    clinicId: string,
    visitId: string,
    hold: { reason: string; userId?: string | null },
  ): Promise<Result<VisitHold, 'held'>>;
  /** Releases the visit's standing hold; 'not-held' when none stands. */
  releaseVisit(
    clinicId: string,
    visitId: string,
    release: { reason: string; userId?: string | null },
  ): Promise<Result<VisitHold, 'not-held'>>;
  /** Of the given visits, the standing hold of each that has one. */
  standingHolds(clinicId: string, visitIds: readonly string[]): Promise<Map<string, VisitHold>>;
  /** A visit's holds, standing and released, oldest first. */
  holdHistory(clinicId: string, visitId: string): Promise<VisitHold[]>;
  /** Denied money by reason, payer and provider, posted between the instants given (inclusive). */
  denials(clinicId: string, range?: { from?: Instant; to?: Instant }): Promise<DenialTotal[]>;
}
