import fastifyCookie from '@fastify/cookie';
import type { Store } from '@unitwise/store';
import Fastify, { type FastifyInstance } from 'fastify';
import { createGuard } from './auth/guard.ts';
import { AttemptLimiter } from './auth/lockout.ts';
import { PrincipalCache } from './auth/principal-cache.ts';
import type { AppDeps } from './deps.ts';
import { HistoryCache } from './engine/history-cache.ts';
import { PolicyCache } from './engine/policy-cache.ts';
import { BODY_LIMIT_BYTES, onClientError, onFrameworkError } from './errors/framework-errors.ts';
import { toProblem } from './errors/to-problem.ts';
import { registerRoutes } from './http/register-routes.ts';
import { registerSafeJson } from './http/safe-json.ts';
import { registerSecurityHeaders } from './http/security-headers.ts';
import { buildOpenApiDocument } from './openapi/build-document.ts';
import { ROUTES } from './routes/table.ts';
import { DEFAULT_WEB_ROOT, serveWeb } from './web/serve-web.ts';

/** The API's version, in the OpenAPI document. */
export const API_VERSION = '1.0.0';

export interface AppOptions {
  store: Store;
  /** Time source (tests pass a fixed clock); default the system clock. */
  clock?: () => Date;
  /** Whether `POST /api/v1/clinics` is open (default true). */
  selfSignup?: boolean;
  /** Force the cookie's Secure flag on or off; default: Secure except on localhost. */
  secureCookies?: boolean;
  /** The web build to serve; default packages/web/dist. */
  webRoot?: string;
  /** Fastify's request log (off by default; when on, headers, cookies and bodies are never logged). */
  logger?: boolean;
}

/**
 * Builds the Fastify app: the route table under /api/v1, the guard, problem+json errors, the OpenAPI document
 * and the web build. Nothing listens until the caller calls `listen` (tests use `inject`).
 * @param opts - the store and settings
 * @example
 * const app = buildApp({ store: await openStore('sqlite::memory:') });
 * const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
 */
export function buildApp(opts: AppOptions): FastifyInstance {
  const clock = opts.clock ?? (() => new Date());
  const deps: AppDeps = {
    store: opts.store,
    clock,
    selfSignup: opts.selfSignup ?? true,
    secureCookies: opts.secureCookies,
    signInLimiter: new AttemptLimiter(),
    policies: new PolicyCache(),
    history: new HistoryCache(),
    // On the app's clock, so tests that move time also age the cache.
    principals: new PrincipalCache(() => clock().getTime()),
  };
  const app = Fastify({
    // Only method, URL (ids, never names) and status are logged: request bodies and headers carry PHI and secrets.
    logger: opts.logger
      ? {
          serializers: {
            req: (r: { method: string; url: string }) => ({ method: r.method, url: r.url.split('?')[0] }),
            res: (r: { statusCode: number }) => ({ statusCode: r.statusCode }),
          },
        }
      : false,
    bodyLimit: BODY_LIMIT_BYTES,
    // Fastify's own early errors (bad URL escape, an id over 100 characters, huge headers) as problem+json.
    frameworkErrors: onFrameworkError,
    clientErrorHandler: onClientError,
  });
  registerSecurityHeaders(app);
  app.register(fastifyCookie);
  registerSafeJson(app);
  app.setErrorHandler((err, request, reply) => {
    const problem = toProblem(err);
    if (problem.status >= 500) {
      request.log.error({ err: { message: (err as Error).message } }, 'request failed');
      // Stack traces only on request: error messages never carry patient data, but stay quiet by default.
      if (process.env.UNITWISE_DEBUG) process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    }
    return reply.code(problem.status).type('application/problem+json').send(problem);
  });
  app.addHook('preHandler', createGuard(deps));
  registerRoutes(app, ROUTES, deps);
  const openapi = buildOpenApiDocument(ROUTES, API_VERSION);
  app.get('/api/openapi.json', (_req, reply) => reply.send(openapi));
  serveWeb(app, opts.webRoot ?? DEFAULT_WEB_ROOT);
  return app;
}
