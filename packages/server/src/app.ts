import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import type { Store } from '@unitwise/store';
import Fastify, { type FastifyInstance } from 'fastify';
import { createGuard } from './auth/guard.ts';
import { PRINCIPALS_CHANNEL, PrincipalCache } from './auth/principal-cache.ts';
import { SignInLimiter } from './auth/sign-in-limiter.ts';
import type { AppDeps } from './deps.ts';
import { HistoryCache } from './engine/history-cache.ts';
import { PolicyCache } from './engine/policy-cache.ts';
import { PricingCache } from './engine/pricing-cache.ts';
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

/** An `X-Request-Id` from the proxy is kept when it looks like an id; anything else gets a fresh UUID. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

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
  /**
   * Listen for other processes' access changes (PostgreSQL LISTEN) from `ready` until `close`; startServer turns it
   * on. Every app tells the others of its own changes either way.
   */
  shareCaches?: boolean;
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
    signInLimiter: new SignInLimiter(opts.store),
    policies: new PolicyCache(),
    pricing: new PricingCache(),
    history: new HistoryCache(),
    // On the app's clock, so tests that move time also age the cache.
    principals: new PrincipalCache(() => clock().getTime()),
    lifecycle: { closing: false },
  };
  deps.principals.share(() => opts.store.broadcast(PRINCIPALS_CHANNEL));
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
    // Unique across processes (Fastify's default counts per process), so one id finds one request behind a proxy.
    genReqId: (req) => {
      const sent = req.headers['x-request-id'];
      return typeof sent === 'string' && REQUEST_ID.test(sent) ? sent : randomUUID();
    },
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  registerSecurityHeaders(app);
  app.register(fastifyCookie);
  if (opts.shareCaches) {
    let stop: (() => Promise<void>) | undefined;
    const drop = () => deps.principals.clearLocal();
    app.addHook('onReady', async () => {
      stop = await opts.store.subscribe(PRINCIPALS_CHANNEL, drop, drop);
    });
    app.addHook('onClose', async () => {
      await stop?.();
    });
  }
  // Readiness turns false as soon as shutting down starts; Fastify then answers new requests 503 and lets the ones in
  // flight finish before `close` resolves.
  app.addHook('preClose', async () => {
    deps.lifecycle.closing = true;
  });
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
