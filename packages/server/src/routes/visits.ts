import type { Finding, Visit } from '@unitwise/rules';
import type { Patient, VisitDetail, VisitHead, VisitInput, VisitQuery } from '@unitwise/store';
import { z } from 'zod';
import type { Principal } from '../auth/principal.ts';
import type { AppDeps } from '../deps.ts';
import { type Assessment, assessVisit } from '../engine/assess-visit.ts';
import { summarizeVisits } from '../engine/visit-summary.ts';
import { ApiError, notFound } from '../errors/api-error.ts';
import { etagOf } from '../http/etag.ts';
import { defineRoute, type RouteDef } from '../http/route.ts';
import { IdParams } from '../schemas/common.ts';
import { VisitContent, VisitListQuery } from '../schemas/visit.ts';
import { ownProvider } from './visit-access.ts';

/**
 * A visit as the API answers it: the stored detail plus the engine's lines, units and estimate.
 * @param v - the stored visit
 * @param a - the engine's assessment of its content
 */
export function presentVisit(v: VisitDetail, a: Assessment | undefined) {
  return a ? { ...v, lines: a.lines, units: a.units, estimate: a.estimate } : v;
}

/**
 * Turns the API body into the store's input, with the provider's credential and the engine's findings.
 * @param deps - the app's dependencies
 * @param principal - the caller (checked against the provider)
 * @param body - the validated body
 * @param head - the stored visit's head, when saving an existing visit (its patient is the body's, checked before)
 */
async function prepare(deps: AppDeps, principal: Principal, body: VisitContent, head?: VisitHead): Promise<Prepared> {
  // Saving an existing visit: its head already holds the provider (when unchanged) and the patient's history.
  const known = head && head.providerId === body.providerId ? head.provider : undefined;
  const provider = await ownProvider(deps, principal, body.providerId, 'providerId', known);
  const { providerId, credential, segments, ...content } = body;
  // The credential is the provider's, from the store: an assistant's "PT" in the body must not drop CQ (issue 18).
  // Only an owner may correct it, and the correction is audited with the save.
  const corrected =
    principal.roles.includes('owner') && credential !== undefined && credential !== provider.credential
      ? { from: provider.credential, to: credential }
      : undefined;
  const visit = {
    ...content,
    provider: { id: providerId, credential: corrected ? corrected.to : provider.credential },
    nonBillable: content.nonBillable ?? [],
  };
  if (head) return { visit, segments, patient: { history: head.patientHistory }, corrected };
  const patient = await deps.store.patients.get(principal.clinicId, body.patientId);
  if (!patient)
    throw new ApiError('invalid', 'No patient with this id.', [{ path: 'patientId', message: 'Not found.' }]);
  return { visit, segments, patient, corrected };
}

/** A save ready for the store: the visit, its timer segments, the patient's history and any credential correction. */
interface Prepared {
  visit: Omit<Visit, 'id'>;
  segments: VisitContent['segments'];
  patient: Pick<Patient, 'history'>;
  corrected: { from: string; to: string } | undefined;
}

/** The audit event of an owner's credential correction on a visit. */
function credentialEvent(visitId: string, patientId: string, corrected: { from: string; to: string }) {
  return {
    action: 'visit.credential-correct',
    entity: 'visit',
    entityId: visitId,
    patientId,
    detail: { from: corrected.from, to: corrected.to },
  };
}

type VisitBody = VisitContent;

/** The list's filters on each visit's summary, applied to the page (a page may hold fewer rows; `next` still goes on). */
const SummaryFilters = z.object({
  payer: z.string().max(100).optional().describe('Only visits whose estimate is for this payer policy id.'),
  rule: z.string().max(60).optional().describe('Only visits with a stored finding of this rule.'),
});
const VisitListWithFilters = VisitListQuery.extend(SummaryFilters.shape);

/** The store's query from the API's: `date` is shorthand for one day. */
function toVisitQuery(
  q: Omit<z.output<typeof VisitListWithFilters>, 'patientId'> & { patientId?: string },
): VisitQuery {
  const { cursor, date, from, to, payer: _payer, rule: _rule, ...rest } = q;
  return {
    ...rest,
    cursor: cursor ?? null,
    ...(date ? { from: date, to: date } : {}),
    ...(from && !date ? { from } : {}),
    ...(to && !date ? { to } : {}),
  };
}

/**
 * A page of visits, each with its summary (lines, units, estimate, findings), filtered by payer and rule: the page's
 * findings and payers in two statements, policies from the cache.
 * @param deps - the app's dependencies
 * @param clinicId - the caller's clinic
 * @param query - the store query
 * @param filters - payer and rule, applied to the summaries
 */
