/** @unitwise/store: schema, migrations and clinic-scoped repositories on SQLite and PostgreSQL (Kysely). */

export { canonicalAuditEntry, chainHash } from './audit-chain.ts';
export * from './claims/index.ts';
export type { Database } from './db/schema.ts';
export { StoreError, type StoreErrorCode } from './errors.ts';
export { hashVisitContent } from './hash-visit.ts';
export { assertOrdered, runMigrations } from './migrate.ts';
export { MIGRATIONS, type StoreMigration } from './migrations/index.ts';
export { DEFAULT_DATABASE_URL, openStore } from './open-store.ts';
export * from './types.ts';
export {
  type VerifyMismatch,
  type VerifyProgress,
  type VerifyReport,
  verifyDatabase,
} from './verify/verify-database.ts';
