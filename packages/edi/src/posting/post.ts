import type { ClaimEvent, ClaimStatus } from '../claims/status.ts';
import { explainCarc } from '../codes/carc.ts';
import { explainRarc } from '../codes/rarc.ts';
import type { Adjustment, RemitClaim, RemitLine, Remittance } from '../x835/types.ts';
import { DenialReport, type DenialRow, isDenial } from './denials.ts';
import { type PaymentIdentity, paymentIdentity } from './key.ts';
import {
  applyMatch,
  type ClaimState,
  claimState,
  type LineMatch,
  matchClaim,
  type PostableClaim,
  type PostableLine,
  type UnmatchedReason,
} from './match.ts';

/** An adjustment with its plain words. */
export interface ExplainedAdjustment extends Adjustment {
  explanation: string;
}

/** What one 835 service line posts to one of our lines. */
export interface LinePosting {
  claimId: string;
  /** Our line's control number, or null when no line matched. */
  controlNumber: string | null;
  matchedBy: LineMatch['matchedBy'];
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
  /** A claim of ours has this number (it may still not match). */
  known: boolean;
  /** It matches and posts; when false, `unmatched` says why and nothing of it is posted. */
  matched: boolean;
  unmatched?: { reason: UnmatchedReason; message: string };
  /** The claim payment's identity (`claimPaymentKey`), when matched. */
  claimKey: string | null;
  /** The payment (transaction set) it came in (`paymentIdentity`). */
  paymentKey: string;
  /** CLP02. */
  payerStatus: string;
  event: ClaimEvent;
  /** Our claim's status the decision was taken on (after the file's earlier CLPs), when the claim is ours. */
  fromStatus?: ClaimStatus;
  /** Our claim's status after posting, when matched. */
  newStatus?: ClaimStatus;
  /** The unmatched message, kept for readers of the older field. */
  statusError?: string;
  payerClaimNumber: string;
  paidCents: number;
  patientCents: number;
  claimAdjustments: ExplainedAdjustment[];
  lines: LinePosting[];
}

/** Money and counts of a set of claim postings. */
export interface PostingCount {
  claims: number;
  paidCents: number;
  patientCents: number;
}

/** The outcome of posting an 835. */
export interface PostingResult {
  key: string;
  /** The file can be posted (it balances and has no errors); what it posts is `willPost`. */
  posted: boolean;
  /** Every payment in it was posted before and nothing new would post: posting it again changes nothing. */
  duplicate: boolean;
  /** Why the file was not posted (does not balance, has errors). */
  refused?: string;
  /** What each transaction set pays, whatever bytes carry it. */
  payments: PaymentIdentity[];
  claims: ClaimPosting[];
  /** CLP01 values that are not our claims. */
  unknownClaims: string[];
  /** Matched claims: what posting changes. */
  willPost: PostingCount;
  /** Unmatched claims: posted nowhere. */
  notPosted: PostingCount;
  /** Lines of matched claims whose payment differs from what was expected. */
  variances: LinePosting[];
  denials: DenialRow[];
  denialsByRule: Record<string, { lines: number; amountCents: number }>;
  /** Σ over the lines of matched claims. */
  totals: { paidCents: number; contractualCents: number; patientCents: number; otherCents: number };
}

/** Options of `postRemittance`. */
export interface PostOptions {
  /** The file's key (`remittanceKey`). */
  key: string;
  /** File keys already posted: a file seen before posts nothing. */
  alreadyPosted: ReadonlySet<string>;
  /** Payments (`paymentIdentity` keys) posted before → the claim numbers posted from each. */
  postedPayments?: ReadonlyMap<string, ReadonlySet<string>>;
  /** A variance smaller than this is ignored (default 0: any cent counts). */
  varianceToleranceCents?: number;
}

// CARC 253 (sequestration) lowers Medicare payments below the priced amount by law, not by a payer error.
const SEQUESTRATION = '253';

function explain(adjs: readonly Adjustment[]): ExplainedAdjustment[] {
  return adjs.map((a) => ({ ...a, explanation: explainCarc(a.reason) }));
}

function emptyResult(key: string): PostingResult {
  return {
    key,
    posted: false,
    duplicate: false,
    payments: [],
    claims: [],
    unknownClaims: [],
    willPost: { claims: 0, paidCents: 0, patientCents: 0 },
    notPosted: { claims: 0, paidCents: 0, patientCents: 0 },
    variances: [],
    denials: [],
    denialsByRule: {},
    totals: { paidCents: 0, contractualCents: 0, patientCents: 0, otherCents: 0 },
  };
}

