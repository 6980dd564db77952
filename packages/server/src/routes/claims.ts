import { type Claim, nextStatus, read837, scrubClaim, write837 } from '@unitwise/edi';
import type { ClaimDetail, ClaimsRepository, StoredClaim, VisitDetail } from '@unitwise/store';
import type { AppDeps } from '../deps.ts';
import { ApiError, notFound } from '../errors/api-error.ts';
import { defineRoute, type RouteDef } from '../http/route.ts';
import { BuildClaimsBody, ClaimListQuery, ClaimSettingsBody, ExportClaimsBody } from '../schemas/claims.ts';
import { IdParams, PageQuery } from '../schemas/common.ts';
import { type BuildContext, buildNewClaims, gatherVisits, rebuildOne } from './claims-build.ts';
import { billingProviderOf, claimsOf, loadSettings, partyOf } from './claims-settings.ts';

// How many signed visits one build request reads at most (the rest wait for the next build).
const MAX_VISITS = 2000;

async function contextFor(deps: AppDeps, clinicId: string, userId: string): Promise<BuildContext> {
  const claims = claimsOf(deps);
  const { configured, settings } = await loadSettings(claims, clinicId);
  const policies = await deps.policies.get(deps.store, clinicId);
  return { store: deps.store, claims, clinicId, settings, configured, policies, userId };
}

