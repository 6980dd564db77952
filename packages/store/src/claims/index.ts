/** Claims and remittances storage (migration 0005): clinic-scoped repository, row and domain types. */
export { claimsRepository } from './repository.ts';
export type { ClaimTables } from './tables.ts';
export * from './types.ts';
