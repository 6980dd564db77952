import { previewClinicBuild } from '../billing/build-preview.ts';
import { chargePage } from '../billing/charge-review.ts';
import { claimDetailFor } from '../billing/claim-detail.ts';
import { rebuildHeldClaims } from '../billing/rebuild-claims.ts';
import { holdVisit, releaseVisit } from '../billing/visit-holds.ts';
import { notFound } from '../errors/api-error.ts';
import { defineRoute, type RouteDef } from '../http/route.ts';
import { BuildPreviewQuery, ChargeListQuery, HoldBody } from '../schemas/claims-review.ts';
import { IdParams } from '../schemas/common.ts';
import { claimsOf } from './claims-settings.ts';

/** A biller's day: charge review with holds, a build preview, rebuilding every held claim, one claim in full. */
export const claimReviewRoutes: RouteDef[] = [
  defineRoute({
    id: 'charges.list',
    method: 'GET',
    path: '/api/v1/charges',
    summary: 'Charge review: signed visits with lines, findings, payer, claim and hold, newest first (paged)',
    tag: 'claims',
    access: 'billingRead',
    query: ChargeListQuery,
    status: 200,
    async handler({ query, principal, deps, audit }) {
      const body = await chargePage(deps, principal.clinicId, {
        limit: query.limit,
        ...(query.cursor ? { cursor: query.cursor } : {}),
        ...(query.from ? { from: query.from } : {}),
        ...(query.to ? { to: query.to } : {}),
        ...(query.patientId ? { patientId: query.patientId } : {}),
        ...(query.providerId ? { providerId: query.providerId } : {}),
        ...(query.payerId ? { payerId: query.payerId } : {}),
        ...(query.rule ? { rule: query.rule } : {}),
        ...(query.state ? { state: query.state } : {}),
      });
      await audit({
        action: 'charge.list',
        entity: 'visit',
        patientId: query.patientId ?? null,
        detail: { count: body.items.length },
      });
      return { body };
    },
  }),
  defineRoute({
    id: 'visits.hold',
    method: 'POST',
    path: '/api/v1/visits/:id/hold',
    summary: 'Hold a signed visit from billing, with a reason: no claim is built from it until it is released',
    tag: 'claims',
    access: 'billingWrite',
    params: IdParams,
    body: HoldBody,
    status: 201,
    async handler({ params, body, principal, deps, audit }) {
      return { body: await holdVisit(deps, principal.clinicId, principal.userId, params.id, body.reason, audit) };
    },
  }),
  defineRoute({
    id: 'visits.release',
    method: 'POST',
    path: '/api/v1/visits/:id/release',
    summary: 'Release a visit’s billing hold, with a reason: the next build bills it',
    tag: 'claims',
    access: 'billingWrite',
    params: IdParams,
    body: HoldBody,
    status: 200,
    async handler({ params, body, principal, deps, audit }) {
      return { body: await releaseVisit(deps, principal.clinicId, principal.userId, params.id, body.reason, audit) };
    },
  }),
  defineRoute({
    id: 'visits.holds',
    method: 'GET',
    path: '/api/v1/visits/:id/holds',
    summary: 'A visit’s billing holds, standing and released, oldest first, with who and why',
    tag: 'claims',
    access: 'billingRead',
    params: IdParams,
    status: 200,
    async handler({ params, principal, deps, audit }) {
      const visit = await deps.store.visits.head(principal.clinicId, params.id);
      if (!visit) throw notFound('visit');
      const items = await claimsOf(deps).holdHistory(principal.clinicId, params.id);
      await audit({ action: 'visit.holds.read', entity: 'visit', entityId: visit.id, patientId: visit.patientId });
      return { body: { items, next: null } };
    },
  }),
  defineRoute({
    id: 'claims.build-preview',
    method: 'GET',
    path: '/api/v1/claims/build-preview',
    summary: 'What a build would bill for these dates: signed visits not yet on a claim and not held, by payer',
    tag: 'claims',
    access: 'billingRead',
    query: BuildPreviewQuery,
    status: 200,
    async handler({ query, principal, deps, audit }) {
      const body = await previewClinicBuild(deps, principal.clinicId, query);
      await audit({
        action: 'claim.build-preview',
        entity: 'claim',
        patientId: query.patientId ?? null,
        detail: { toBill: body.toBill },
      });
      return { body };
    },
  }),
  defineRoute({
    id: 'claims.rebuild-held',
    method: 'POST',
    path: '/api/v1/claims/rebuild-held',
    summary: 'Rebuild and scrub again every claim held back by the scrubber (after fixing settings, charges, plans)',
    tag: 'claims',
    access: 'billingWrite',
    status: 200,
    async handler({ principal, deps, audit }) {
      return { body: await rebuildHeldClaims(deps, principal.clinicId, principal.userId, audit) };
    },
  }),
  defineRoute({
    id: 'claims.detail',
    method: 'GET',
    path: '/api/v1/claims/:id/detail',
    summary: 'One claim in full: lines, scrub results, history, its 837P file, and 835 payments and adjustments',
    tag: 'claims',
    access: 'billingRead',
    params: IdParams,
    status: 200,
    async handler({ params, principal, deps, audit }) {
      const body = await claimDetailFor(deps, principal.clinicId, params.id);
      await audit({ action: 'claim.read', entity: 'claim', entityId: body.id, patientId: body.patientId });
      return { body };
    },
  }),
];
