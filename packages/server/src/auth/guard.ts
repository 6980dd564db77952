import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../deps.ts';
import { ApiError } from '../errors/api-error.ts';
import type { RouteDef } from '../http/route.ts';
import { authenticate } from './authenticate.ts';
import type { Principal } from './principal.ts';
import { ACCESS, hasAnyRole } from './roles.ts';
import { sameSecret } from './secret-token.ts';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
  interface FastifyContextConfig {
    def?: RouteDef;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The one preHandler for every API route: who is calling (session or token), CSRF for cookie writes, the role the
 * route table allows, and the clinic (the principal's clinic scopes every store call after this).
 * @param deps - the app's dependencies
 */
export function createGuard(deps: AppDeps) {
  return async function guard(request: FastifyRequest): Promise<void> {
    const def = request.routeOptions.config.def;
    if (!def || def.access === 'public') return;
    const principal = await authenticate(request, deps.store, deps.clock());
    if (principal.via === 'session' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !principal.csrfToken || !sameSecret(principal.csrfToken, sent)) {
        throw new ApiError('forbidden', 'Missing or wrong X-CSRF-Token header (from the sign-in response).');
      }
    }
    if (!hasAnyRole(principal.roles, ACCESS[def.access])) {
      throw new ApiError('forbidden', `This needs one of the roles: ${ACCESS[def.access].join(', ')}.`);
    }
    request.principal = principal;
  };
}
