import { type Claim, nextStatus, scrubClaim } from '@unitwise/edi';
import type { ClaimDetail, ClaimsRepository, StoredClaim } from '@unitwise/store';
import {
  type AuditSink,
  buildClinicClaims,
  buildContextFor,
  clinicVisits,
  exportReadyClaims,
} from '../billing/index.ts';
import { rebuildClaim } from '../billing/rebuild-claims.ts';
import type { AppDeps } from '../deps.ts';
import { ApiError, notFound } from '../errors/api-error.ts';
import { defineRoute, type RouteDef } from '../http/route.ts';
import {
  BuildClaimsBody,
  ChargeMasterPutBody,
  ClaimListQuery,
  ClaimSettingsBody,
  ExportClaimsBody,
} from '../schemas/claims.ts';
import { IdParams, PageQuery } from '../schemas/common.ts';
import { gatherVisits, rebuildOne } from './claims-build.ts';
import { billingProviderOf, claimsOf, loadSettings, saveChargeMaster, saveSettings } from './claims-settings.ts';

async function claimOr404(claims: ClaimsRepository, clinicId: string, id: string): Promise<ClaimDetail> {
  const c = await claims.get(clinicId, id);
  if (!c) throw notFound('claim');
  return c;
}

/** The claim's file link when it was exported. */
function present<T extends StoredClaim>(c: T): T & { download: string | null } {
  return { ...c, download: c.exportId ? `/api/v1/claim-exports/${c.exportId}` : null };
}

