import type { Repositories } from '@unitwise/store';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Principal } from '../auth/principal.ts';
import type { AppDeps } from '../deps.ts';
import { ApiError, type FieldError } from '../errors/api-error.ts';
import { plainIssue } from '../errors/plain-issue.ts';
import { joinPath } from '../errors/to-problem.ts';
import { AuditWriter } from './audit-writer.ts';
import { CursorSeal } from './cursor-seal.ts';
import { parseIfMatch } from './etag.ts';
import { MAX_IDEMPOTENCY_KEY, requestFingerprint } from './idempotency.ts';
import type { AuditEvent, RouteDef, RouteResult } from './route.ts';

type Issue = z.core.$ZodIssue;

/** A union's failure as the issues of its closest branch (the one with the fewest), so paths name real fields. */
function flatten(
  issues: readonly Issue[],
  base: readonly PropertyKey[] = [],
): { path: PropertyKey[]; message: string }[] {
  return issues.flatMap((i) => {
    const path = [...base, ...i.path];
    if (i.code === 'invalid_union' && i.errors.length > 0) {
      const best = [...i.errors].sort((a, b) => a.length - b.length)[0] ?? [];
      if (best.length > 0) return flatten(best, path);
    }
    return [{ path, message: i.message }];
  });
}

function parsePart(schema: z.ZodType | undefined, value: unknown, prefix: string, errors: FieldError[]): unknown {
  if (!schema) return undefined;
  const r = schema.safeParse(value ?? (prefix === 'body' ? undefined : {}), { error: plainIssue });
  if (r.success) return r.data;
  for (const i of flatten(r.error.issues)) {
    // Body paths are reported bare (`services.0.minutes`); query and path parameters get their part as prefix.
    const path = joinPath(i.path);
    errors.push({ path: prefix === 'body' ? path || 'body' : path ? `${prefix}.${path}` : prefix, message: i.message });
  }
  return undefined;
}

/** Seals a list answer's `next` cursor for this list and clinic (see cursor-seal.ts). */
function sealNext(result: RouteResult, seal: CursorSeal, list: string, clinicId: string | undefined): RouteResult {
  const body = result.body as { next?: unknown } | undefined;
  if (!clinicId || !body || typeof body !== 'object' || typeof body.next !== 'string') return result;
  return { ...result, body: { ...body, next: seal.seal(body.next, list, clinicId) } };
}

function send(reply: FastifyReply, def: RouteDef, result: RouteResult): unknown {
  reply.code(result.status ?? def.status);
  if (result.headers) reply.headers(result.headers);
  if (result.body === undefined) return reply.send();
  return result.body;
}

/**
 * Registers the route table on the app: parse params, query and body with the route's zod schemas (all failing fields
 * reported at once), require If-Match where declared, replay `Idempotency-Key` retries, then call the handler.
 * The guard (a preHandler) has already checked the caller, CSRF, role and clinic.
 * @param app - the Fastify instance
 * @param routes - the route table
 * @param deps - the app's dependencies
 */
export function registerRoutes(app: FastifyInstance, routes: readonly RouteDef[], deps: AppDeps): void {
  const auditWriter = new AuditWriter(deps.store);
  const seal = new CursorSeal();
  for (const def of routes) {
    app.route({
      method: def.method,
      url: def.path,
      config: { def },
      handler: async (request: FastifyRequest, reply: FastifyReply) => {
        const errors: FieldError[] = [];
        const params = parsePart(def.params, request.params, 'params', errors);
        const query = parsePart(def.query, request.query, 'query', errors);
        const body = parsePart(def.body, request.body, 'body', errors);
        if (errors.length > 0) {
          throw new ApiError(
            'invalid',
            `The request has ${errors.length} invalid field${errors.length === 1 ? '' : 's'}.`,
            errors,
          );
        }
        const ifMatch = def.ifMatch ? parseIfMatch(request.headers['if-match']) : undefined;
        // Public routes have no principal; their handlers never read it.
        const principal = request.principal as Principal;
        const q = query as { cursor?: unknown } | undefined;
        if (q && typeof q.cursor === 'string' && q.cursor !== '') {
          q.cursor = seal.open(q.cursor, def.id, principal?.clinicId ?? '');
        }
        const audit = async (e: AuditEvent, tx?: Repositories): Promise<void> => {
          const clinicId = principal?.clinicId;
          if (!clinicId) return;
          const entry = {
            action: e.action,
            entity: e.entity,
            entityId: e.entityId ?? null,
            patientId: e.patientId ?? null,
            userId: principal.userId,
            ip: request.ip,
            detail: e.detail ?? null,
            at: deps.clock().toISOString(),
          };
          // In the write's own transaction when given (never lost after a commit); else batched with other reads.
          if (tx) await tx.audit.append(clinicId, entry);
          else await auditWriter.write(clinicId, entry);
        };
        const ctx = { params, query, body, principal, deps, ifMatch, audit, request, reply };
        const key = request.headers['idempotency-key'];
        if (!def.idempotent || typeof key !== 'string' || !principal) {
          return send(reply, def, sealNext(await def.handler(ctx), seal, def.id, principal?.clinicId));
        }
        if (key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY) {
          throw new ApiError('invalid', 'Idempotency-Key must be 1-200 characters.', [
            { path: 'headers.idempotency-key', message: 'Expected 1-200 characters.' },
          ]);
        }
        const fingerprint = requestFingerprint(def.method, request.url.split('?')[0] ?? '', request.body);
        const seen = await deps.store.idempotency.get(principal.clinicId, principal.userId, key);
        if (seen) return replay(reply, seen.requestHash, fingerprint, seen.responseStatus, seen.responseBody);
        const result = await def.handler(ctx);
        const status = result.status ?? def.status;
        if (status >= 200 && status < 300) {
          const stored = await deps.store.idempotency.put(principal.clinicId, {
            userId: principal.userId,
            key,
            requestHash: fingerprint,
            responseStatus: status,
            responseBody: JSON.stringify(result.body ?? null),
          });
          // A concurrent request with the same key won the race: answer as it did.
          if (!stored.created) {
            const r = stored.record;
            return replay(reply, r.requestHash, fingerprint, r.responseStatus, r.responseBody);
          }
        }
        return send(reply, def, result);
      },
    });
  }
}

function replay(reply: FastifyReply, storedHash: string, hash: string, status: number, body: string): unknown {
  if (storedHash !== hash) {
    throw new ApiError('unprocessable', 'This Idempotency-Key was used with a different request body.', [
      { path: 'headers.idempotency-key', message: 'Reused with a different body.' },
    ]);
  }
  reply.code(status).header('idempotent-replayed', 'true').type('application/json; charset=utf-8');
  return reply.send(body);
}
