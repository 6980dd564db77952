import { z } from 'zod';
import type { RouteDef } from '../http/route.ts';

type JsonObject = Record<string, unknown>;

function schemaOf(s: z.ZodType, io: 'input' | 'output'): JsonObject {
  // Unrepresentable parts (transforms, dates) fall back to `{}` instead of failing the whole document.
  const json = z.toJSONSchema(s, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonObject;
  delete json.$schema;
  return json;
}

function parametersOf(s: z.ZodType | undefined, where: 'path' | 'query'): JsonObject[] {
  if (!s) return [];
  const json = schemaOf(s, 'input');
  const props = (json.properties ?? {}) as Record<string, JsonObject>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(props).map(([name, schema]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    ...(typeof schema.description === 'string' ? { description: schema.description } : {}),
    schema,
  }));
}

/**
 * Converts a Fastify path (`/visits/:id/sign`) to an OpenAPI template (`/visits/{id}/sign`).
 * @param path - the Fastify path
 */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

const PROBLEM = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail', 'errors'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['path', 'message'],
        properties: { path: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};

/**
 * Builds the OpenAPI 3.1 document from the route table and its zod schemas (the same ones that validate).
 * @param routes - the route table
 * @param version - the API version string
 */
export function buildOpenApiDocument(routes: readonly RouteDef[], version: string): JsonObject {
  const paths: Record<string, Record<string, JsonObject>> = {};
  for (const r of routes) {
    const p = openApiPath(r.path);
    const item = paths[p] ?? {};
    paths[p] = item;
    const headers: JsonObject[] = [];
    if (r.ifMatch) headers.push({ name: 'If-Match', in: 'header', required: true, schema: { type: 'string' } });
    if (r.idempotent)
      headers.push({ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string' } });
    const success: JsonObject = { description: 'Success' };
    if (r.response && r.status !== 204) {
      success.content = { 'application/json': { schema: schemaOf(r.response, 'output') } };
    }
    const problem = { content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
    const responses: JsonObject = { [String(r.status)]: success };
    for (const [code, description] of [
      ['400', 'Invalid input'],
      ['401', 'Not signed in'],
      ['403', 'Role not allowed'],
      ['404', 'Not found (or another clinic)'],
    ] as const) {
      if (r.access === 'public' && (code === '401' || code === '403')) continue;
      responses[code] = { description, ...problem };
    }
    if (r.ifMatch) {
      responses['412'] = { description: 'Stale If-Match', ...problem };
      responses['428'] = { description: 'If-Match missing', ...problem };
    }
    item[r.method.toLowerCase()] = {
      operationId: r.id,
      summary: r.summary,
      tags: [r.tag],
      'x-roles': r.access,
      ...(r.access === 'public' ? { security: [] } : {}),
      parameters: [...parametersOf(r.params, 'path'), ...parametersOf(r.query, 'query'), ...headers],
      ...(r.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(r.body, 'input') } } } }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Unitwise API',
      version,
      description:
        'Documentation and billing for outpatient therapy. Errors are application/problem+json. Browser writes send X-CSRF-Token; bearer tokens need none.',
    },
    servers: [{ url: '/' }],
    security: [{ session: [] }, { bearer: [] }],
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'uw_session' },
        bearer: { type: 'http', scheme: 'bearer' },
      },
      schemas: { Problem: PROBLEM },
    },
    paths,
  };
}
