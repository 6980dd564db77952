import { explainCarc, explainClaimStatus, explainGroup, explainRarc } from '@unitwise/edi';
import type { ClaimDetail, ClaimPosting, PostedAdjustment } from '@unitwise/store';
import { notFound } from '../errors/api-error.ts';
import { type BillingDeps, billingClaims } from './billing-deps.ts';

/** An adjustment with its group and reason in plain words. */
function explainAdjustment(a: PostedAdjustment) {
  return { ...a, groupText: explainGroup(a.group), explanation: explainCarc(a.reason) };
}

/**
 * One 835 posting with every code in plain words (CLP02 status, CAS group and reason, remark codes).
 * @param p - the stored posting
 */
export function explainPosting(p: ClaimPosting) {
  return {
    ...p,
    payerStatusText: explainClaimStatus(p.payerStatus),
    adjustments: p.adjustments.map(explainAdjustment),
    lines: p.lines.map((l) => ({
      ...l,
      adjustments: l.adjustments.map(explainAdjustment),
      remarks: l.remarks.map((code) => ({ code, explanation: explainRarc(code) })),
    })),
  };
}

/**
 * Everything a biller reads about one claim on one page: the claim with its lines, scrub results and status history
 * (with who did each step by name), the patient and payer by name, its visits, the 837P file it went out in and every
 * 835 posting for it in plain words. Throws ApiError (404) for a claim the clinic does not have.
 * @param deps - the billing dependencies
 * @param clinicId - the clinic
 * @param claimId - the claim
 */
export async function claimDetailFor(deps: BillingDeps, clinicId: string, claimId: string) {
  const claims = billingClaims(deps);
  const c: ClaimDetail | undefined = await claims.get(clinicId, claimId);
  if (!c) throw notFound('claim');
  const [patient, payer, file, postings, visits] = await Promise.all([
    deps.store.patients.get(clinicId, c.patientId),
    c.payerId ? deps.store.payers.get(clinicId, c.payerId) : Promise.resolve(undefined),
    c.exportId ? claims.getExport(clinicId, c.exportId) : Promise.resolve(undefined),
    claims.claimPostings(clinicId, c.id),
    Promise.all(c.visitIds.map((id) => deps.store.visits.head(clinicId, id))),
  ]);
  const userIds = [...new Set(c.events.map((e) => e.userId).filter((u): u is string => u !== null))];
  const users = new Map<string, string>();
  for (const id of userIds) {
    const u = await deps.store.users.get(clinicId, id);
    if (u) users.set(id, u.name);
  }
  const replacedBy = c.events.find((e) => typeof e.detail?.by === 'string')?.detail?.by;
  return {
    ...c,
    download: c.exportId ? `/api/v1/claim-exports/${c.exportId}` : null,
    patient: { id: c.patientId, name: patient ? `${patient.lastName}, ${patient.firstName}` : 'Unknown patient' },
    payer: payer ? { id: payer.id, name: payer.name } : null,
    visits: visits
      .filter((v) => v !== undefined)
      .map((v) => ({ id: v.id, date: v.date, status: v.status }))
      .sort((a, b) => a.date.localeCompare(b.date)),
    events: c.events.map((e) => ({ ...e, by: e.userId ? (users.get(e.userId) ?? null) : null })),
    export: file
      ? {
          id: file.id,
          fileName: file.fileName,
          createdAt: file.createdAt,
          interchangeControl: file.interchangeControl,
          claimCount: file.claimCount,
          download: `/api/v1/claim-exports/${file.id}`,
        }
      : null,
    postings: postings.map(explainPosting),
    replacedBy: typeof replacedBy === 'string' ? replacedBy : null,
  };
}