async function listWithSummaries(
  deps: AppDeps,
  clinicId: string,
  query: VisitQuery,
  filters: z.output<typeof SummaryFilters>,
) {
  const p = await deps.store.visits.list(clinicId, query);
  const [extras, policies, pricing] = await Promise.all([
    deps.store.visits.listExtras(
      clinicId,
      p.items.map((v) => v.id),
    ),
    deps.policies.get(deps.store, clinicId),
    deps.pricing.get(deps.store, clinicId),
  ]);
  const summaries = summarizeVisits(p.items, extras, policies, pricing.locality);
  const items = [];
  for (const v of p.items) {
    const s = summaries.get(v.id);
    if (!s) continue;
    if (filters.payer && s.estimate.payer !== filters.payer) continue;
    if (filters.rule && !s.findings.some((f) => f.rule === filters.rule)) continue;
    items.push({ ...v, ...s });
  }
  return { items, next: p.nextCursor };
}

/** Visits (the daily note and every other note type) with services, timer segments and the engine's findings. */
export const visitRoutes: RouteDef[] = [
  defineRoute({
    id: 'visits.list',
    method: 'GET',
    path: '/api/v1/visits',
    summary: 'List visits, newest first (filter by patient, provider, dates, status)',
    tag: 'visits',
    access: 'clinicalRead',
    query: VisitListWithFilters,
    status: 200,
    async handler({ query, principal, deps, audit }) {
      const body = await listWithSummaries(deps, principal.clinicId, toVisitQuery(query), query);
      await audit({
        action: 'visit.list',
        entity: 'visit',
        patientId: query.patientId ?? null,
        detail: { count: body.items.length },
      });
      return { body };
    },
  }),
  defineRoute({
    id: 'patients.visits',
    method: 'GET',
    path: '/api/v1/patients/:id/visits',
    summary: 'A patient’s visits, newest first',
    tag: 'visits',
    access: 'clinicalRead',
    params: IdParams,
    query: VisitListWithFilters.omit({ patientId: true }),
    status: 200,
    async handler({ params, query, principal, deps, audit }) {
      if (!(await deps.store.patients.get(principal.clinicId, params.id))) throw notFound('patient');
      const q = { ...toVisitQuery(query), patientId: params.id };
      const body = await listWithSummaries(deps, principal.clinicId, q, query);
      await audit({
        action: 'visit.list',
        entity: 'visit',
        patientId: params.id,
        detail: { count: body.items.length },
      });
      return { body };
    },
  }),
  defineRoute({
    id: 'visits.create',
    method: 'POST',
    path: '/api/v1/visits',
    summary: 'Document a visit; the rules engine runs and its findings are stored and returned',
    tag: 'visits',
    access: 'clinicalWrite',
    body: VisitContent,
    status: 201,
    idempotent: true,
    async handler({ body, principal, deps, audit }) {
      const { visit, segments, patient, corrected } = await prepare(deps, principal, body as VisitBody);
      const assessment = await assessVisit(
        deps.store,
        principal.clinicId,
        { ...visit, id: '' },
        { patient, policies: deps.policies, pricing: deps.pricing, history: deps.history },
      );
      const input: VisitInput = { ...visit, findings: assessment.findings, ...(segments ? { segments } : {}) };
      // The entry is written in the visit's own transaction, so a saved visit always has it (issue 18).
      const r = await deps.store.transaction(async (tx) => {
        const made = await tx.visits.create(principal.clinicId, input, { createdBy: principal.userId });
        if (!made.ok) return made;
        const { id, patientId } = made.value;
        await audit({ action: 'visit.create', entity: 'visit', entityId: id, patientId }, tx);
        if (corrected) await audit(credentialEvent(id, patientId, corrected), tx);
        return made;
      });
      if (!r.ok)
        throw new ApiError('invalid', 'The patient or provider does not exist.', [
          { path: r.reason === 'patient-not-found' ? 'patientId' : 'providerId', message: 'Not found.' },
        ]);
      return {
        body: presentVisit(r.value, assessment),
        headers: { etag: etagOf(r.value.version), location: `/api/v1/visits/${r.value.id}` },
      };
    },
  }),
  defineRoute({
    id: 'visits.get',
    method: 'GET',
    path: '/api/v1/visits/:id',
    summary: 'One visit with segments, findings, overrides, addenda, units and estimate (ETag: its version)',
    tag: 'visits',
    access: 'clinicalRead',
    params: IdParams,
    status: 200,
    async handler({ params, principal, deps, audit }) {
      const v = await deps.store.visits.get(principal.clinicId, params.id);
      if (!v) throw notFound('visit');
      const a = await assessVisit(deps.store, principal.clinicId, v, {
        policies: deps.policies,
        pricing: deps.pricing,
        history: deps.history,
      });
      await audit({ action: 'visit.read', entity: 'visit', entityId: v.id, patientId: v.patientId });
      // Findings are the stored ones (those the note was saved or signed with); lines and estimate are recomputed.
      return { body: presentVisit(v, a), headers: { etag: etagOf(v.version) } };
    },
  }),
  defineRoute({
    id: 'visits.update',
    method: 'PUT',
    path: '/api/v1/visits/:id',
    summary: 'Replace a draft visit’s content (If-Match required); the engine runs again',
    tag: 'visits',
    access: 'clinicalWrite',
    params: IdParams,
    body: VisitContent,
    status: 200,
    ifMatch: true,
    async handler({ params, body, principal, deps, audit, ifMatch }) {
      // Only who, whose and whether it is signed: the update below returns the full visit.
      const current = await deps.store.visits.head(principal.clinicId, params.id);
      if (!current) throw notFound('visit');
      // The visit's provider and the new one must both be the caller's own (one lookup when they are the same).
      if (current.providerId && current.providerId !== body.providerId)
        await ownProvider(deps, principal, current.providerId, 'providerId', current.provider);
      if (current.status === 'signed') throw signedConflict();
      if (body.patientId !== current.patientId) {
        throw new ApiError('invalid', 'A visit cannot move to another patient.', [
          { path: 'patientId', message: 'Must stay the same.' },
        ]);
      }
      const { visit, segments, patient, corrected } = await prepare(deps, principal, body as VisitBody, current);
      const assessment = await assessVisit(
        deps.store,
        principal.clinicId,
        { ...visit, id: params.id },
        { patient, policies: deps.policies, pricing: deps.pricing, history: deps.history },
      );
      const input: VisitInput = { ...visit, findings: assessment.findings, ...(segments ? { segments } : {}) };
      const r = await deps.store.transaction(async (tx) => {
        const saved = await tx.visits.update(principal.clinicId, params.id, ifMatch ?? 0, input, current);
        if (!saved.ok) return saved;
        await audit(
          {
            action: 'visit.update',
            entity: 'visit',
            entityId: params.id,
            patientId: current.patientId,
            detail: { version: saved.value.version },
          },
          tx,
        );
        if (corrected) await audit(credentialEvent(params.id, current.patientId, corrected), tx);
        return saved;
      });
      if (!r.ok) throw writeFailure(r.reason);
      return { body: presentVisit(r.value, assessment), headers: { etag: etagOf(r.value.version) } };
    },
  }),
  defineRoute({
    id: 'visits.delete',
    method: 'DELETE',
    path: '/api/v1/visits/:id',
    summary: 'Delete a draft visit (a signed note is never deleted)',
    tag: 'visits',
    access: 'clinicalWrite',
    params: IdParams,
    status: 204,
    async handler({ params, principal, deps, audit }) {
      const current = await deps.store.visits.get(principal.clinicId, params.id);
      if (!current) throw notFound('visit');
      if (current.providerId) await ownProvider(deps, principal, current.providerId);
      const r = await deps.store.transaction(async (tx) => {
        const gone = await tx.visits.deleteDraft(principal.clinicId, params.id);
        if (gone.ok)
          await audit(
            { action: 'visit.delete', entity: 'visit', entityId: params.id, patientId: current.patientId },
            tx,
          );
        return gone;
      });
      if (!r.ok) throw writeFailure(r.reason);
      return {};
    },
  }),
  defineRoute({
    id: 'visits.findings',
    method: 'GET',
    path: '/api/v1/visits/:id/findings',
    summary: 'The stored findings of a visit',
    tag: 'visits',
    access: 'clinicalRead',
    params: IdParams,
    status: 200,
    async handler({ params, principal, deps, audit }) {
      const v = await deps.store.visits.get(principal.clinicId, params.id);
      if (!v) throw notFound('visit');
      await audit({ action: 'finding.list', entity: 'visit', entityId: v.id, patientId: v.patientId });
      return { body: { items: v.findings, next: null } };
    },
  }),
];

/** The problem for any change to a signed note. */
export function signedConflict(): ApiError {
  return new ApiError('conflict', 'This note is signed and can never change; add an addendum instead.');
}

/**
 * Maps a store write failure to the API's answer.
 * @param reason - the store's reason
 */
export function writeFailure(reason: string): ApiError {
  switch (reason) {
    case 'signed':
      return signedConflict();
    case 'conflict':
      return new ApiError(
        'precondition-failed',
        'The visit changed since you read it; GET it again and reapply your change.',
      );
    case 'provider-not-found':
      return new ApiError('invalid', 'No provider with this id.', [{ path: 'providerId', message: 'Not found.' }]);
    default:
      return notFound('visit');
  }
}

/** Findings that are errors and not covered by an override (same rule, and same service when the override names one). */
export function standingErrors(
  findings: readonly Finding[],
  overrides: readonly { rule: string; service?: number | null }[],
): Finding[] {
  return findings.filter(
    (f) =>
      f.severity === 'error' &&
      !overrides.some(
        (o) => o.rule === f.rule && (o.service === undefined || o.service === null || o.service === f.service),
      ),
  );
}