/**
 * Posts a balanced 835 to our claims: decides for each CLP whether it belongs to one of our claims (`matchClaim`:
 * sent, same number, charge, patient and dates, every line matched by REF*6R or code + date + charge, not posted
 * before, within the charge); for matched claims records paid, contractual (CO) and patient (PR) amounts per line,
 * flags variances from the expected payment, moves statuses and builds the denial report by CARC, payer and
 * provider. Unmatched claims are listed with their reason and post nothing. A file that does not balance, or whose
 * payments were all posted before with nothing new to post, posts nothing. Pure: the caller stores the result.
 * @param remit - the read 835
 * @param claims - our claims numbered as the file's CLP01s, with what was posted to them
 * @param options - file key, file keys and payments posted before, variance tolerance
 */
export function postRemittance(
  remit: Remittance,
  claims: readonly PostableClaim[],
  options: PostOptions,
): PostingResult {
  const result = emptyResult(options.key);
  result.payments = remit.transactions.map(paymentIdentity);
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
  const states = new Map<string, ClaimState>();
  const report = new DenialReport();
  const posted = options.postedPayments ?? new Map<string, ReadonlySet<string>>();

  remit.transactions.forEach((txn, t) => {
    const payment = result.payments[t] as PaymentIdentity;
    const before = posted.get(payment.key);
    for (const rc of txn.claims) {
      const ours = byId.get(rc.claimId);
      if (!ours) result.unknownClaims.push(rc.claimId);
      let state = ours ? states.get(ours.claimId) : undefined;
      if (ours && !state) {
        state = claimState(ours);
        states.set(ours.claimId, state);
      }
      const m = matchClaim(rc, ours, state, before?.has(rc.claimId) ?? false);
      const posting: ClaimPosting = {
        claimId: rc.claimId,
        known: ours !== undefined,
        matched: m.ok,
        claimKey: m.ok ? m.key : null,
        paymentKey: payment.key,
        payerStatus: rc.status,
        event: m.event,
        payerClaimNumber: rc.payerClaimNumber,
        paidCents: rc.paidCents,
        patientCents: rc.patientCents,
        claimAdjustments: explain(rc.adjustments),
        lines: [],
      };
      const count = m.ok ? result.willPost : result.notPosted;
      count.claims++;
      count.paidCents += rc.paidCents;
      count.patientCents += rc.patientCents;
      if (state) posting.fromStatus = state.status;
      if (m.ok) {
        posting.newStatus = m.newStatus;
        if (state) applyMatch(state, m, rc.paidCents);
      } else {
        posting.unmatched = { reason: m.reason, message: m.message };
        posting.statusError = m.message;
      }
      const provider = ours?.renderingNpi ?? rc.renderingNpi ?? txn.payee.id ?? '';
      // Denials count only where they land on our claims: another practice's denial is not ours to fix.
      if (m.ok)
        for (const a of rc.adjustments)
          if (isDenial(a.group, a.reason)) report.add(a.reason, payment.payerId, provider, a.amountCents);
      rc.lines.forEach((rl, i) => {
        const match = m.ok ? m.lines[i] : undefined;
        const lp = postLine(rc, rl, match?.line, match?.matchedBy ?? 'unmatched', tolerance);
        posting.lines.push(lp);
        if (!m.ok) return;
        result.totals.paidCents += lp.paidCents;
        result.totals.contractualCents += lp.contractualCents;
        result.totals.patientCents += lp.patientCents;
        result.totals.otherCents += lp.otherCents;
        if (lp.varianceCents !== null && Math.abs(lp.varianceCents) > tolerance) result.variances.push(lp);
        for (const a of rl.adjustments)
          if (isDenial(a.group, a.reason)) report.add(a.reason, payment.payerId, provider, a.amountCents);
      });
      result.claims.push(posting);
    }
  });
  result.posted = true;
  result.duplicate =
    result.payments.length > 0 && result.payments.every((p) => posted.has(p.key)) && result.willPost.claims === 0;
  result.denials = report.list();
  result.denialsByRule = report.byRule();
  return result;
}

function postLine(
  rc: RemitClaim,
  rl: RemitLine,
  match: PostableLine | undefined,
  matchedBy: LineMatch['matchedBy'],
  tolerance: number,
): LinePosting {
  const reversal = rc.status === '22';
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
    matchedBy: match ? matchedBy : 'unmatched',
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
