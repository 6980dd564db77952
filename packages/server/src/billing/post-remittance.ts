import { type RemittanceDetail, type Repositories, StoreError } from '@unitwise/store';
import { loadSettings } from '../routes/claims-settings.ts';
import {
  type Matched,
  matchRead,
  readRemit,
  refusal,
  toNewRemittance,
  traceRefusal,
} from '../routes/remittances-post.ts';
import { type AuditSink, type BillingDeps, billingClaims } from './billing-deps.ts';

/** A posted 835: the stored remittance, whether this call created it, and the matching it was posted from. */
export type PostOutcome =
  | { duplicate: true; detail: RemittanceDetail; matched: Matched }
  | { duplicate: false; created: boolean; detail: RemittanceDetail; matched: Matched };

/** What the posting transaction decided; errors are thrown only once it is closed (the store wraps throws). */
type Step =
  | { kind: 'duplicate'; m: Matched; id: string }
  | { kind: 'refused'; m: Matched }
  | { kind: 'conflict'; m: Matched }
  | { kind: 'posted'; m: Matched; id: string; created: boolean };

// A unique key or a claim guard that fired means another post got there first: match again, up to this many times.
const ATTEMPTS = 3;

/**
 * Posts an 835 to the clinic's claims, once per payment. Matching and writing are one transaction under the clinic's
 * posting lock, so the decision the preview showed (`matchRead`) is taken again on what is committed: a payment
 * posted before (payer id + TRN02 + amount + date, whatever the bytes) answers with the first posting and writes
 * nothing; the same trace number with another amount or date is refused (409); a file that does not balance or has
 * errors is refused (422 naming the failing checks). Unmatched claims are recorded with their reason and post
 * nothing. If a concurrent post wins a unique key (migration 0008), this one rolls back and matches again. Audits
 * each claim posted (`claim.post`) and the file (`remittance.post`).
 * @param deps - the billing dependencies
 * @param clinicId - the clinic
 * @param userId - who posts
 * @param text - the 835's text
 * @param fileName - the file's name, if known
 * @param audit - where the audit events go
 */
export async function postRemittanceFile(
  deps: BillingDeps,
  clinicId: string,
  userId: string,
  text: string,
  fileName: string | undefined,
  audit: AuditSink,
): Promise<PostOutcome> {
  const remit = readRemit(text);
  const claims = billingClaims(deps);
  const { settings } = await loadSettings(claims, clinicId);
  let step: Step | undefined;
  for (let attempt = 1; step === undefined; attempt++) {
    try {
      step = await deps.store.transaction(async (tx): Promise<Step> => {
        const repo = billingClaims(deps, tx);
        await repo.lockClinicPostings(clinicId);
        const m = await matchRead(repo, clinicId, remit, text);
        if (m.duplicateOf) return { kind: 'duplicate', m, id: m.duplicateOf };
        if (!m.posting.posted) return { kind: 'refused', m };
        if (m.conflicts.length > 0) return { kind: 'conflict', m };
        const r = await repo.postRemittance(
          clinicId,
          toNewRemittance(m, settings.billingProvider.npi, fileName, userId),
        );
        // The entries go in this transaction: a posting is never committed without them (issue 18).
        const posted = (await repo.getRemittance(clinicId, r.remittance.id)) as RemittanceDetail;
        await auditPosting(audit, tx, m, posted, r.created);
        return { kind: 'posted', m, id: r.remittance.id, created: r.created };
      });
    } catch (err) {
      if (!(err instanceof StoreError && err.code === 'constraint') || attempt >= ATTEMPTS) throw err;
    }
  }
  if (step.kind === 'refused') throw refusal(step.m.remit);
  if (step.kind === 'conflict') throw traceRefusal(step.m);
  const detail = (await claims.getRemittance(clinicId, step.id)) as RemittanceDetail;
  if (step.kind === 'duplicate') {
    await audit({ action: 'remittance.read', entity: 'remittance', entityId: step.id, detail: { duplicate: true } });
    return { duplicate: true, detail, matched: step.m };
  }
  return { duplicate: false, created: step.created, detail, matched: step.m };
}

/** Audits each claim posted (`claim.post`) and the file (`remittance.post`, or a read when it was posted before). */
async function auditPosting(
  audit: AuditSink,
  tx: Repositories,
  m: Matched,
  detail: RemittanceDetail,
  created: boolean,
): Promise<void> {
  for (const c of detail.claims) {
    if (!c.claimId || c.unmatchedReason) continue;
    const claim = m.ours.get(c.claimNumber);
    await audit(
      {
        action: 'claim.post',
        entity: 'claim',
        entityId: c.claimId,
        patientId: claim?.patientId ?? null,
        detail: { remittanceId: detail.id, event: c.event, newStatus: c.newStatus },
      },
      tx,
    );
  }
  await audit(
    {
      action: created ? 'remittance.post' : 'remittance.read',
      entity: 'remittance',
      entityId: detail.id,
      detail: {
        claims: detail.claims.length,
        posted: m.posting.willPost.claims,
        unmatched: m.posting.notPosted.claims,
        unknown: detail.unknownClaims.length,
      },
    },
    tx,
  );
}
