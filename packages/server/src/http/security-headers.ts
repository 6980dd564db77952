import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Hosts a developer runs on: no HSTS there, or the browser would pin https on localhost for a year. */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * The Content-Security-Policy: the built app loads its script and CSS from its own origin only (Vite emits no inline
 * script); React's `style={{...}}` sets styles through the CSSOM, which style-src does not govern. Framing is refused
 * (clickjacking of patient records).
 */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
} as const;

/** Features the app never uses, switched off for it and anything it might embed. */
export const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()';

/** HSTS outside localhost: one year, subdomains included (OWASP HTTP headers cheat sheet). */
export const HSTS = 'max-age=31536000; includeSubDomains';

function isLocal(request: FastifyRequest): boolean {
  return LOCAL_HOSTS.has(request.hostname.replace(/:\d+$/, ''));
}

/**
 * True for answers that may carry patient data: every API answer (lists, downloads, errors that echo ids).
 * The OpenAPI document and the web build hold none and may be cached.
 * @param url - the request URL
 */
export function carriesPatientData(url: string): boolean {
  return url.startsWith('/api/v1/') || url === '/api/v1';
}

/**
 * Security headers on every answer: helmet's set with a strict CSP, Permissions-Policy, HSTS outside localhost and
 * `Cache-Control: no-store` on every API answer (so no proxy or browser keeps patient data).
 * @param app - the Fastify instance (registered before the routes so that their answers get the headers)
 */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.register(fastifyHelmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    // Set below, only outside localhost.
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('permissions-policy', PERMISSIONS_POLICY);
    if (!isLocal(request)) reply.header('strict-transport-security', HSTS);
    if (carriesPatientData(request.url)) {
      reply.header('cache-control', 'no-store');
      reply.header('pragma', 'no-cache');
    }
    return payload;
  });
}
