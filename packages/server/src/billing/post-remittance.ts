import type { RemittanceDetail } from '@unitwise/store';
import { loadSettings } from '../routes/claims-settings.ts';
import { type Matched, matchRemit, refusal, toNewRemittance } from '../routes/remittances-post.ts';
import { type AuditSink, type BillingDeps, billingClaims } from './billing-deps.ts';

/** A posted 835: the stored remittance, whether this call created it, and the matching it was posted from. */
export type PostOutcome =
  | { duplicate: true; detail: RemittanceDetail; matched: Matched }
  | { duplicate: false; created: boolean; detail: RemittanceDetail; matched: Matched };

/**
 * Posts an 835 to the clinic's claims once per file: a file posted before (same key) answers with the first posting
 * and writes nothing; a file that does not balance or has errors is refused (ApiError 422 naming the failing checks)
 * and writes nothing. Audits each claim posted (`claim.post`) and the file (`remittance.post`).
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
  const claims = billingClaims(deps);
  const m = await matchRemit(claims, clinicId, text);
  const seen = await claims.findRemittanceByKey(clinicId, m.key);
  if (seen) {
    const detail = await claims.getRemittance(clinicId, seen.id);
    await audit({ action: 'remittance.read', entity: 'remittance', entityId: seen.id, detail: { duplicate: true } });
    return { duplicate: true, detail: detail as RemittanceDetail, matched: m };
  }
  if (!m.posting.posted) throw refusal(m.remit);
  const { settings } = await loadSettings(claims, clinicId);
  const input = toNewRemittance(m, settings.billingProvider.npi, fileName, userId);
  const r = await claims.postRemittance(clinicId, input);
  const detail = (await claims.getRemittance(clinicId, r.remittance.id)) as RemittanceDetail;
  for (const c of detail.claims) {
    if (!c.claimId) continue;
    const claim = m.ours.get(c.claimNumber);
    await audit({
      action: 'claim.post',
      entity: 'claim',
      entityId: c.claimId,
      patientId: claim?.patientId ?? null,
      detail: { remittanceId: r.remittance.id, event: c.event, newStatus: c.newStatus },
    });
  }
  await audit({
    action: r.created ? 'remittance.post' : 'remittance.read',
    entity: 'remittance',
    entityId: r.remittance.id,
    detail: { claims: detail.claims.length, unknown: detail.unknownClaims.length },
  });
  return { duplicate: false, created: r.created, detail, matched: m };
}
