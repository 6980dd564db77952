import type { ClaimDetail, VisitDetail } from '@unitwise/store';
import type { z } from 'zod';
import { notFound } from '../errors/api-error.ts';
import { type BuildContext, buildNewClaims, gatherVisits, type SkippedVisit } from '../routes/claims-build.ts';
import { loadSettings } from '../routes/claims-settings.ts';
import type { BuildClaimsBody } from '../schemas/claims.ts';
import { type AuditSink, type BillingDeps, billingClaims } from './billing-deps.ts';

/** Which visits a build takes: ids, or signed visits by dates and patient; payer and billing period. */
export type BuildRequest = z.output<typeof BuildClaimsBody>;

// How many signed visits one build reads at most (the rest wait for the next build).
const MAX_VISITS = 2000;

/**
 * The build context for one clinic: its claims repository, billing settings and payer policies.
 * @param deps - the billing dependencies
 * @param clinicId - the clinic
 * @param userId - who builds
 */
export async function buildContextFor(deps: BillingDeps, clinicId: string, userId: string): Promise<BuildContext> {
  const claims = billingClaims(deps);
  const { configured, settings } = await loadSettings(claims, clinicId);
  const policies = await deps.policies.get(deps.store, clinicId);
  return { store: deps.store, claims, clinicId, settings, configured, policies, userId };
}

/**
 * The clinic's visits by id; an id that is missing or another clinic's is a 404.
 * @param deps - the billing dependencies
 * @param clinicId - the clinic
 * @param ids - visit ids
 */
export async function clinicVisits(
  deps: Pick<BillingDeps, 'store'>,
  clinicId: string,
  ids: readonly string[],
): Promise<VisitDetail[]> {
  const out: VisitDetail[] = [];
  for (const id of ids) {
    const v = await deps.store.visits.get(clinicId, id);
    if (!v) throw notFound('visit');
    out.push(v);
  }
  return out;
}

/** A visit a build considers: enough to count it before reading its content. */
export interface VisitRef {
  id: string;
  patientId: string;
  date: string;
  status: string;
}

/**
 * The visits a build takes: the ids given (each must be the clinic's), or the signed visits in the date range (and
 * of the patient), at most MAX_VISITS; `truncated` when more were there. Throws ApiError (404) for a patient or payer
 * the clinic does not have.
 * @param deps - the billing dependencies
 * @param clinicId - the clinic
 * @param body - the build request
 */
export async function pickVisits(
  deps: Pick<BillingDeps, 'store'>,
  clinicId: string,
  body: BuildRequest,
): Promise<{ refs: VisitRef[]; truncated: boolean }> {
  if (body.patientId && !(await deps.store.patients.get(clinicId, body.patientId))) throw notFound('patient');
  if (body.payerId && !(await deps.store.payers.get(clinicId, body.payerId))) throw notFound('payer');
  if (body.visitIds) {
    const visits = await clinicVisits(deps, clinicId, body.visitIds);
    return {
      refs: visits.map((v) => ({ id: v.id, patientId: v.patientId, date: v.date, status: v.status })),
      truncated: false,
    };
  }
  const refs: VisitRef[] = [];
  let cursor: string | null = null;
  do {
    const page = await deps.store.visits.list(clinicId, {
      status: 'signed',
      ...(body.from ? { from: body.from } : {}),
      ...(body.to ? { to: body.to } : {}),
      ...(body.patientId ? { patientId: body.patientId } : {}),
      limit: 500,
      cursor,
    });
    for (const v of page.items) refs.push({ id: v.id, patientId: v.patientId, date: v.date, status: v.status });
    cursor = page.nextCursor;
  } while (cursor && refs.length < MAX_VISITS);
  return { refs: refs.slice(0, MAX_VISITS), truncated: refs.length > MAX_VISITS || cursor !== null };
}

/** The claims a build made and the visits it left out, with why. */
export interface BuildOutcome {
  created: ClaimDetail[];
  skipped: SkippedVisit[];
}

/**
 * Builds scrubbed claims (ready, or draft with the reasons) from the clinic's signed visits not yet on a claim,
 * stores them in one transaction and audits each (`claim.create`). Throws ApiError (404) for a patient, payer or
 * visit id the clinic does not have.
 * @param deps - the billing dependencies
 * @param clinicId - the clinic
 * @param userId - who builds
 * @param body - which visits (ids, or signed visits by date range and patient), payer and billing period
 * @param audit - where the audit events go
 */
export async function buildClinicClaims(
  deps: BillingDeps,
  clinicId: string,
  userId: string,
  body: BuildRequest,
  audit: AuditSink,
): Promise<BuildOutcome> {
  const picked = await pickVisits(deps, clinicId, body);
  const ctx = await buildContextFor(deps, clinicId, userId);
  const ids = picked.refs.map((v) => v.id);
  const [claimed, held] = await Promise.all([
    ctx.claims.claimedVisits(clinicId, ids),
    ctx.claims.standingHolds(clinicId, ids),
  ]);
  const visits = await clinicVisits(
    deps,
    clinicId,
    ids.filter((id) => !claimed.has(id) && !held.has(id)),
  );
  const { gathered, skipped } = await gatherVisits(ctx, visits, body.payerId);
  for (const id of ids) {
    if (claimed.has(id)) skipped.push({ visitId: id, reason: 'The visit is already on a claim.' });
    const hold = held.get(id);
    if (hold) skipped.push({ visitId: id, reason: `The visit is on hold: ${hold.reason}` });
  }
  const inputs = await buildNewClaims(ctx, gathered, body.period ?? ctx.settings.period);
  const created = await deps.store.transaction(async (tx) => {
    const repo = billingClaims(deps, tx);
    // A build running at the same time may have claimed some of these visits since the check above: checked again
    // under the clinic's lock, and a claim with any such visit is left out (its visits reported as skipped).
    await repo.lockClinicBuilds(clinicId);
    const wanted = inputs.flatMap((i) => i.visitIds);
    const [taken, heldNow] = await Promise.all([
      repo.claimedVisits(clinicId, wanted),
      repo.standingHolds(clinicId, wanted),
    ]);
    const out: ClaimDetail[] = [];
    for (const input of inputs) {
      if (input.visitIds.some((v) => taken.has(v) || heldNow.has(v))) {
        for (const v of input.visitIds)
          skipped.push({
            visitId: v,
            reason: taken.has(v)
              ? 'The visit is already on a claim.'
              : heldNow.has(v)
                ? `The visit was put on hold during the build: ${heldNow.get(v)?.reason ?? ''}`
                : 'Another visit of its claim was claimed or held while the build ran; build again.',
          });
        continue;
      }
      const c = await repo.create(clinicId, input);
      // In the build's transaction: no claim is committed without its entry.
      await audit(
        {
          action: 'claim.create',
          entity: 'claim',
          entityId: c.id,
          patientId: c.patientId,
          detail: { status: c.status, lines: c.lines.length, visits: c.visitIds.length },
        },
        tx,
      );
      out.push(c);
    }
    return out;
  });
  return { created, skipped };
}
