import { validatePayerInputs } from '@unitwise/rules';
import type { NewFeeScheduleRow, Store } from '@unitwise/store';
import { z } from 'zod';
import { ApiError, notFound } from '../errors/api-error.ts';
import { defineRoute, type RouteDef } from '../http/route.ts';
import {
  CoverageBody,
  CoveragePatchBody,
  FeeQuery,
  FeeRowsBody,
  PatientIdQuery,
  PayerBody,
  PayerPatchBody,
} from '../schemas/clinical.ts';
import { IdParams, MAX_POLICY_BYTES, withinBytes } from '../schemas/common.ts';

/** A clinic payer policy: the rules' PayerPolicyInput (validated by the engine's registry). */
const PolicyBody = z
  .object({
    name: z.string().max(200).optional(),
    unitMethod: z.string().max(40).optional(),
    basedOn: z.string().max(60).optional(),
    versions: z.array(z.record(z.string(), z.unknown())).max(50).optional(),
  })
  .loose()
  .superRefine(withinBytes(MAX_POLICY_BYTES));

/** Coverages, payers, payer policies and effective-dated fee schedules (billing data). */
export const billingRoutes: RouteDef[] = [
  defineRoute({
    id: 'coverages.create',
    method: 'POST',
    path: '/api/v1/coverages',
    summary: 'Add a coverage (a patient’s insurance with a payer)',
    tag: 'coverages',
    access: 'billingWrite',
    body: CoverageBody,
    status: 201,
    idempotent: true,
    async handler({ body, principal, deps, audit }) {
      const r = await deps.store.coverages.create(principal.clinicId, body);
      if (!r.ok) {
        const field = r.reason === 'patient-not-found' ? 'patientId' : 'payerId';
        throw new ApiError('invalid', `No ${field === 'patientId' ? 'patient' : 'payer'} with this id.`, [
          { path: field, message: 'Not found.' },
        ]);
      }
      await audit({ action: 'coverage.create', entity: 'coverage', entityId: r.value.id, patientId: body.patientId });
      return { body: r.value };
    },
  }),
  defineRoute({
    id: 'coverages.list',
    method: 'GET',
    path: '/api/v1/coverages',
    summary: 'A patient’s coverages, primary first',
    tag: 'coverages',
    access: 'clinicalRead',
    query: PatientIdQuery,
    status: 200,
    async handler({ query, principal, deps, audit }) {
      if (!(await deps.store.patients.get(principal.clinicId, query.patientId))) throw notFound('patient');
      const items = await deps.store.coverages.listByPatient(principal.clinicId, query.patientId);
      await audit({ action: 'coverage.list', entity: 'coverage', patientId: query.patientId });
      return { body: { items, next: null } };
    },
  }),
  defineRoute({
    id: 'coverages.get',
    method: 'GET',
    path: '/api/v1/coverages/:id',
    summary: 'One coverage',
    tag: 'coverages',
    access: 'clinicalRead',
    params: IdParams,
    status: 200,
    async handler({ params, principal, deps, audit }) {
      const c = await deps.store.coverages.get(principal.clinicId, params.id);
      if (!c) throw notFound('coverage');
      await audit({ action: 'coverage.read', entity: 'coverage', entityId: c.id, patientId: c.patientId });
      return { body: c };
    },
  }),
  defineRoute({
    id: 'coverages.update',
    method: 'PATCH',
    path: '/api/v1/coverages/:id',
    summary: 'Change a coverage',
    tag: 'coverages',
    access: 'billingWrite',
    params: IdParams,
    body: CoveragePatchBody,
    status: 200,
    async handler({ params, body, principal, deps, audit }) {
      if (body.payerId && !(await deps.store.payers.get(principal.clinicId, body.payerId))) {
        throw new ApiError('invalid', 'No payer with this id.', [{ path: 'payerId', message: 'Not found.' }]);
      }
      const r = await deps.store.coverages.update(principal.clinicId, params.id, body);
      if (!r.ok) throw notFound('coverage');
      await audit({ action: 'coverage.update', entity: 'coverage', entityId: params.id, patientId: r.value.patientId });
      return { body: r.value };
    },
  }),
  defineRoute({
    id: 'payers.list',
    method: 'GET',
    path: '/api/v1/payers',
    summary: 'List payers',
    tag: 'payers',
    access: 'anyone',
    status: 200,
    async handler({ principal, deps }) {
      return { body: { items: await deps.store.payers.list(principal.clinicId), next: null } };
    },
  }),
  defineRoute({
    id: 'payers.create',
    method: 'POST',
    path: '/api/v1/payers',
    summary: 'Add a payer (with the policy id whose rules it follows)',
    tag: 'payers',
    access: 'billingWrite',
    body: PayerBody,
    status: 201,
    idempotent: true,
    async handler({ body, principal, deps, audit }) {
      const p = await deps.store.payers.create(principal.clinicId, body);
      await audit({ action: 'payer.create', entity: 'payer', entityId: p.id });
      return { body: p };
    },
  }),
  defineRoute({
    id: 'payers.get',
    method: 'GET',
    path: '/api/v1/payers/:id',
    summary: 'One payer',
    tag: 'payers',
    access: 'anyone',
    params: IdParams,
    status: 200,
    async handler({ params, principal, deps }) {
      const p = await deps.store.payers.get(principal.clinicId, params.id);
      if (!p) throw notFound('payer');
      return { body: p };
    },
  }),
  defineRoute({
    id: 'payers.update',
    method: 'PATCH',
    path: '/api/v1/payers/:id',
    summary: 'Change a payer',
    tag: 'payers',
    access: 'billingWrite',
    params: IdParams,
    body: PayerPatchBody,
    status: 200,
    async handler({ params, body, principal, deps, audit }) {
      const r = await deps.store.payers.update(principal.clinicId, params.id, body);
      if (!r.ok) throw notFound('payer');
      await audit({ action: 'payer.update', entity: 'payer', entityId: params.id });
      return { body: r.value };
    },
  }),
  defineRoute({
    id: 'payer-policies.list',
    method: 'GET',
    path: '/api/v1/payer-policies',
    summary: 'The clinic’s own payer policies (overrides of the built-in medicare, medicaid, commercial)',
    tag: 'payers',
    access: 'anyone',
    status: 200,
    async handler({ principal, deps }) {
      return { body: { items: await deps.store.payerPolicies.list(principal.clinicId), next: null } };
    },
  }),
  defineRoute({
    id: 'payer-policies.put',
    method: 'PUT',
    path: '/api/v1/payer-policies/:id',
    summary: 'Create or replace a clinic payer policy (effective-dated versions)',
    tag: 'payers',
    access: 'billingWrite',
    params: IdParams,
    body: PolicyBody,
    status: 200,
    async handler({ params, body, principal, deps, audit }) {
      const policy = { ...body, id: params.id };
      // The engine is the judge of a policy; its paths start at `payers[0]`, which is this body.
      const problems = validatePayerInputs([policy]);
      if (problems.length > 0) {
        const errors = problems.map((e) => ({ path: e.where.replace(/^payers\[0\]\.?/, ''), message: e.message }));
        throw new ApiError('invalid', 'The policy is not valid.', errors);
      }
      const stored = await deps.store.payerPolicies.put(principal.clinicId, policy);
      deps.policies.forget(principal.clinicId);
      await audit({ action: 'payer-policy.put', entity: 'payer-policy', entityId: params.id });
      return { body: stored };
    },
  }),
  defineRoute({
    id: 'fee-schedules.list',
    method: 'GET',
    path: '/api/v1/fee-schedules',
    summary: 'Fee schedule rows of a payer policy (in force on a date with `on`)',
    tag: 'payers',
    access: 'anyone',
    query: FeeQuery,
    status: 200,
    async handler({ query, principal, deps }) {
      const ids = query.payerPolicyId ? [query.payerPolicyId] : await policyIdsOf(deps.store, principal.clinicId);
      const lists = await Promise.all(ids.map((id) => deps.store.feeSchedules.list(principal.clinicId, id, query.on)));
      return { body: { items: lists.flat(), next: null } };
    },
  }),
  defineRoute({
    id: 'fee-schedules.add',
    method: 'POST',
    path: '/api/v1/fee-schedules',
    summary: 'Add effective-dated fee schedule rows (all or nothing)',
    tag: 'payers',
    access: 'billingWrite',
    body: FeeRowsBody,
    status: 201,
    idempotent: true,
    async handler({ body, principal, deps, audit }) {
      const rows = await deps.store.feeSchedules.add(
        principal.clinicId,
        await feeRowsOf(deps.store, principal.clinicId, body),
      );
      await audit({ action: 'fee-schedule.add', entity: 'fee-schedule', detail: { rows: rows.length } });
      return { body: { items: rows, next: null } };
    },
  }),
  defineRoute({
    id: 'fee-schedules.delete',
    method: 'DELETE',
    path: '/api/v1/fee-schedules/:id',
    summary: 'Remove a fee schedule row',
    tag: 'payers',
    access: 'billingWrite',
    params: IdParams,
    status: 204,
    async handler({ params, principal, deps, audit }) {
      if (!(await deps.store.feeSchedules.remove(principal.clinicId, params.id))) throw notFound('fee schedule row');
      await audit({ action: 'fee-schedule.remove', entity: 'fee-schedule', entityId: params.id });
      return {};
    },
  }),
];

