/** @unitwise/server: the clinic's HTTP API (Fastify), sessions and tokens, roles, audit log, OpenAPI, web build. */
export { API_VERSION, type AppOptions, buildApp } from './app.ts';
export { ROLES, type Role } from './auth/roles.ts';
export { ROUTES } from './routes/table.ts';
