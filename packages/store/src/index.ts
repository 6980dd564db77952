/** @unitwise/store: schema, migrations and clinic-scoped repositories on SQLite and PostgreSQL (Kysely). */
export { StoreError, type StoreErrorCode } from './errors.ts';
export { hashVisitContent } from './hash-visit.ts';
export { openStore } from './open-store.ts';
export * from './types.ts';