/** Claim settings, building, scrubbing, listing, 837P export, corrections and voids. */
export const claimRoutes: RouteDef[] = [
  defineRoute({
    id: 'claim-settings.get',
    method: 'GET',
    path: '/api/v1/claim-settings',
    summary: 'The clinic’s billing settings (billing provider, submitter, receiver, claim numbering, charges)',
    tag: 'claims',
    access: 'anyone',
    status: 200,
    async handler({ principal, deps }) {
      const { configured, settings } = await loadSettings(claimsOf(deps), principal.clinicId);
      return { body: { configured, settings } };
    },
  }),
  defineRoute({
    id: 'claim-settings.put',
    method: 'PUT',
    path: '/api/v1/claim-settings',
    summary: 'Set the clinic’s billing settings',
    tag: 'claims',
    access: 'billingWrite',
    body: ClaimSettingsBody,
    status: 200,
    async handler({ body, principal, deps, audit }) {
      const settings = await deps.store.transaction((tx) => saveSettings(claimsOf(deps, tx), principal.clinicId, body));
      deps.pricing.forget(principal.clinicId);
      await audit({ action: 'claim-settings.put', entity: 'claim-settings' });
      return { body: { configured: true, settings } };
    },
  }),
  defineRoute({
    id: 'charge-master.put',
    method: 'PUT',
    path: '/api/v1/charge-master',
    summary: 'Set the clinic’s charge per unit by code (its charge master), apart from the other billing settings',
    tag: 'claims',
    access: 'billingWrite',
    body: ChargeMasterPutBody,
    status: 200,
    async handler({ body, principal, deps, audit }) {
      await deps.store.transaction((tx) => saveChargeMaster(claimsOf(deps, tx), principal.clinicId, body.charges));
      deps.pricing.forget(principal.clinicId);
      await audit({
        action: 'charge-master.put',
        entity: 'claim-settings',
        detail: { codes: Object.keys(body.charges).length },
      });
      return { body: { charges: body.charges } };
    },
  }),
  defineRoute({
    id: 'claims.build',
    method: 'POST',
    path: '/api/v1/claims/build',
    summary: 'Build scrubbed claims (ready or draft) from signed visits: one per patient, payer, provider, period',
    tag: 'claims',
    access: 'billingWrite',
    body: BuildClaimsBody,
    status: 201,
    async handler({ body, principal, deps, audit }) {
      const { created, skipped } = await buildClinicClaims(deps, principal.clinicId, principal.userId, body, audit);
      return {
        body: {
          items: created.map(present),
          skipped,
          ready: created.filter((c) => c.status === 'ready').length,
          held: created.filter((c) => c.status === 'draft').length,
        },
      };
    },
  }),
  defineRoute({
    id: 'claims.list',
    method: 'GET',
    path: '/api/v1/claims',
    summary: 'Claims, newest first (filters: status, payer, patient)',
    tag: 'claims',
    access: 'clinicalRead',
    query: ClaimListQuery,
    status: 200,
    async handler({ query, principal, deps, audit }) {
      const page = await claimsOf(deps).list(principal.clinicId, {
        limit: query.limit,
        ...(query.cursor ? { cursor: query.cursor } : {}),
        ...(query.status ? { status: query.status } : {}),
        ...(query.payerId ? { payerId: query.payerId } : {}),
        ...(query.patientId ? { patientId: query.patientId } : {}),
      });
      await audit({
        action: 'claim.list',
        entity: 'claim',
        patientId: query.patientId ?? null,
        detail: { count: page.items.length },
      });
      return { body: { items: page.items.map(present), next: page.nextCursor } };
    },
  }),
  defineRoute({
    id: 'claims.get',
    method: 'GET',
    path: '/api/v1/claims/:id',
    summary: 'One claim with its lines, scrub errors, visits and status history',
    tag: 'claims',
    access: 'clinicalRead',
    params: IdParams,
    status: 200,
    async handler({ params, principal, deps, audit }) {
      const c = await claimOr404(claimsOf(deps), principal.clinicId, params.id);
      await audit({ action: 'claim.read', entity: 'claim', entityId: c.id, patientId: c.patientId });
      return { body: present(c) };
    },
  }),
  defineRoute({
    id: 'claims.rebuild',
    method: 'POST',
    path: '/api/v1/claims/:id/rebuild',
    summary: 'Rebuild a draft or ready claim from its visits (after fixing coverage, plan or settings) and scrub it',
    tag: 'claims',
    access: 'billingWrite',
    params: IdParams,
    status: 200,
    async handler({ params, principal, deps, audit }) {
      const ctx = await buildContextFor(deps, principal.clinicId, principal.userId);
      const c = await claimOr404(ctx.claims, principal.clinicId, params.id);
      return { body: present(await rebuildClaim(deps, ctx, c, audit)) };
    },
  }),
  defineRoute({
    id: 'claims.export',
    method: 'POST',
    path: '/api/v1/claims/export',
    summary: 'Write ready claims into one 837P file (stored with its control numbers); the claims become exported',
    tag: 'claims',
    access: 'billingWrite',
    body: ExportClaimsBody,
    status: 201,
    async handler({ body, principal, deps, audit }) {
      const { file, chosen } = await exportReadyClaims(
        deps,
        principal.clinicId,
        principal.userId,
        body.claimIds,
        audit,
      );
      return {
        body: { ...file, claimIds: chosen.map((c) => c.id), download: `/api/v1/claim-exports/${file.id}` },
      };
    },
  }),
  defineRoute({
    id: 'claim-exports.list',
    method: 'GET',
    path: '/api/v1/claim-exports',
    summary: '837P files written, newest first',
    tag: 'claims',
    access: 'clinicalRead',
    query: PageQuery,
    status: 200,
    async handler({ query, principal, deps }) {
      const page = await claimsOf(deps).listExports(principal.clinicId, {
        limit: query.limit,
        ...(query.cursor ? { cursor: query.cursor } : {}),
      });
      return { body: { items: page.items, next: page.nextCursor } };
    },
  }),
  defineRoute({
    id: 'claim-exports.get',
    method: 'GET',
    path: '/api/v1/claim-exports/:id',
    summary: 'Download an 837P file (text/plain)',
    tag: 'claims',
    access: 'clinicalRead',
    params: IdParams,
    status: 200,
    async handler({ params, principal, deps, audit }) {
      const f = await claimsOf(deps).getExport(principal.clinicId, params.id);
      if (!f) throw notFound('claim file');
      await audit({
        action: 'claim-export.read',
        entity: 'claim-export',
        entityId: f.id,
        detail: { claims: f.claimCount },
      });
      return {
        body: f.text,
        headers: {
          'content-type': 'text/plain; charset=utf-8',
          'content-disposition': `attachment; filename="${f.fileName}"`,
        },
      };
    },
  }),
  defineRoute({
    id: 'claims.correct',
    method: 'POST',
    path: '/api/v1/claims/:id/correct',
    summary: 'Replace a sent claim (frequency 7 with the payer’s claim number): a new claim from the visits as now',
    tag: 'claims',
    access: 'billingWrite',
    params: IdParams,
    status: 201,
    async handler({ params, principal, deps, audit }) {
      return replaceOrVoid(deps, principal.clinicId, principal.userId, params.id, '7', audit);
    },
  }),
  defineRoute({
    id: 'claims.void',
    method: 'POST',
    path: '/api/v1/claims/:id/void',
    summary: 'Void a sent claim (frequency 8 with the payer’s claim number)',
    tag: 'claims',
    access: 'billingWrite',
    params: IdParams,
    status: 201,
    async handler({ params, principal, deps, audit }) {
      return replaceOrVoid(deps, principal.clinicId, principal.userId, params.id, '8', audit);
    },
  }),
];