async function visitsOf(deps: AppDeps, clinicId: string, ids: readonly string[]): Promise<VisitDetail[]> {
  const out: VisitDetail[] = [];
  for (const id of ids) {
    const v = await deps.store.visits.get(clinicId, id);
    if (!v) throw notFound('visit');
    out.push(v);
  }
  return out;
}

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
      await claimsOf(deps).putSettings(principal.clinicId, body);
      await audit({ action: 'claim-settings.put', entity: 'claim-settings' });
      return { body: { configured: true, settings: body } };
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
      const clinicId = principal.clinicId;
      if (body.patientId && !(await deps.store.patients.get(clinicId, body.patientId))) throw notFound('patient');
      if (body.payerId && !(await deps.store.payers.get(clinicId, body.payerId))) throw notFound('payer');
      let visits: VisitDetail[];
      if (body.visitIds) visits = await visitsOf(deps, clinicId, body.visitIds);
      else {
        const ids: string[] = [];
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
          for (const v of page.items) ids.push(v.id);
          cursor = page.nextCursor;
        } while (cursor && ids.length < MAX_VISITS);
        visits = await visitsOf(deps, clinicId, ids.slice(0, MAX_VISITS));
      }
      const ctx = await contextFor(deps, clinicId, principal.userId);
      const claimed = await ctx.claims.claimedVisits(
        clinicId,
        visits.map((v) => v.id),
      );
      const open = visits.filter((v) => !claimed.has(v.id));
      const { gathered, skipped } = await gatherVisits(ctx, open, body.payerId);
      for (const v of visits)
        if (claimed.has(v.id)) skipped.push({ visitId: v.id, reason: 'The visit is already on a claim.' });
      const inputs = await buildNewClaims(ctx, gathered, body.period ?? ctx.settings.period);
      const created = await deps.store.transaction(async (tx) => {
        const repo = claimsOf(deps, tx);
        const out: ClaimDetail[] = [];
        for (const input of inputs) out.push(await repo.create(clinicId, input));
        return out;
      });
      for (const c of created)
        await audit({
          action: 'claim.create',
          entity: 'claim',
          entityId: c.id,
          patientId: c.patientId,
          detail: { status: c.status, lines: c.lines.length, visits: c.visitIds.length },
        });
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
      const ctx = await contextFor(deps, principal.clinicId, principal.userId);
      const c = await claimOr404(ctx.claims, principal.clinicId, params.id);
      if (c.status !== 'draft' && c.status !== 'ready')
        throw new ApiError('conflict', `A ${c.status} claim cannot be rebuilt; correct or void it instead.`);
      const { gathered, skipped } = await gatherVisits(ctx, await visitsOf(deps, principal.clinicId, c.visitIds));
      const input = await rebuildOne(ctx, gathered, c.claimNumber);
      if (!input || skipped.length > 0)
        throw new ApiError(
          'unprocessable',
          'The claim’s visits no longer make one claim (coverage, payer or provider changed); void it and build again.',
          skipped.map((s) => ({ path: `visits.${s.visitId}`, message: s.reason })),
        );
      const { claimNumber: _n, patientId: _p, createdBy: _b, ...content } = input;
      const r = await ctx.claims.replace(principal.clinicId, c.id, c.version, content, principal.userId);
      if (!r.ok) throw r.reason === 'not-found' ? notFound('claim') : new ApiError('conflict', 'The claim changed.');
      await audit({
        action: 'claim.rebuild',
        entity: 'claim',
        entityId: c.id,
        patientId: c.patientId,
        detail: { status: r.value.status, errors: r.value.scrubErrors.length },
      });
      return { body: present(r.value) };
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
      const clinicId = principal.clinicId;
      const claims = claimsOf(deps);
      const chosen: StoredClaim[] = [];
      if (body.claimIds) {
        for (const id of new Set(body.claimIds)) chosen.push(await claimOr404(claims, clinicId, id));
        const notReady = chosen.filter((c) => c.status !== 'ready');
        if (notReady.length > 0)
          throw new ApiError(
            'unprocessable',
            'Only ready claims can be exported.',
            notReady.map((c) => ({ path: `claimIds.${c.id}`, message: `The claim is ${c.status}.` })),
          );
      } else {
        let cursor: string | null = null;
        do {
          const page = await claims.list(clinicId, { status: 'ready', limit: 500, cursor });
          chosen.push(...page.items);
          cursor = page.nextCursor;
        } while (cursor);
      }
      // The file lists claims in CLM01 order, whatever order they were picked in.
      chosen.sort((x, y) => (x.claimNumber < y.claimNumber ? -1 : x.claimNumber > y.claimNumber ? 1 : 0));
      if (chosen.length === 0) throw new ApiError('unprocessable', 'No claims are ready to export.');
      const { configured, settings } = await loadSettings(claims, clinicId);
      if (!configured)
        throw new ApiError('unprocessable', 'Set the clinic’s billing settings before exporting (claim settings).');
      const billing = billingProviderOf(settings);
      // Scrubbed again against today's settings: a settings change since the build must not slip through.
      const failing = chosen.flatMap((c) =>
        scrubClaim(c.claim as Claim, billing).errors.map((e) => ({ path: c.id, message: `${e.where}: ${e.message}` })),
      );
      if (failing.length > 0) throw new ApiError('unprocessable', 'Some claims no longer pass the scrubber.', failing);
      const control = await claims.reserveControlNumber(clinicId);
      const createdAt = deps.clock().toISOString();
      const text = write837(
        {
          submitter: partyOf(settings.submitter),
          receiver: partyOf(settings.receiver),
          billingProvider: billing,
          envelope: { interchangeControl: control, groupControl: control, createdAt, usage: settings.usage },
          claims: chosen.map((c) => c.claim as Claim),
        },
        { lineBreaks: true },
      );
      // The file is read back and checked (envelopes, counts, CLM02 = ΣSV102) before it is kept.
      const check = read837(text);
      if (check.errors.length > 0)
        throw new ApiError(
          'unprocessable',
          'The written 837P fails its structural checks.',
          check.errors.map((e) => ({ path: e.where, message: e.message })),
        );
      const chargeCents = chosen.reduce((t, c) => t + c.chargeCents, 0);
      const fileName = `837P-${String(control).padStart(9, '0')}.txt`;
      const r = await claims.createExport(clinicId, {
        interchangeControl: control,
        groupControl: control,
        fileName,
        text,
        claimIds: chosen.map((c) => c.id),
        chargeCents,
        createdBy: principal.userId,
      });
      if (!r.ok) throw new ApiError('conflict', 'A claim changed while the file was written; export again.');
      for (const c of chosen)
        await audit({
          action: 'claim.export',
          entity: 'claim',
          entityId: c.id,
          patientId: c.patientId,
          detail: { exportId: r.value.id },
        });
      return {
        body: { ...r.value, claimIds: chosen.map((c) => c.id), download: `/api/v1/claim-exports/${r.value.id}` },
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
  audit: (e: { action: string; entity: string; entityId?: string; patientId?: string }) => Promise<void>,
) {
  const ctx = await contextFor(deps, clinicId, userId);
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
    const { gathered } = await gatherVisits(ctx, await visitsOf(deps, clinicId, old.visitIds));
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
    const scrub = scrubClaim(claim, billingProviderOf(ctx.settings));
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
    return { ok: true as const, value: await repo.create(clinicId, { ...made, replacesClaimId: old.id }) };
  });
  if (!result.ok) throw new ApiError('conflict', 'The claim changed; reload it.');
  await audit({
    action: `claim.${event === 'corrected' ? 'correct' : 'void'}`,
    entity: 'claim',
    entityId: old.id,
    patientId: old.patientId,
  });
  await audit({
    action: 'claim.create',
    entity: 'claim',
    entityId: result.value.id,
    patientId: result.value.patientId,
  });
  return { body: present(result.value) };
}
