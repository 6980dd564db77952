import { ApiError, notFound } from '../errors/api-error.ts';
import { defineRoute, type RouteDef } from '../http/route.ts';
import { NewGoalBody, PlanBody, PlanListQuery, PlanPatchBody } from '../schemas/clinical.ts';
import { IdParams } from '../schemas/common.ts';

function checkInterval(start: string | undefined, end: string | undefined): void {
  if (start && end && end < start) {
    throw new ApiError('invalid', 'The certification interval ends before it starts.', [
      { path: 'endDate', message: 'Must be on or after startDate.' },
    ]);
  }
}

/** Plans of care with their goals (therapists and owners write them; assistants cannot establish a plan). */
export const planRoutes: RouteDef[] = [
  defineRoute({
    id: 'plans.create',
    method: 'POST',
    path: '/api/v1/plans-of-care',
    summary: 'Add a plan of care with goals',
    tag: 'plans-of-care',
    access: 'planWrite',
    body: PlanBody,
    status: 201,
    idempotent: true,
    async handler({ body, principal, deps, audit }) {
      checkInterval(body.startDate, body.endDate);
      if (body.providerId && !(await deps.store.providers.get(principal.clinicId, body.providerId))) {
        throw new ApiError('invalid', 'No provider with this id.', [{ path: 'providerId', message: 'Not found.' }]);
      }
      const r = await deps.store.plansOfCare.create(principal.clinicId, body);
      if (!r.ok)
        throw new ApiError('invalid', 'No patient with this id.', [{ path: 'patientId', message: 'Not found.' }]);
      await audit({ action: 'plan.create', entity: 'plan-of-care', entityId: r.value.id, patientId: body.patientId });
      return { body: r.value };
    },
  }),
  defineRoute({
    id: 'plans.list',
    method: 'GET',
    path: '/api/v1/plans-of-care',
    summary: 'Plans of care with goals: one patient’s, or a page of the clinic’s (ordered by start date)',
    tag: 'plans-of-care',
    access: 'clinicalRead',
    query: PlanListQuery,
    status: 200,
    async handler({ query, principal, deps, audit }) {
      const { patientId, activeOn } = query;
      if (patientId) {
        // One patient's plans are few: all of them on one page, as before the clinic-wide list existed.
        if (!(await deps.store.patients.get(principal.clinicId, patientId))) throw notFound('patient');
        const all = await deps.store.plansOfCare.listByPatient(principal.clinicId, patientId);
        const items = activeOn ? all.filter((p) => p.startDate <= activeOn && activeOn <= p.endDate) : all;
        await audit({ action: 'plan.list', entity: 'plan-of-care', patientId, detail: { count: items.length } });
        return { body: { items, next: null } };
      }
      const page = await deps.store.plansOfCare.list(principal.clinicId, {
        limit: query.limit,
        cursor: query.cursor ?? null,
        ...(activeOn ? { activeOn } : {}),
      });
      await audit({
        action: 'plan.list',
        entity: 'plan-of-care',
        patientId: null,
        detail: { count: page.items.length },
      });
      return { body: { items: page.items, next: page.nextCursor } };
    },
  }),
  defineRoute({
    id: 'plans.get',
    method: 'GET',
    path: '/api/v1/plans-of-care/:id',
    summary: 'One plan of care',
    tag: 'plans-of-care',
    access: 'clinicalRead',
    params: IdParams,
    status: 200,
    async handler({ params, principal, deps, audit }) {
      const p = await deps.store.plansOfCare.get(principal.clinicId, params.id);
      if (!p) throw notFound('plan of care');
      await audit({ action: 'plan.read', entity: 'plan-of-care', entityId: p.id, patientId: p.patientId });
      return { body: p };
    },
  }),
  defineRoute({
    id: 'plans.update',
    method: 'PATCH',
    path: '/api/v1/plans-of-care/:id',
    summary: 'Change a plan of care (goals, when given, replace the plan’s goals)',
    tag: 'plans-of-care',
    access: 'planWrite',
    params: IdParams,
    body: PlanPatchBody,
    status: 200,
    async handler({ params, body, principal, deps, audit }) {
      const current = await deps.store.plansOfCare.get(principal.clinicId, params.id);
      if (!current) throw notFound('plan of care');
      checkInterval(body.startDate ?? current.startDate, body.endDate ?? current.endDate);
      if (body.providerId && !(await deps.store.providers.get(principal.clinicId, body.providerId))) {
        throw new ApiError('invalid', 'No provider with this id in your clinic.', [
          { path: 'providerId', message: 'No provider with this id in your clinic.' },
        ]);
      }
      const r = await deps.store.plansOfCare.update(principal.clinicId, params.id, body);
      if (!r.ok) throw notFound('plan of care');
      await audit({
        action: 'plan.update',
        entity: 'plan-of-care',
        entityId: params.id,
        patientId: current.patientId,
        detail: { fields: Object.keys(body) },
      });
      return { body: r.value };
    },
  }),
  defineRoute({
    id: 'plans.goals.list',
    method: 'GET',
    path: '/api/v1/plans-of-care/:id/goals',
    summary: 'The goals of a plan of care',
    tag: 'plans-of-care',
    access: 'clinicalRead',
    params: IdParams,
    status: 200,
    async handler({ params, principal, deps, audit }) {
      const p = await deps.store.plansOfCare.get(principal.clinicId, params.id);
      if (!p) throw notFound('plan of care');
      await audit({ action: 'goal.list', entity: 'plan-of-care', entityId: p.id, patientId: p.patientId });
      return { body: { items: p.goals, next: null } };
    },
  }),
  defineRoute({
    id: 'plans.goals.add',
    method: 'POST',
    path: '/api/v1/plans-of-care/:id/goals',
    summary: 'Add a goal to a plan of care',
    tag: 'plans-of-care',
    access: 'planWrite',
    params: IdParams,
    body: NewGoalBody,
    status: 201,
    async handler({ params, body, principal, deps, audit }) {
      const p = await deps.store.plansOfCare.get(principal.clinicId, params.id);
      if (!p) throw notFound('plan of care');
      if (body.id && p.goals.some((g) => g.id === body.id)) {
        throw new ApiError('conflict', 'The plan has a goal with this id already.', [
          { path: 'id', message: 'Taken.' },
        ]);
      }
      const goals = [...p.goals.map((g) => ({ id: g.id, text: g.text, status: g.status })), body];
      const r = await deps.store.plansOfCare.update(principal.clinicId, params.id, { goals });
      if (!r.ok) throw notFound('plan of care');
      const added = r.value.goals[r.value.goals.length - 1];
      await audit({ action: 'goal.create', entity: 'goal', entityId: added?.id ?? null, patientId: p.patientId });
      return { body: added };
    },
  }),
];