/** The policy ids a clinic bills under: its payers' and its own policies'. */
async function policyIdsOf(store: Store, clinicId: string): Promise<string[]> {
  const [payers, policies] = await Promise.all([store.payers.list(clinicId), store.payerPolicies.list(clinicId)]);
  return [...new Set([...payers.map((p) => p.policyId), ...policies.map((p) => p.id)])];
}

/**
 * The rows a fee-schedule body stands for; a schedule named by payer takes that payer's policy id.
 * @param store - the store
 * @param clinicId - the clinic
 * @param body - the validated body
 */
async function feeRowsOf(
  store: Store,
  clinicId: string,
  body: z.output<typeof FeeRowsBody>,
): Promise<NewFeeScheduleRow[]> {
  if ('rows' in body) return body.rows;
  let policyId = body.payerPolicyId;
  if (!policyId && body.payerId) policyId = (await store.payers.get(clinicId, body.payerId))?.policyId;
  if (!policyId) {
    const path = body.payerId ? 'payerId' : 'payerPolicyId';
    throw new ApiError('invalid', 'Name the payer policy (or an existing payer) the schedule belongs to.', [
      { path, message: 'Not found.' },
    ]);
  }
  const { effectiveFrom, effectiveTo } = body;
  return body.entries.map((e) => ({
    payerPolicyId: policyId,
    code: e.code,
    cents: e.cents,
    effectiveFrom,
    effectiveTo: effectiveTo ?? null,
  }));
}
