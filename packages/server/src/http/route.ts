import type { Repositories } from '@unitwise/store';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Principal } from '../auth/principal.ts';
import type { AccessName } from '../auth/roles.ts';
import type { AppDeps } from '../deps.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who may call a route: nobody signed in (`public`), any signed-in user, or a named role list. */
export type RouteAccess = 'public' | AccessName;

/** What a handler sees: validated input, the signed-in principal and the app's dependencies. */
export interface RouteContext<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  /** Set on every non-public route (the guard has already checked it). */
  principal: Principal;
  deps: AppDeps;
  /** The version named by `If-Match` on routes that require it. */
  ifMatch: number | undefined;
  /**
   * Appends to the clinic's audit log (who, when and from where are filled in). Writes pass their transaction `tx`,
   * so the entry commits or rolls back with the change it records; reads leave it out and share a batched write.
   */
  audit(entry: AuditEvent, tx?: Repositories): Promise<void>;
  request: FastifyRequest;
  reply: FastifyReply;
}

/** One audit-log event as a handler reports it: ids only, never names or note text. */
export interface AuditEvent {
  action: string;
  entity: string;
  entityId?: string | null;
  patientId?: string | null;
  detail?: Record<string, unknown>;
}

/** A handler's answer; `status` defaults to the route's success status. */
export interface RouteResult {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** One row of the route table: the single source for registration, authorization, OpenAPI and the test matrix. */
export interface RouteDef {
  /** Stable id such as `patients.get`; the authorization matrix keys its fixtures by it. */
  id: string;
  method: HttpMethod;
  /** Fastify form: `/api/v1/patients/:id`. */
  path: string;
  summary: string;
  tag: string;
  access: RouteAccess;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** For the OpenAPI document only. */
  response?: z.ZodType;
  /** Success status. */
  status: number;
  /** Creating POST that honours `Idempotency-Key`. */
  idempotent?: boolean;
  /** Update that needs `If-Match` with the current ETag. */
  ifMatch?: boolean;
  handler(ctx: RouteContext<unknown, unknown, unknown>): Promise<RouteResult>;
}

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

/**
 * Declares a route with its input types inferred from its zod schemas.
 * @param def - the route; `handler` receives the parsed params, query and body
 */
export function defineRoute<
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
>(
  def: Omit<RouteDef, 'handler' | 'params' | 'query' | 'body'> & {
    params?: P;
    query?: Q;
    body?: B;
    handler(ctx: RouteContext<Out<P>, Out<Q>, Out<B>>): Promise<RouteResult>;
  },
): RouteDef {
  // The registrar parses with the same schemas before calling, so the narrowing is sound.
  return def as unknown as RouteDef;
}
