import { type Credential, credentialProblem, type Discipline } from '@unitwise/rules';
import { ApiError, notFound } from '../errors/api-error.ts';
import { defineRoute, type RouteDef } from '../http/route.ts';
import { ProviderBody, ProviderPatchBody } from '../schemas/clinical.ts';
import { IdParams, PageQuery } from '../schemas/common.ts';

/** Refuses a credential of another discipline (a PTA listed under OT), naming the field. */
function checkCredential(discipline: Discipline, credential: Credential): void {
  const problem = credentialProblem(discipline, credential);
  if (problem)
    throw new ApiError('invalid', 'The credential does not match the discipline.', [
      { path: 'credential', message: problem },
    ]);
}

/** Providers: the clinicians who render and bill services (NPI, discipline, credential). */
export const providerRoutes: RouteDef[] = [
  defineRoute({
    id: 'providers.list',
    method: 'GET',
    path: '/api/v1/providers',
    summary: 'List providers',
    tag: 'providers',
    access: 'anyone',
    query: PageQuery,
    status: 200,
    async handler({ query, principal, deps }) {
      const p = await deps.store.providers.list(principal.clinicId, {
        limit: query.limit,
        cursor: query.cursor ?? null,
      });
      return { body: { items: p.items, next: p.nextCursor } };
    },
  }),
  defineRoute({
    id: 'providers.create',
    method: 'POST',
    path: '/api/v1/providers',
    summary: 'Add a provider',
    tag: 'providers',
    access: 'admin',
    body: ProviderBody,
    status: 201,
    idempotent: true,
    async handler({ body, principal, deps, audit }) {
      if (body.userId && !(await deps.store.users.get(principal.clinicId, body.userId))) {
        throw new ApiError('invalid', 'No user with this id.', [{ path: 'userId', message: 'No such user.' }]);
      }
      checkCredential(body.discipline, body.credential);
      const p = await deps.store.providers.create(principal.clinicId, body);
      await audit({ action: 'provider.create', entity: 'provider', entityId: p.id });
      return { body: p };
    },
  }),
  defineRoute({
    id: 'providers.get',
    method: 'GET',
    path: '/api/v1/providers/:id',
    summary: 'One provider',
    tag: 'providers',
    access: 'anyone',
    params: IdParams,
    status: 200,
    async handler({ params, principal, deps }) {
      const p = await deps.store.providers.get(principal.clinicId, params.id);
      if (!p) throw notFound('provider');
      return { body: p };
    },
  }),
  defineRoute({
    id: 'providers.update',
    method: 'PATCH',
    path: '/api/v1/providers/:id',
    summary: 'Change a provider',
    tag: 'providers',
    access: 'admin',
    params: IdParams,
    body: ProviderPatchBody,
    status: 200,
    async handler({ params, body, principal, deps, audit }) {
      if (body.userId && !(await deps.store.users.get(principal.clinicId, body.userId))) {
        throw new ApiError('invalid', 'No user with this id.', [{ path: 'userId', message: 'No such user.' }]);
      }
      const current = await deps.store.providers.get(principal.clinicId, params.id);
      if (!current) throw notFound('provider');
      checkCredential(body.discipline ?? current.discipline, body.credential ?? current.credential);
      const r = await deps.store.providers.update(principal.clinicId, params.id, body);
      if (!r.ok) throw notFound('provider');
      await audit({
        action: 'provider.update',
        entity: 'provider',
        entityId: params.id,
        detail: { fields: Object.keys(body) },
      });
      return { body: r.value };
    },
  }),
];
