/** @unitwise/server: the clinic's HTTP API (Fastify), sessions and tokens, roles, audit log, OpenAPI, web build. */
export { API_VERSION, type AppOptions, buildApp } from './app.ts';
export { ACCESS, ROLES, type Role } from './auth/roles.ts';
export {
  type AuditSink,
  type BillingDeps,
  type BuildOutcome,
  type BuildRequest,
  buildClinicClaims,
  type ExportOutcome,
  exportReadyClaims,
  type PostOutcome,
  postRemittanceFile,
} from './billing/index.ts';
export { PolicyCache } from './engine/policy-cache.ts';
export { ApiError, type FieldError } from './errors/api-error.ts';
export type { AuditEvent } from './http/route.ts';
export { ROUTES } from './routes/table.ts';
export { DEMO_CLINIC_ID, DEMO_PASSWORD, DEMO_STAFF } from './seed/demo-data.ts';
export { type SeedResult, seedDemo } from './seed/seed-demo.ts';
export { DEFAULT_DATABASE_URL, DEFAULT_PORT, type RunningServer, type StartOptions, startServer } from './server.ts';
