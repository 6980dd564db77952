export * from './compute.ts';
export * from './unit-table.ts';
export * from './what-if.ts';
