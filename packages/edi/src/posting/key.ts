import { createHash } from 'node:crypto';
import type { RemitClaim, RemitTransaction, Remittance } from '../x835/types.ts';

/**
 * The file key of an 835: each payment's TRN02 trace number and TRN03 payer id, plus the SHA-256 of the file's
 * bytes. It names the stored file; it is not what makes a payment post once (that is `paymentIdentity`), because
 * the same payment re-sent with another terminator or one changed character has other bytes.
 * @param remit - the read remittance
 * @param bytes - the file's bytes (or text)
 */
export function remittanceKey(remit: Remittance, bytes: string | Uint8Array): string {
  const hash = createHash('sha256').update(bytes).digest('hex');
  const traces = remit.transactions.map((t) => `${t.traceNumber}@${t.payerId}`).join(',');
  return `${traces}#${hash}`;
}

/** What one payment (one 835 transaction set) is, whatever bytes carry it. */
export interface PaymentIdentity {
  /** `payerId|trace|cents|date`: unique per clinic in the store (migration 0008). */
  key: string;
  /** TRN03, else the payer's N1*PR id or name. */
  payerId: string;
  /** TRN02: the check or EFT trace number, the payment's reassociation key (x12.md §4, TRN). */
  traceNumber: string;
  /** BPR02. */
  paymentCents: number;
  /** BPR16, `YYYY-MM-DD`, or null when the payer sent none. */
  paymentDate: string | null;
}

/**
 * The identity of a payment: payer id + TRN02 trace number + BPR02 amount + BPR16 date. Two files that carry the
 * same payment (another segment terminator, a stray control character, one altered service code) have the same
 * identity, so the payment posts once.
 * @param txn - one transaction set of the read 835
 */
export function paymentIdentity(txn: RemitTransaction): PaymentIdentity {
  const payerId = (txn.payerId || txn.payer.id || txn.payer.name).trim();
  const traceNumber = txn.traceNumber.trim();
  const paymentDate = txn.paymentDate ?? null;
  return {
    key: `${payerId}|${traceNumber}|${txn.totalCents}|${paymentDate ?? ''}`,
    payerId,
    traceNumber,
    paymentCents: txn.totalCents,
    paymentDate,
  };
}

/**
 * The identity of one claim payment: CLP01 claim number + CLP07 payer claim control number + whether it pays or
 * reverses + `n`, the count of reversals already posted for that claim number and CLP07 (so a payer's correction
 * that reuses the CLP07 after its reversal is a new payment, and a re-sent payment is not). Unique per clinic in
 * the store (migration 0008).
 * @param rc - the 835 claim
 * @param n - reversals already posted for this claim number and CLP07
 */
export function claimPaymentKey(rc: Pick<RemitClaim, 'claimId' | 'payerClaimNumber' | 'status'>, n: number): string {
  const kind = rc.status === '22' ? 'reversal' : 'payment';
  return `${kind}|${rc.claimId.trim()}|${rc.payerClaimNumber.trim()}|${n}`;
}
