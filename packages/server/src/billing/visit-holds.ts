import type { VisitHold } from '@unitwise/store';
import { ApiError, notFound } from '../errors/api-error.ts';
import { type AuditSink, type BillingDeps, billingClaims } from './billing-deps.ts';

/**
 * Holds a signed visit from billing with the biller's reason: no build takes it until it is released. Checked and
 * written under the clinic's build lock, so a build running at the same time either bills it first or sees the hold.
 * Throws ApiError: 404 for a visit the clinic does not have, 409 for one not signed, already on a claim or on hold.
 * @param deps - the billing dependencies
 * @param clinicId - the clinic
 * @param userId - who holds it
 * @param visitId - the visit
 * @param reason - why, in the biller's words (kept with the hold, not in the audit log)
 * @param audit - where the `visit.hold` event goes
 */
export async function holdVisit(
  deps: BillingDeps,
  clinicId: string,
  userId: string,
  visitId: string,
  reason: string,
  audit: AuditSink,
): Promise<VisitHold> {
  const visit = await deps.store.visits.head(clinicId, visitId);
  if (!visit) throw notFound('visit');
  if (visit.status !== 'signed')
    throw new ApiError('conflict', 'Only a signed visit can be held from billing; this note is not signed yet.');
  const r = await deps.store.transaction(async (tx) => {
    const repo = billingClaims(deps, tx);
    await repo.lockClinicBuilds(clinicId);
    const claim = (await repo.claimsOfVisits(clinicId, [visitId])).get(visitId);
    if (claim) return { ok: false as const, claim };
    return repo.holdVisit(clinicId, visitId, { reason, userId });
  });
  if (!r.ok) {
    if ('claim' in r)
      throw new ApiError(
        'conflict',
        `The visit is already on claim ${r.claim.claimNumber} (${r.claim.status}); a visit is held before it is billed.`,
      );
    throw new ApiError('conflict', 'The visit is already on hold.');
  }
  await audit({
    action: 'visit.hold',
    entity: 'visit',
    entityId: visitId,
    patientId: visit.patientId,
    detail: { holdId: r.value.id },
  });
  return r.value;
}

/**
 * Releases a visit's hold with a reason; the next build bills it. Throws ApiError: 404 for a visit the clinic does
 * not have, 409 when it is not on hold.
 * @param deps - the billing dependencies
 * @param clinicId - the clinic
 * @param userId - who releases it
 * @param visitId - the visit
 * @param reason - why
 * @param audit - where the `visit.release` event goes
 */
export async function releaseVisit(
  deps: BillingDeps,
  clinicId: string,
  userId: string,
  visitId: string,
  reason: string,
  audit: AuditSink,
): Promise<VisitHold> {
  const visit = await deps.store.visits.head(clinicId, visitId);
  if (!visit) throw notFound('visit');
  const r = await billingClaims(deps).releaseVisit(clinicId, visitId, { reason, userId });
  if (!r.ok) throw new ApiError('conflict', 'The visit is not on hold.');
  await audit({
    action: 'visit.release',
    entity: 'visit',
    entityId: visitId,
    patientId: visit.patientId,
    detail: { holdId: r.value.id },
  });
  return r.value;
}
