import { hashVisitContent } from '@unitwise/store';
import { assessVisit } from '../engine/assess-visit.ts';
import { ApiError, notFound } from '../errors/api-error.ts';
import { etagOf, parseIfMatch } from '../http/etag.ts';
import { defineRoute, type RouteDef } from '../http/route.ts';
import { IdParams } from '../schemas/common.ts';
import { AddendumBody, EndSegmentBody, OverrideBody, SegmentInput, SegmentParams, SignBody } from '../schemas/visit.ts';
import { attestationOf, confirmedWarnings, refuseIncomplete } from './sign-gates.ts';
import { checkMayAddend, checkMaySign, ownProvider } from './visit-access.ts';
import { presentVisit, signedConflict, standingErrors, writeFailure } from './visits.ts';

/** Signing, overrides, addenda and timer segments of a visit. */
export const signingRoutes: RouteDef[] = [
  defineRoute({
    id: 'visits.sign',
    method: 'POST',
    path: '/api/v1/visits/:id/sign',
    summary:
      'Sign a note: refused (422) while it is incomplete, error findings stand without an override reason, warnings are unconfirmed or the attestation is not confirmed',
    tag: 'visits',
    access: 'sign',
    params: IdParams,
    body: SignBody,
    status: 200,
    async handler({ params, body, principal, deps, audit, request }) {
      const { store } = deps;
      const v = await store.visits.get(principal.clinicId, params.id);
      if (!v) throw notFound('visit');
      if (v.status === 'signed') throw signedConflict();
      if (v.providerId) await ownProvider(deps, principal, v.providerId);
      checkMaySign(principal, v.noteType);
      refuseIncomplete(v);
      // Signing is judged on the findings as of now (history may have changed since the last save).
      const assessment = await assessVisit(store, principal.clinicId, v, {
        policies: deps.policies,
        pricing: deps.pricing,
        history: deps.history,
      });
      const { findings } = assessment;
      const errors = body.overrides.flatMap((o, i) =>
        findings.some((f) => f.rule === o.rule && (o.service === undefined || o.service === f.service))
          ? []
          : [{ path: `overrides.${i}.rule`, message: 'No such finding stands on this visit.' }],
      );
      if (errors.length > 0)
        throw new ApiError('unprocessable', 'An override names a finding the visit does not have.', errors);
      const standing = standingErrors(findings, [...v.overrides, ...body.overrides]);
      if (standing.length > 0) {
        throw new ApiError(
          'unprocessable',
          `${standing.length} error finding${standing.length === 1 ? '' : 's'} must be fixed or overridden with a reason before signing.`,
          standing.map((f) => ({
            path: f.service === undefined ? 'visit' : `services.${f.service}`,
            message: `${f.rule}: ${f.message}`,
          })),
          { findings: standing },
        );
      }
      const warnings = confirmedWarnings(findings, [...v.overrides, ...body.overrides], body);
      const attestation = await attestationOf(deps, principal, v, warnings);
      const expectedVersion =
        request.headers['if-match'] === undefined ? v.version : parseIfMatch(request.headers['if-match']);
      const signed = await store.transaction(async (tx) => {
        const replaced = await tx.visits.replaceFindings(principal.clinicId, v.id, findings);
        if (!replaced.ok) return replaced;
        for (const o of body.overrides) {
          const r = await tx.visits.addOverride(principal.clinicId, v.id, { ...o, userId: principal.userId });
          if (!r.ok) return r;
          await tx.audit.append(principal.clinicId, {
            action: 'visit.override',
            entity: 'override',
            entityId: r.value.id,
            patientId: v.patientId,
            userId: principal.userId,
            ip: request.ip,
            detail: { visitId: v.id, rule: o.rule, service: o.service ?? null },
          });
        }
        const s = await tx.visits.sign(principal.clinicId, v.id, {
          expectedVersion,
          userId: principal.userId,
          contentHash: hashVisitContent(v),
          attestation,
        });
        // In the signing transaction: a note is never signed without its entry (issue 18).
        if (s.ok)
          await audit(
            {
              action: 'visit.sign',
              entity: 'visit',
              entityId: v.id,
              patientId: v.patientId,
              detail: {
                overrides: body.overrides.length,
                attested: true,
                credential: attestation.credential,
                warningsConfirmed: warnings.map((w) => ({ rule: w.rule, service: w.service })),
              },
            },
            tx,
          );
        return s;
      });
      if (!signed.ok) throw writeFailure(signed.reason);
      return { body: presentVisit(signed.value, assessment), headers: { etag: etagOf(signed.value.version) } };
    },
  }),
  defineRoute({
    id: 'visits.overrides.list',
    method: 'GET',
    path: '/api/v1/visits/:id/overrides',
    summary: 'Overrides of a visit’s findings, with their reasons',
    tag: 'visits',
    access: 'clinicalRead',
    params: IdParams,
    status: 200,
    async handler({ params, principal, deps, audit }) {
      const v = await deps.store.visits.get(principal.clinicId, params.id);
      if (!v) throw notFound('visit');
      await audit({ action: 'override.list', entity: 'visit', entityId: v.id, patientId: v.patientId });
      return { body: { items: v.overrides, next: null } };
    },
  }),
  defineRoute({
    id: 'visits.overrides.add',
    method: 'POST',
    path: '/api/v1/visits/:id/overrides',
    summary: 'Override a finding of a draft with a written reason',
    tag: 'visits',
    access: 'sign',
    params: IdParams,
    body: OverrideBody,
    status: 201,
    async handler({ params, body, principal, deps, audit }) {
      const v = await deps.store.visits.get(principal.clinicId, params.id);
      if (!v) throw notFound('visit');
      if (v.status === 'signed') throw signedConflict();
      if (v.providerId) await ownProvider(deps, principal, v.providerId);
      if (!v.findings.some((f) => f.rule === body.rule && (body.service === undefined || body.service === f.service))) {
        throw new ApiError('unprocessable', 'The visit has no such finding.', [
          { path: 'rule', message: 'No such finding stands on this visit.' },
        ]);
      }
      const r = await deps.store.visits.addOverride(principal.clinicId, v.id, { ...body, userId: principal.userId });
      if (!r.ok) throw writeFailure(r.reason);
      await audit({
        action: 'visit.override',
        entity: 'override',
        entityId: r.value.id,
        patientId: v.patientId,
        detail: { visitId: v.id, rule: body.rule },
      });
      return { body: r.value };
    },
  }),
  defineRoute({
    id: 'visits.addenda.list',
    method: 'GET',
    path: '/api/v1/visits/:id/addenda',
    summary: 'Addenda of a signed note',
    tag: 'visits',
    access: 'clinicalRead',
    params: IdParams,
    status: 200,
    async handler({ params, principal, deps, audit }) {
      const v = await deps.store.visits.get(principal.clinicId, params.id);
      if (!v) throw notFound('visit');
      await audit({ action: 'addendum.list', entity: 'visit', entityId: v.id, patientId: v.patientId });
      return { body: { items: v.addenda, next: null } };
    },
  }),
  defineRoute({
    id: 'visits.addenda.add',
    method: 'POST',
    path: '/api/v1/visits/:id/addenda',
    summary: 'Correct a signed note with an addendum that references it',
    tag: 'visits',
    access: 'clinicalWrite',
    params: IdParams,
    body: AddendumBody,
    status: 201,
    idempotent: true,
    async handler({ params, body, principal, deps, audit }) {
      const v = await deps.store.visits.get(principal.clinicId, params.id);
      if (!v) throw notFound('visit');
      if (v.status === 'signed') await checkMayAddend(deps, principal, v);
      const r = await deps.store.visits.addAddendum(principal.clinicId, v.id, {
        authorId: principal.userId,
        text: body.text,
      });
      if (!r.ok) {
        if (r.reason === 'not-signed')
          throw new ApiError('conflict', 'This note is a draft: edit it instead of adding an addendum.');
        throw notFound('visit');
      }
      await audit({
        action: 'addendum.create',
        entity: 'addendum',
        entityId: r.value.id,
        patientId: v.patientId,
        detail: { visitId: v.id },
      });
      return { body: r.value };
    },
  }),
  defineRoute({
    id: 'visits.segments.add',
    method: 'POST',
    path: '/api/v1/visits/:id/segments',
    summary: 'Start (or record) a timer run on a draft visit',
    tag: 'visits',
    access: 'clinicalWrite',
    params: IdParams,
    body: SegmentInput,
    status: 201,
    async handler({ params, body, principal, deps, audit }) {
      const v = await deps.store.visits.get(principal.clinicId, params.id);
      if (!v) throw notFound('visit');
      if (v.providerId) await ownProvider(deps, principal, v.providerId);
      const r = await deps.store.visits.addSegment(principal.clinicId, v.id, body);
      if (!r.ok) throw writeFailure(r.reason);
      await audit({ action: 'segment.create', entity: 'segment', entityId: r.value.id, patientId: v.patientId });
      return { body: r.value };
    },
  }),
  defineRoute({
    id: 'visits.segments.end',
    method: 'PATCH',
    path: '/api/v1/visits/:id/segments/:segmentId',
    summary: 'Stop a running timer',
    tag: 'visits',
    access: 'clinicalWrite',
    params: SegmentParams,
    body: EndSegmentBody,
    status: 200,
    async handler({ params, body, principal, deps, audit }) {
      const v = await deps.store.visits.get(principal.clinicId, params.id);
      if (!v) throw notFound('visit');
      if (v.providerId) await ownProvider(deps, principal, v.providerId);
      const r = await deps.store.visits.endSegment(principal.clinicId, v.id, params.segmentId, body.endedAt);
      if (!r.ok) throw writeFailure(r.reason);
      await audit({ action: 'segment.end', entity: 'segment', entityId: r.value.id, patientId: v.patientId });
      return { body: r.value };
    },
  }),
];
