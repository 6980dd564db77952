import { type ClaimEvent, type ClaimStatus, nextStatus } from '../claims/status.ts';
import { explainCarc } from '../codes/carc.ts';
import { explainRarc } from '../codes/rarc.ts';
import type { Adjustment, RemitClaim, RemitLine, Remittance } from '../x835/types.ts';
import { DenialReport, type DenialRow, isDenial } from './denials.ts';

/** One of our claim lines, as the store has it. */
export interface PostableLine {
  controlNumber: string;
  code: string;
  dateOfService: string;
  chargeCents: number;
  units: number;
  /** What the payer should pay (the engine's price), for variances; null when unknown. */
  expectedCents?: number | null;
}

/** One of our exported claims. */
export interface PostableClaim {
  claimId: string;
  status: ClaimStatus;
  renderingNpi?: string;
  lines: PostableLine[];
}

/** An adjustment with its plain words. */
export interface ExplainedAdjustment extends Adjustment {
  explanation: string;
}

/** What one 835 service line posts to one of our lines. */
export interface LinePosting {
  claimId: string;
  /** Our line's control number, or null when no line matched. */
  controlNumber: string | null;
  matchedBy: 'line-control' | 'code-date-charge' | 'unmatched';
  code: string;
  dateOfService?: string;
  chargeCents: number;
  paidCents: number;
  /** Σ CO adjustments: written off. */
  contractualCents: number;
  /** Σ PR adjustments: the patient owes it. */
  patientCents: number;
  /** Σ OA, PI and other groups. */
  otherCents: number;
  units: number;
  adjustments: ExplainedAdjustment[];
  remarks: { code: string; explanation: string }[];
  expectedCents: number | null;
  /** Paid (plus sequestration) minus expected; null when nothing was expected. */
  varianceCents: number | null;
  reversal: boolean;
}

/** What one 835 claim does to one of our claims. */
export interface ClaimPosting {
  claimId: string;
  /** The claim is one of ours. */
  known: boolean;
  /** CLP02. */
  payerStatus: string;
  event: ClaimEvent;
  /** Our claim's status after posting, when the move is allowed. */
  newStatus?: ClaimStatus;
  statusError?: string;
  payerClaimNumber: string;
  paidCents: number;
  patientCents: number;
  claimAdjustments: ExplainedAdjustment[];
  lines: LinePosting[];
}

/** The outcome of posting an 835. */
export interface PostingResult {
  key: string;
  posted: boolean;
  duplicate: boolean;
  /** Why the file was not posted (does not balance, has errors). */
  refused?: string;
  claims: ClaimPosting[];
  /** CLP01 values that are not our claims. */
  unknownClaims: string[];
  /** Lines whose payment differs from what was expected. */
  variances: LinePosting[];
  denials: DenialRow[];
  denialsByRule: Record<string, { lines: number; amountCents: number }>;
  totals: { paidCents: number; contractualCents: number; patientCents: number; otherCents: number };
}

/** Options of `postRemittance`. */
export interface PostOptions {
  /** The file's idempotency key (`remittanceKey`). */
  key: string;
  /** Keys already posted: a file seen before posts nothing. */
  alreadyPosted: ReadonlySet<string>;
  /** A variance smaller than this is ignored (default 0: any cent counts). */
  varianceToleranceCents?: number;
}

// CARC 253 (sequestration) lowers Medicare payments below the priced amount by law, not by a payer error.
const SEQUESTRATION = '253';

function explain(adjs: readonly Adjustment[]): ExplainedAdjustment[] {
  return adjs.map((a) => ({ ...a, explanation: explainCarc(a.reason) }));
}

function claimEvent(c: RemitClaim): ClaimEvent {
  if (c.status === '22') return 'reversed';
  if (c.status === '4' || c.paidCents <= 0) return 'denied';
  return c.paidCents >= c.chargeCents ? 'paid' : 'partly-paid';
}

/**
 * Posts a balanced 835 to our claims: matches each service line by REF*6R, then by code + date + charge;
 * records paid, contractual (CO) and patient (PR) amounts per line; flags variances from the expected payment;
 * moves claim statuses (paid, partly paid, denied, reversed); and builds the denial report by CARC, payer and
 * provider. A file that does not balance or that was posted before (same key) posts nothing. Pure: the caller
 * stores the result and the key.
 * @param remit - the read 835
 * @param claims - our exported claims that the file may pay
 * @param options - idempotency key, keys already posted, variance tolerance
 */
