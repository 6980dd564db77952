import { createHash } from 'node:crypto';
import {
  type Claim,
  EdiError,
  isDenial,
  type PaymentIdentity,
  type PostableClaim,
  type PostingResult,
  paymentIdentity,
  postRemittance,
  type Remittance,
  read835,
  remittanceKey,
  remittanceView,
} from '@unitwise/edi';
import { dollars } from '@unitwise/rules';
import type {
  ClaimDetail,
  ClaimsRepository,
  NewRemittance,
  PostedAdjustment,
  PostedClaimPayment,
} from '@unitwise/store';
import { ApiError } from '../errors/api-error.ts';

/** A payment of this file whose trace number was posted before with another amount or date. */
export interface TraceConflict {
  payerId: string;
  traceNumber: string;
  posted: { paymentCents: number; paymentDate: string | null };
  file: { paymentCents: number; paymentDate: string | null };
}

/** An 835 read and matched against the clinic's claims, nothing written. */
export interface Matched {
  remit: Remittance;
  key: string;
  hash: string;
  ours: Map<string, ClaimDetail>;
  posting: PostingResult;
  /** This file's payments that were posted before → the remittance that posted each first. */
  seenPayments: Map<string, string>;
  /** The remittance that posted this payment, when posting the file again would change nothing. */
  duplicateOf: string | null;
  /** Same trace number, other amount or date: refused, the payer must say which is right. */
  conflicts: TraceConflict[];
}

/**
 * Reads an 835 (a file that is not X12 at all is a 422 naming why).
 * @param text - the file's text
 */
export function readRemit(text: string): Remittance {
  try {
    return read835(text);
  } catch (err) {
    if (err instanceof EdiError)
      throw new ApiError(
        'unprocessable',
        err.message,
        err.problems.map((p) => ({ path: p.where, message: p.message })),
      );
    throw err;
  }
}

/** Our claim as the matching sees it: the X12 claim we sent (patient, charge, dates) and what was posted to it. */
function postable(c: ClaimDetail, postings: readonly PostedClaimPayment[]): PostableClaim {
  // The stored claim JSON is the edi Claim the 837P was written from (store types.ts).
  const sent = c.claim as Partial<Claim>;
  const who = sent.patient ?? sent.subscriber;
  return {
    claimId: c.claimNumber,
    status: c.status,
    ...(c.renderingNpi ? { renderingNpi: c.renderingNpi } : {}),
    chargeCents: c.chargeCents,
    paidCents: c.paidCents,
    firstDate: c.firstDate,
    lastDate: c.lastDate,
    patient: {
      memberId: sent.subscriber?.memberId ?? '',
      lastName: who?.lastName ?? '',
      firstName: who?.firstName ?? '',
    },
    postings: postings.filter((p) => p.claimId === c.id).map((p) => ({ key: p.claimKey, paidCents: p.paidCents })),
    lines: c.lines.map((l) => ({
      controlNumber: l.controlNumber,
      code: l.code,
      dateOfService: l.dateOfService,
      chargeCents: l.chargeCents,
      units: l.units,
      expectedCents: l.expectedCents,
    })),
  };
}

function traceConflicts(
  payments: readonly PaymentIdentity[],
  prior: Awaited<ReturnType<ClaimsRepository['findPayments']>>,
): TraceConflict[] {
  const out: TraceConflict[] = [];
  for (const p of payments) {
    if (prior.some((x) => x.key === p.key)) continue;
    const other = prior.find((x) => x.payerId === p.payerId && x.traceNumber === p.traceNumber);
    if (other)
      out.push({
        payerId: p.payerId,
        traceNumber: p.traceNumber,
        posted: { paymentCents: other.paymentCents, paymentDate: other.paymentDate },
        file: { paymentCents: p.paymentCents, paymentDate: p.paymentDate },
      });
  }
  return out;
}

/**
 * Matches a read 835 to the clinic's claims: the one decision preview and post both take (edi `postRemittance` and
 * its `matchClaim`), given what was posted before: payments by identity (payer id + TRN02 + amount + date) and claim
 * payments by identity (CLP01 + CLP07). Reads only; call it inside the posting transaction to post from it.
 * @param claims - the claims repository (of the posting transaction, when posting)
 * @param clinicId - the clinic
 * @param remit - the read 835
 * @param text - its text (for the file key)
 */
