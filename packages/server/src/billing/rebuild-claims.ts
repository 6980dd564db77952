import type { ClaimDetail } from '@unitwise/store';
import { ApiError, notFound } from '../errors/api-error.ts';
import { type BuildContext, gatherVisits, rebuildOne } from '../routes/claims-build.ts';
import { type AuditSink, type BillingDeps, billingClaims } from './billing-deps.ts';
import { buildContextFor, clinicVisits } from './build-claims.ts';

// How many held claims one "rebuild all" takes (the rest are reported as remaining and wait for the next one).
const MAX_REBUILD = 500;

/**
 * Rebuilds a draft or ready claim from its visits as they are now, keeping its number, and scrubs it again. Throws
 * ApiError: 409 for a claim past ready or changed meanwhile, 422 when its visits no longer make one claim.
 * @param deps - the billing dependencies
 * @param ctx - the clinic's build context
 * @param c - the stored claim
 * @param audit - where the `claim.rebuild` event goes
 */
export async function rebuildClaim(
  deps: BillingDeps,
  ctx: BuildContext,
  c: ClaimDetail,
  audit: AuditSink,
): Promise<ClaimDetail> {
  if (c.status !== 'draft' && c.status !== 'ready')
    throw new ApiError('conflict', `A ${c.status} claim cannot be rebuilt; correct or void it instead.`);
  const { gathered, skipped } = await gatherVisits(ctx, await clinicVisits(deps, ctx.clinicId, c.visitIds));
  const input = await rebuildOne(ctx, gathered, c.claimNumber);
  if (!input || skipped.length > 0)
    throw new ApiError(
      'unprocessable',
      'The claim’s visits no longer make one claim (coverage, payer or provider changed); void it and build again.',
      skipped.map((s) => ({ path: `visits.${s.visitId}`, message: s.reason })),
    );
  const { claimNumber: _n, patientId: _p, createdBy: _b, ...content } = input;
  const r = await ctx.claims.replace(ctx.clinicId, c.id, c.version, content, ctx.userId);
  if (!r.ok) throw r.reason === 'not-found' ? notFound('claim') : new ApiError('conflict', 'The claim changed.');
  await audit({
    action: 'claim.rebuild',
    entity: 'claim',
    entityId: c.id,
    patientId: c.patientId,
    detail: { status: r.value.status, errors: r.value.scrubErrors.length },
  });
  return r.value;
}

/** What one "rebuild all held claims" did. */
export interface RebuildHeldOutcome {
  /** Held (draft) claims looked at. */
  checked: number;
  /** Now ready to export. */
  ready: { id: string; claimNumber: string }[];
  /** Rebuilt and still held back, with the reasons that stand. */
  stillHeld: { id: string; claimNumber: string; reasons: string[] }[];
  /** Could not be rebuilt (visits changed so they no longer make one claim, or the claim changed meanwhile). */
  failed: { id: string; claimNumber: string; message: string }[];
  /** More held claims than one run takes. */
  remaining: boolean;
}

/**
 * Rebuilds every claim the scrubber held back (status draft), oldest first, after a fix to settings, charges,
 * coverage or plans; each claim on its own, so one that fails leaves the others rebuilt.
 * @param deps - the billing dependencies
 * @param clinicId - the clinic
 * @param userId - who rebuilds
 * @param audit - where the events go
 */
export async function rebuildHeldClaims(
  deps: BillingDeps,
  clinicId: string,
  userId: string,
  audit: AuditSink,
): Promise<RebuildHeldOutcome> {
  const ctx = await buildContextFor(deps, clinicId, userId);
  const repo = billingClaims(deps);
  const held: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await repo.list(clinicId, { status: 'draft', limit: 500, cursor });
    for (const c of page.items) held.push(c.id);
    cursor = page.nextCursor;
  } while (cursor && held.length <= MAX_REBUILD);
  // The list is newest first; the oldest held claims have waited longest.
  const take = held.reverse().slice(0, MAX_REBUILD);
  const out: RebuildHeldOutcome = {
    checked: take.length,
    ready: [],
    stillHeld: [],
    failed: [],
    remaining: held.length > MAX_REBUILD,
  };
  for (const id of take) {
    const c = await repo.get(clinicId, id);
    if (c?.status !== 'draft') continue;
    try {
      const r = await rebuildClaim(deps, ctx, c, audit);
      if (r.status === 'ready') out.ready.push({ id: r.id, claimNumber: r.claimNumber });
      else out.stillHeld.push({ id: r.id, claimNumber: r.claimNumber, reasons: r.scrubErrors.map((e) => e.message) });
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      out.failed.push({ id: c.id, claimNumber: c.claimNumber, message: err.message });
    }
  }
  return out;
}