async function replaceOrVoid(
  deps: AppDeps,
  clinicId: string,
  userId: string,
  id: string,
  frequency: '7' | '8',
  audit: AuditSink,
) {
  const ctx = await buildContextFor(deps, clinicId, userId);
  const old = await claimOr404(ctx.claims, clinicId, id);
  const event = frequency === '7' ? 'corrected' : 'voided';
  const move = nextStatus(old.status, event);
  if (!move.ok) throw new ApiError('conflict', move.message);
  if (!old.payerClaimNumber)
    throw new ApiError(
      'unprocessable',
      'The payer’s claim number (CLP07 of its 835) is needed to correct or void a claim; post the 835 first.',
    );
  const [number] = [await ctx.claims.reserveClaimNumbers(clinicId, 1)];
  const claimNumber = `${ctx.settings.claimIdPrefix}${String(number).padStart(6, '0')}`;
  let input: Awaited<ReturnType<typeof rebuildOne>>;
  if (frequency === '7') {
    const { gathered } = await gatherVisits(ctx, await clinicVisits(deps, clinicId, old.visitIds));
    input = await rebuildOne(ctx, gathered, claimNumber, '7', old.payerClaimNumber);
    if (!input) throw new ApiError('unprocessable', 'The claim’s visits no longer make one claim; void it instead.');
  } else {
    // A void repeats the claim as sent, with frequency 8 and REF*F8 (x12.md §3); it bills no visit.
    const sent = old.claim as Claim;
    const claim: Claim = {
      ...sent,
      claimId: claimNumber,
      frequency: '8',
      payerClaimNumber: old.payerClaimNumber,
      lines: sent.lines.map((l, i) => ({ ...l, controlNumber: `${claimNumber}-${i + 1}` })),
    };
    const scrub = scrubClaim(claim, billingProviderOf(ctx.settings), [], [], { settingsUnset: !ctx.configured });
    input = {
      claimNumber,
      patientId: old.patientId,
      payerId: old.payerId,
      payerPolicyId: old.payerPolicyId,
      renderingNpi: old.renderingNpi,
      status: scrub.ok && ctx.configured ? 'ready' : 'draft',
      frequency: '8',
      claim,
      chargeCents: old.chargeCents,
      lines: old.lines.map((l, i) => ({ ...l, controlNumber: `${claimNumber}-${i + 1}` })),
      visitIds: [],
      scrubErrors: scrub.errors,
      scrubWarnings: scrub.warnings,
      payerClaimNumber: old.payerClaimNumber,
      createdBy: userId,
    };
  }
  const made = input;
  const result = await deps.store.transaction(async (tx) => {
    const repo = claimsOf(deps, tx);
    const moved = await repo.transition(clinicId, old.id, {
      from: old.status,
      to: move.status,
      event,
      userId,
      detail: { by: claimNumber },
    });
    if (!moved.ok) return moved;
    const created = await repo.create(clinicId, { ...made, replacesClaimId: old.id });
    // Both entries in the same transaction as the change they record.
    const action = `claim.${event === 'corrected' ? 'correct' : 'void'}`;
    await audit({ action, entity: 'claim', entityId: old.id, patientId: old.patientId }, tx);
    await audit({ action: 'claim.create', entity: 'claim', entityId: created.id, patientId: created.patientId }, tx);
    return { ok: true as const, value: created };
  });
  if (!result.ok) throw new ApiError('conflict', 'The claim changed; reload it.');
  return { body: present(result.value) };
}
