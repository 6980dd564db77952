export * from './compute.ts';
export * from './unit-table.ts';
