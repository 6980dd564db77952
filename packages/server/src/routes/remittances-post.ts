import { createHash } from 'node:crypto';
import {
  EdiError,
  isDenial,
  type PostableClaim,
  type PostingResult,
  postRemittance,
  type Remittance,
  read835,
  remittanceKey,
  remittanceView,
} from '@unitwise/edi';
import type { ClaimDetail, ClaimsRepository, NewRemittance, PostedAdjustment } from '@unitwise/store';
import { ApiError } from '../errors/api-error.ts';

/** An 835 read and matched against the clinic's claims, nothing written. */
export interface Matched {
  remit: Remittance;
  key: string;
  hash: string;
  ours: Map<string, ClaimDetail>;
  posting: PostingResult;
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

function postable(c: ClaimDetail): PostableClaim {
  return {
    claimId: c.claimNumber,
    status: c.status,
    ...(c.renderingNpi ? { renderingNpi: c.renderingNpi } : {}),
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

/**
 * Reads an 835 and matches it to the clinic's claims by CLP01 (edi postRemittance: REF*6R, then code + date +
 * charge). The posting is computed as if the file were new, so a preview of a file posted before still shows it.
 * @param claims - the claims repository
 * @param clinicId - the clinic
 * @param text - the 835
 */
export async function matchRemit(claims: ClaimsRepository, clinicId: string, text: string): Promise<Matched> {
  const remit = readRemit(text);
  const key = remittanceKey(remit, text);
  const hash = createHash('sha256').update(text).digest('hex');
  const numbers = remit.transactions.flatMap((t) => t.claims.map((c) => c.claimId));
  const found = await claims.findByNumbers(clinicId, numbers);
  const ours = new Map(found.map((c) => [c.claimNumber, c]));
  const posting = postRemittance(remit, found.map(postable), { key, alreadyPosted: new Set() });
  return { remit, key, hash, ours, posting };
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
export function previewBody(m: Matched, duplicateOf: string | null) {
  const view = remittanceView(m.remit);
  return {
    key: m.key,
    balanced: m.remit.balanced,
    postable: m.remit.balanced && m.remit.errors.length === 0 && duplicateOf === null,
    duplicateOf,
    errors: m.remit.errors,
    warnings: m.remit.warnings,
    summary: m.remit.summary,
    failedChecks: m.remit.checks.filter((c) => !c.ok),
    payments: view.payments,
    matches: m.posting.claims.map((c) => ({
      claimNumber: c.claimId,
      claimId: m.ours.get(c.claimId)?.id ?? null,
      known: c.known,
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
    },
    postedBy: userId,
    claims: m.posting.claims.map((c) => {
      const ours = m.ours.get(c.claimId);
      return {
        claimId: ours?.id ?? null,
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
