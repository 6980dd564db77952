import { createHash } from 'node:crypto';
import type { Remittance } from '../x835/types.ts';

/**
 * The idempotency key of an 835 file: each payment's TRN02 trace number and TRN03 payer id, plus the SHA-256 of
 * the file's bytes. The same file imported twice gets the same key, so it posts once.
 * @param remit - the read remittance
 * @param bytes - the file's bytes (or text)
 */
export function remittanceKey(remit: Remittance, bytes: string | Uint8Array): string {
  const hash = createHash('sha256').update(bytes).digest('hex');
  const traces = remit.transactions.map((t) => `${t.traceNumber}@${t.payerId}`).join(',');
  return `${traces}#${hash}`;
}