export async function matchRead(
  claims: ClaimsRepository,
  clinicId: string,
  remit: Remittance,
  text: string,
): Promise<Matched> {
  const key = remittanceKey(remit, text);
  const hash = createHash('sha256').update(text).digest('hex');
  const payments = remit.transactions.map(paymentIdentity);
  const prior = await claims.findPayments(clinicId, payments);
  const seenPayments = new Map<string, string>();
  for (const p of prior) if (payments.some((x) => x.key === p.key)) seenPayments.set(p.key, p.remittanceId);
  const numbers = remit.transactions.flatMap((t) => t.claims.map((c) => c.claimId));
  const found = await claims.findByNumbers(clinicId, numbers);
  const ours = new Map(found.map((c) => [c.claimNumber, c]));
  const postings = await claims.postedClaimPayments(clinicId, {
    claimIds: found.map((c) => c.id),
    paymentKeys: [...seenPayments.keys()],
  });
  const postedPayments = new Map<string, Set<string>>();
  for (const k of seenPayments.keys()) postedPayments.set(k, new Set());
  for (const p of postings) if (p.paymentKey) postedPayments.get(p.paymentKey)?.add(p.claimNumber);
  const posting = postRemittance(
    remit,
    found.map((c) => postable(c, postings)),
    { key, alreadyPosted: new Set(), postedPayments },
  );
  const allSeen = payments.length > 0 && payments.every((p) => seenPayments.has(p.key));
  // A re-sent payment whose new bytes no longer read cleanly is still the payment posted before.
  const duplicate = posting.duplicate || (!posting.posted && allSeen);
  const first = payments[0];
  const duplicateOf = duplicate && first ? (seenPayments.get(first.key) ?? null) : null;
  return { remit, key, hash, ours, posting, seenPayments, duplicateOf, conflicts: traceConflicts(payments, prior) };
}

/**
 * Reads an 835 and matches it to the clinic's claims (`matchRead`). Writes nothing.
 * @param claims - the claims repository
 * @param clinicId - the clinic
 * @param text - the 835
 */
export async function matchRemit(claims: ClaimsRepository, clinicId: string, text: string): Promise<Matched> {
  return matchRead(claims, clinicId, readRemit(text), text);
}

/**
 * The refusal of a file whose trace number was posted before with another amount or date (409).
 * @param m - the matched file with `conflicts`
 */
export function traceRefusal(m: Matched): ApiError {
  const c = m.conflicts[0] as TraceConflict;
  const when = (d: string | null) => (d ? ` dated ${d}` : '');
  return new ApiError(
    'conflict',
    `Payment ${c.traceNumber} from this payer was already posted as ${dollars(c.posted.paymentCents)}${when(c.posted.paymentDate)}; this file says ${dollars(c.file.paymentCents)}${when(c.file.paymentDate)}. Nothing was posted: ask the payer which is right.`,
    m.conflicts.map((x) => ({
      path: `payment ${x.traceNumber}`,
      message: 'posted before with another amount or date',
    })),
  );
}

/**
 * The failing balancing checks and file errors, as problem+json fields.
 * @param remit - the read 835
 */
export function refusal(remit: Remittance): ApiError {
  const errors = [
    ...remit.checks.filter((c) => !c.ok).map((c) => ({ path: c.where, message: c.message })),
    ...remit.errors.map((e) => ({ path: e.where, message: e.message })),
  ];
  return new ApiError(
    'unprocessable',
    `The 835 was not posted: ${remit.balanced ? 'it has errors' : 'it does not balance'}.`,
    errors,
    { summary: remit.summary, checks: remit.checks.filter((c) => !c.ok) },
  );
}

/**
 * The preview document: the file in plain words (no patient names), balancing, matches and variances.
 * @param m - the matched file
 * @param duplicateOf - the remittance this file was posted as, if any
 */
