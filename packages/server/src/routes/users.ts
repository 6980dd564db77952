import { API_TOKEN_PREFIX } from '../auth/authenticate.ts';
import { hashPassword } from '../auth/password.ts';
import { hashSecret, newSecret } from '../auth/secret-token.ts';
import { ApiError, notFound } from '../errors/api-error.ts';
import { defineRoute, type RouteDef } from '../http/route.ts';
import {
  CreatedTokenOut,
  NewTokenBody,
  NewUserBody,
  TokenOut,
  UserOut,
  UserPatchBody,
  UserPatchOut,
} from '../schemas/accounts.ts';
import { IdParams, PageQuery, page } from '../schemas/common.ts';
import { presentToken, presentUser } from './present.ts';

/** Users (managed by the owner) and each user's own API tokens. */
export const userRoutes: RouteDef[] = [
  defineRoute({
    id: 'users.list',
    method: 'GET',
    path: '/api/v1/users',
    summary: 'List the clinic’s users',
    tag: 'users',
    access: 'admin',
    query: PageQuery,
    response: page(UserOut),
    status: 200,
    async handler({ query, principal, deps }) {
      const p = await deps.store.users.list(principal.clinicId, { limit: query.limit, cursor: query.cursor ?? null });
      return { body: { items: p.items.map((u) => presentUser(u)), next: p.nextCursor } };
    },
  }),
  defineRoute({
    id: 'users.create',
    method: 'POST',
    path: '/api/v1/users',
    summary: 'Add a user with roles',
    tag: 'users',
    access: 'admin',
    body: NewUserBody,
    response: UserOut,
    status: 201,
    idempotent: true,
    async handler({ body, principal, deps, audit }) {
      const hash = await hashPassword(body.password);
      const r = await deps.store.users.create(principal.clinicId, {
        email: body.email,
        name: body.name,
        roles: body.roles,
        ...hash,
      });
      if (!r.ok)
        throw new ApiError('conflict', 'An account with this email exists already.', [
          { path: 'email', message: 'Already registered.' },
        ]);
      await deps.principals.clear();
      await audit({ action: 'user.create', entity: 'user', entityId: r.value.id, detail: { roles: body.roles } });
      return { body: presentUser(r.value) };
    },
  }),
  defineRoute({
    id: 'users.get',
    method: 'GET',
    path: '/api/v1/users/:id',
    summary: 'One user',
    tag: 'users',
    access: 'admin',
    params: IdParams,
    response: UserOut,
    status: 200,
    async handler({ params, principal, deps }) {
      const u = await deps.store.users.get(principal.clinicId, params.id);
      if (!u) throw notFound('user');
      return { body: presentUser(u) };
    },
  }),
  defineRoute({
    id: 'users.update',
    method: 'PATCH',
    path: '/api/v1/users/:id',
    summary:
      'Change a user’s name, roles, status or password; deactivating ends their sessions and revokes their tokens',
    tag: 'users',
    access: 'admin',
    params: IdParams,
    body: UserPatchBody,
    response: UserPatchOut,
    status: 200,
    async handler({ params, body, principal, deps, audit }) {
      if (
        params.id === principal.userId &&
        (body.status === 'disabled' || (body.roles && !body.roles.includes('owner')))
      ) {
        throw new ApiError('conflict', 'Owners cannot disable themselves or drop their own owner role.');
      }
      const { password, revokeTokens, ...rest } = body;
      const patch = password ? { ...rest, ...(await hashPassword(password)) } : rest;
      const r = await deps.store.users.update(principal.clinicId, params.id, patch);
      if (!r.ok) throw notFound('user');
      // A disabled user or a new password ends every open session of that user.
      const sessionsEnded =
        body.status === 'disabled' || password
          ? await deps.store.sessions.deleteForUser(principal.clinicId, params.id)
          : 0;
      // A deactivated user's API tokens are revoked for good, so reactivating the account does not revive them.
      // A new password revokes them too unless the owner chose to keep them; the answer says which (issue 18).
      const revoke = body.status === 'disabled' || (password !== undefined && revokeTokens !== false);
      const tokensRevoked = revoke ? await deps.store.apiTokens.revokeForUser(principal.clinicId, params.id) : 0;
      const tokensKept =
        password !== undefined && !revoke
          ? (await deps.store.apiTokens.list(principal.clinicId, params.id)).filter((t) => !t.revokedAt).length
          : 0;
      // Roles, status, name and sessions of cached callers may have changed: they are read again at once.
      await deps.principals.clear();
      await audit({
        action: 'user.update',
        entity: 'user',
        entityId: params.id,
        detail: { fields: Object.keys(body), sessionsEnded, tokensRevoked, tokensKept },
      });
      const apiTokens = password !== undefined ? { apiTokens: { revoked: tokensRevoked, kept: tokensKept } } : {};
      return { body: { ...presentUser(r.value), ...apiTokens } };
    },
  }),
  defineRoute({
    id: 'tokens.list',
    method: 'GET',
    path: '/api/v1/tokens',
    summary: 'Your API tokens (the owner sees the clinic’s)',
    tag: 'users',
    access: 'anyone',
    response: page(TokenOut),
    status: 200,
    async handler({ principal, deps }) {
      const all = principal.roles.includes('owner');
      const rows = await deps.store.apiTokens.list(principal.clinicId, all ? undefined : principal.userId);
      return { body: { items: rows.map(presentToken), next: null } };
    },
  }),
  defineRoute({
    id: 'tokens.create',
    method: 'POST',
    path: '/api/v1/tokens',
    summary: 'Create an API token for integrations (the secret is shown once)',
    tag: 'users',
    access: 'anyone',
    body: NewTokenBody,
    response: CreatedTokenOut,
    status: 201,
    async handler({ body, principal, deps, audit }) {
      const token = newSecret(API_TOKEN_PREFIX);
      const row = await deps.store.apiTokens.create(principal.clinicId, {
        userId: principal.userId,
        name: body.name,
        tokenHash: hashSecret(token),
      });
      await deps.principals.clear();
      await audit({ action: 'token.create', entity: 'api-token', entityId: row.id });
      return { body: { ...presentToken(row), token } };
    },
  }),
  defineRoute({
    id: 'tokens.delete',
    method: 'DELETE',
    path: '/api/v1/tokens/:id',
    summary: 'Revoke an API token',
    tag: 'users',
    access: 'anyone',
    params: IdParams,
    status: 204,
    async handler({ params, principal, deps, audit }) {
      const mine = await deps.store.apiTokens.list(
        principal.clinicId,
        principal.roles.includes('owner') ? undefined : principal.userId,
      );
      if (
        !mine.some((t) => t.id === params.id) ||
        !(await deps.store.apiTokens.revoke(principal.clinicId, params.id))
      ) {
        throw notFound('API token');
      }
      // The revoked token must fail on its very next request, not once its cache entry ages out.
      await deps.principals.clear();
      await audit({ action: 'token.revoke', entity: 'api-token', entityId: params.id });
      return {};
    },
  }),
];
