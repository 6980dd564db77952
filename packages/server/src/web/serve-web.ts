import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Where `npm run build -w @unitwise/web` writes the app. */
export const DEFAULT_WEB_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

const API_HELP = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Unitwise</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; line-height: 1.5">
<h1>Unitwise API</h1>
<p>The web app is not built yet (<code>npm run build -w @unitwise/web</code>). The HTTP API is running:</p>
<ul>
<li><code>POST /api/v1/session</code> with <code>{ "email", "password" }</code> signs in (cookie + <code>csrfToken</code>);
browser writes send <code>X-CSRF-Token</code>, integrations send <code>Authorization: Bearer &lt;api token&gt;</code>.</li>
<li><code>POST /api/v1/clinics</code> with <code>{ "clinicName", "owner": { "name", "email", "password" } }</code> creates a clinic.</li>
<li>The OpenAPI 3.1 document: <a href="/api/openapi.json">/api/openapi.json</a>.</li>
</ul></body></html>`;

/**
 * Serves the single-page app from `root` (with index.html for any non-API path the client router owns), or a
 * page saying how to use the API when there is no build.
 * @param app - the Fastify instance
 * @param root - the web build folder
 */
export function serveWeb(app: FastifyInstance, root: string): void {
  const built = existsSync(path.join(root, 'index.html'));
  if (built) app.register(fastifyStatic, { root, wildcard: false, index: ['index.html'] });
  else app.get('/', (_req, reply) => reply.type('text/html; charset=utf-8').send(API_HELP));
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0] ?? '';
    if (url.startsWith('/api/') || url === '/api' || request.method !== 'GET' || !built) {
      return reply
        .code(404)
        .type('application/problem+json')
        .send({
          type: '/api/problems/not-found',
          title: 'Not found',
          status: 404,
          detail: `No route ${request.method} ${url}.`,
          errors: [],
        });
    }
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });
}