export function previewBody(m: Matched) {
  const view = remittanceView(m.remit);
  const duplicateOf = m.duplicateOf;
  const samePaymentAs = duplicateOf === null ? ([...m.seenPayments.values()][0] ?? null) : null;
  return {
    key: m.key,
    balanced: m.remit.balanced,
    postable: m.remit.balanced && m.remit.errors.length === 0 && duplicateOf === null && m.conflicts.length === 0,
    duplicateOf,
    /** Some payments of the file were posted before; only claims not posted from them then will post. */
    samePaymentAs,
    conflicts: m.conflicts,
    willPost: m.posting.willPost,
    notPosted: m.posting.notPosted,
    unmatched: m.posting.claims
      .filter((c) => !c.matched)
      .map((c) => ({
        claimNumber: c.claimId,
        reason: c.unmatched?.reason ?? 'unknown-claim',
        message: c.unmatched?.message ?? '',
        paidCents: c.paidCents,
      })),
    errors: m.remit.errors,
    warnings: m.remit.warnings,
    summary: m.remit.summary,
    failedChecks: m.remit.checks.filter((c) => !c.ok),
    payments: view.payments,
    matches: m.posting.claims.map((c) => ({
      claimNumber: c.claimId,
      claimId: c.matched ? (m.ours.get(c.claimId)?.id ?? null) : null,
      known: c.known,
      matched: c.matched,
      unmatched: c.unmatched ?? null,
      payerStatus: c.payerStatus,
      event: c.event,
      newStatus: c.newStatus ?? null,
      statusError: c.statusError ?? null,
      paidCents: c.paidCents,
      patientCents: c.patientCents,
      adjustments: c.claimAdjustments,
      lines: c.lines,
    })),
    unknownClaims: m.posting.unknownClaims,
    variances: m.posting.variances,
    denials: m.posting.denials,
    totals: m.posting.totals,
  };
}

function adjustments(list: readonly { group: string; reason: string; amountCents: number; quantity?: number }[]) {
  return list.map(
    (a): PostedAdjustment => ({
      group: a.group,
      reason: a.reason,
      amountCents: a.amountCents,
      quantity: a.quantity ?? null,
      kind: isDenial(a.group, a.reason) ? 'denial' : 'expected',
    }),
  );
}

/**
 * What the store records for a posted file.
 * @param m - the matched file (its posting must be `posted`)
 * @param fallbackNpi - the billing NPI, for claims that name no rendering provider
 * @param fileName - the uploaded file's name
 * @param userId - who posted it
 */
export function toNewRemittance(m: Matched, fallbackNpi: string, fileName: string | undefined, userId: string) {
  const first = m.remit.transactions[0];
  const fresh = m.posting.payments.filter((p) => !m.seenPayments.has(p.key));
  const input: NewRemittance = {
    fileKey: m.key,
    fileHash: m.hash,
    fileName: fileName ?? null,
    traceNumbers: m.remit.transactions.map((t) => t.traceNumber),
    payerId: first ? first.payerId || first.payer.id || first.payer.name : '',
    payerName: first?.payer.name ?? '',
    paymentDate: first?.paymentDate ?? null,
    paymentCents: m.remit.transactions.reduce((t, x) => t + x.totalCents, 0),
    totals: m.posting.totals,
    unknownClaims: m.posting.unknownClaims,
    summary: {
      summary: m.remit.summary,
      variances: m.posting.variances.length,
      denialsByRule: m.posting.denialsByRule,
      interchange: m.remit.interchange.control,
      willPost: m.posting.willPost,
      notPosted: m.posting.notPosted,
      ...(m.seenPayments.size > 0 ? { samePaymentAs: [...m.seenPayments.values()][0] } : {}),
    },
    postedBy: userId,
    payments: fresh,
    claims: m.posting.claims.map((c) => {
      // Only a matched CLP names our claim: an unmatched one must not read as a payment of that claim.
      const ours = c.matched ? m.ours.get(c.claimId) : undefined;
      return {
        claimId: ours?.id ?? null,
        claimKey: c.claimKey,
        paymentKey: c.paymentKey,
        unmatchedReason: c.unmatched?.reason ?? null,
        unmatchedMessage: c.unmatched?.message ?? null,
        fromStatus: c.fromStatus ?? null,
        claimNumber: c.claimId,
        payerStatus: c.payerStatus,
        payerClaimNumber: c.payerClaimNumber,
        event: c.event,
        newStatus: c.newStatus ?? null,
        statusError: c.statusError ?? null,
        paidCents: c.paidCents,
        patientCents: c.patientCents,
        providerNpi: ours?.renderingNpi ?? fallbackNpi,
        adjustments: adjustments(c.claimAdjustments),
        lines: c.lines.map((l) => ({
          controlNumber: l.controlNumber,
          matchedBy: l.matchedBy,
          code: l.code,
          dateOfService: l.dateOfService ?? null,
          units: l.units,
          chargeCents: l.chargeCents,
          paidCents: l.paidCents,
          contractualCents: l.contractualCents,
          patientCents: l.patientCents,
          otherCents: l.otherCents,
          expectedCents: l.expectedCents,
          varianceCents: l.varianceCents,
          reversal: l.reversal,
          remarks: l.remarks.map((r) => r.code),
          adjustments: adjustments(l.adjustments),
        })),
      };
    }),
  };
  return input;
}