export function postRemittance(
  remit: Remittance,
  claims: readonly PostableClaim[],
  options: PostOptions,
): PostingResult {
  const result: PostingResult = {
    key: options.key,
    posted: false,
    duplicate: false,
    claims: [],
    unknownClaims: [],
    variances: [],
    denials: [],
    denialsByRule: {},
    totals: { paidCents: 0, contractualCents: 0, patientCents: 0, otherCents: 0 },
  };
  if (options.alreadyPosted.has(options.key)) {
    result.duplicate = true;
    return result;
  }
  if (!remit.balanced || remit.errors.length > 0) {
    const first = remit.errors[0];
    result.refused = `The file was not posted: ${remit.balanced ? 'it has errors' : 'it does not balance'}${first ? ` (${first.where}: ${first.message})` : ''}.`;
    return result;
  }
  const tolerance = options.varianceToleranceCents ?? 0;
  const byId = new Map<string, PostableClaim>();
  for (const c of claims) byId.set(c.claimId, c);
  const status = new Map<string, ClaimStatus>();
  const report = new DenialReport();

  for (const txn of remit.transactions) {
    for (const rc of txn.claims) {
      const ours = byId.get(rc.claimId);
      if (!ours) result.unknownClaims.push(rc.claimId);
      const event = claimEvent(rc);
      const posting: ClaimPosting = {
        claimId: rc.claimId,
        known: ours !== undefined,
        payerStatus: rc.status,
        event,
        payerClaimNumber: rc.payerClaimNumber,
        paidCents: rc.paidCents,
        patientCents: rc.patientCents,
        claimAdjustments: explain(rc.adjustments),
        lines: [],
      };
      if (ours) {
        const from = status.get(ours.claimId) ?? ours.status;
        const moved = nextStatus(from, event);
        if (moved.ok) {
          posting.newStatus = moved.status;
          status.set(ours.claimId, moved.status);
        } else posting.statusError = moved.message;
      }
      const provider = ours?.renderingNpi ?? rc.renderingNpi ?? txn.payee.id ?? '';
      const payerId = txn.payerId || txn.payer.id || txn.payer.name;
      for (const a of rc.adjustments)
        if (isDenial(a.group, a.reason)) report.add(a.reason, payerId, provider, a.amountCents);
      const used = new Set<string>();
      for (const rl of rc.lines) {
        const lp = postLine(rc, rl, ours, used, tolerance);
        posting.lines.push(lp);
        result.totals.paidCents += lp.paidCents;
        result.totals.contractualCents += lp.contractualCents;
        result.totals.patientCents += lp.patientCents;
        result.totals.otherCents += lp.otherCents;
        if (lp.varianceCents !== null && Math.abs(lp.varianceCents) > tolerance) result.variances.push(lp);
        for (const a of rl.adjustments)
          if (isDenial(a.group, a.reason)) report.add(a.reason, payerId, provider, a.amountCents);
      }
      result.claims.push(posting);
    }
  }
  result.posted = true;
  result.denials = report.list();
  result.denialsByRule = report.byRule();
  return result;
}

function postLine(
  rc: RemitClaim,
  rl: RemitLine,
  ours: PostableClaim | undefined,
  used: Set<string>,
  tolerance: number,
): LinePosting {
  const reversal = rc.status === '22';
  let match: PostableLine | undefined;
  let matchedBy: LinePosting['matchedBy'] = 'unmatched';
  if (ours) {
    if (rl.lineControl) match = ours.lines.find((l) => l.controlNumber === rl.lineControl);
    if (match) matchedBy = 'line-control';
    else {
      const code = (rl.submittedProcedure ?? rl.procedure).code;
      const charge = Math.abs(rl.chargeCents);
      match = ours.lines.find(
        (l) =>
          !used.has(l.controlNumber) &&
          (l.code === code || l.code === rl.procedure.code) &&
          l.dateOfService === rl.dateOfService &&
          l.chargeCents === charge,
      );
      if (match) matchedBy = 'code-date-charge';
    }
  }
  if (match) used.add(match.controlNumber);
  let co = 0;
  let pr = 0;
  let other = 0;
  let seq = 0;
  for (const a of rl.adjustments) {
    if (a.group === 'CO') co += a.amountCents;
    else if (a.group === 'PR') pr += a.amountCents;
    else other += a.amountCents;
    if (a.reason === SEQUESTRATION) seq += a.amountCents;
  }
  const expected = match?.expectedCents ?? null;
  const variance = expected === null || reversal ? null : rl.paidCents + seq - expected;
  const lp: LinePosting = {
    claimId: rc.claimId,
    controlNumber: match?.controlNumber ?? null,
    matchedBy,
    code: rl.procedure.code,
    chargeCents: rl.chargeCents,
    paidCents: rl.paidCents,
    contractualCents: co,
    patientCents: pr,
    otherCents: other,
    units: rl.units,
    adjustments: explain(rl.adjustments),
    remarks: rl.remarks.map((code) => ({ code, explanation: explainRarc(code) })),
    expectedCents: expected,
    varianceCents: variance !== null && Math.abs(variance) > tolerance ? variance : variance === null ? null : 0,
    reversal,
  };
  if (rl.dateOfService) lp.dateOfService = rl.dateOfService;
  return lp;
}
