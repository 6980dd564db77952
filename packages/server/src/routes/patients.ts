import { ACCESS, hasAnyRole } from '../auth/roles.ts';
import { ApiError, notFound } from '../errors/api-error.ts';
import { defineRoute, type RouteDef } from '../http/route.ts';
import { NewPatientBody, PatientListQuery, PatientPatchBody } from '../schemas/clinical.ts';
import { IdParams } from '../schemas/common.ts';

/** Patients and what hangs off them (coverages, plans of care). Every read and write is audited. */
export const patientRoutes: RouteDef[] = [
  defineRoute({
    id: 'patients.list',
    method: 'GET',
    path: '/api/v1/patients',
    summary: 'List patients (search by name)',
    tag: 'patients',
    access: 'clinicalRead',
    query: PatientListQuery,
    status: 200,
    async handler({ query, principal, deps, audit }) {
      const p = await deps.store.patients.list(principal.clinicId, {
        limit: query.limit,
        cursor: query.cursor ?? null,
        ...(query.search || query.q ? { search: query.search ?? query.q } : {}),
        ...(query.primaryTherapistId ? { primaryTherapistId: query.primaryTherapistId } : {}),
      });
      // The search text may be a name: only whether there was one is logged.
      await audit({
        action: 'patient.list',
        entity: 'patient',
        detail: { count: p.items.length, search: Boolean(query.search || query.q) },
      });
      return { body: { items: p.items, next: p.nextCursor } };
    },
  }),
  defineRoute({
    id: 'patients.create',
    method: 'POST',
    path: '/api/v1/patients',
    summary: 'Add a patient, with their insurance in the same transaction when given (owner and biller)',
    tag: 'patients',
    access: 'patientWrite',
    body: NewPatientBody,
    status: 201,
    idempotent: true,
    async handler({ body, principal, deps, audit }) {
      const { coverage, ...patient } = body;
      // Coverage is billing data: refused before anything is written, so intake never leaves a patient without it.
      if (coverage && !hasAnyRole(principal.roles, ACCESS.billingWrite)) {
        throw new ApiError(
          'forbidden',
          'Only an owner or a biller may add insurance. Add the patient without it; a biller adds it from the chart.',
          [{ path: 'coverage', message: 'Only an owner or a biller may add insurance.' }],
        );
      }
      if (
        patient.primaryTherapistId &&
        !(await deps.store.providers.get(principal.clinicId, patient.primaryTherapistId))
      ) {
        throw new ApiError('invalid', 'No provider with this id.', [
          { path: 'primaryTherapistId', message: 'No such provider.' },
        ]);
      }
      // A failed coverage returns `{ ok: false }`, which rolls the patient back with it (store.transaction).
      const created = await deps.store.transaction(async (tx) => {
        const p = await tx.patients.create(principal.clinicId, patient);
        if (!coverage) return { ok: true as const, patient: p, coverage: null };
        const c = await tx.coverages.create(principal.clinicId, { ...coverage, patientId: p.id, priority: 1 });
        return c.ok ? { ok: true as const, patient: p, coverage: c.value } : { ok: false as const, reason: c.reason };
      });
      if (!created.ok)
        throw new ApiError('invalid', 'No payer with this id.', [
          { path: 'coverage.payerId', message: 'Choose a payer from the list.' },
        ]);
      const id = created.patient.id;
      await audit({ action: 'patient.create', entity: 'patient', entityId: id, patientId: id });
      if (created.coverage)
        await audit({ action: 'coverage.create', entity: 'coverage', entityId: created.coverage.id, patientId: id });
      return { body: created.coverage ? { ...created.patient, coverage: created.coverage } : created.patient };
    },
  }),
  defineRoute({
    id: 'patients.get',
    method: 'GET',
    path: '/api/v1/patients/:id',
    summary: 'One patient',
    tag: 'patients',
    access: 'clinicalRead',
    params: IdParams,
    status: 200,
    async handler({ params, principal, deps, audit }) {
      const p = await deps.store.patients.get(principal.clinicId, params.id);
      if (!p) throw notFound('patient');
      await audit({ action: 'patient.read', entity: 'patient', entityId: p.id, patientId: p.id });
      return { body: p };
    },
  }),
  defineRoute({
    id: 'patients.update',
    method: 'PATCH',
    path: '/api/v1/patients/:id',
    summary: 'Change a patient’s demographics',
    tag: 'patients',
    access: 'patientWrite',
    params: IdParams,
    body: PatientPatchBody,
    status: 200,
    async handler({ params, body, principal, deps, audit }) {
      if (body.primaryTherapistId && !(await deps.store.providers.get(principal.clinicId, body.primaryTherapistId))) {
        throw new ApiError('invalid', 'No provider with this id.', [
          { path: 'primaryTherapistId', message: 'No such provider.' },
        ]);
      }
      const r = await deps.store.patients.update(principal.clinicId, params.id, body);
      if (!r.ok) throw notFound('patient');
      await audit({
        action: 'patient.update',
        entity: 'patient',
        entityId: params.id,
        patientId: params.id,
        detail: { fields: Object.keys(body) },
      });
      return { body: r.value };
    },
  }),
  defineRoute({
    id: 'patients.coverages',
    method: 'GET',
    path: '/api/v1/patients/:id/coverages',
    summary: 'A patient’s coverages, primary first',
    tag: 'coverages',
    access: 'clinicalRead',
    params: IdParams,
    status: 200,
    async handler({ params, principal, deps, audit }) {
      if (!(await deps.store.patients.get(principal.clinicId, params.id))) throw notFound('patient');
      const items = await deps.store.coverages.listByPatient(principal.clinicId, params.id);
      await audit({ action: 'coverage.list', entity: 'coverage', patientId: params.id });
      return { body: { items, next: null } };
    },
  }),
  defineRoute({
    id: 'patients.plans',
    method: 'GET',
    path: '/api/v1/patients/:id/plans-of-care',
    summary: 'A patient’s plans of care with goals',
    tag: 'plans-of-care',
    access: 'clinicalRead',
    params: IdParams,
    status: 200,
    async handler({ params, principal, deps, audit }) {
      if (!(await deps.store.patients.get(principal.clinicId, params.id))) throw notFound('patient');
      const items = await deps.store.plansOfCare.listByPatient(principal.clinicId, params.id);
      await audit({ action: 'plan.list', entity: 'plan-of-care', patientId: params.id });
      return { body: { items, next: null } };
    },
  }),
];
