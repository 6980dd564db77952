export * from './catalog/codes.ts';
export * from './types.ts';
export * from './units/compute.ts';
export * from './units/unit-table.ts';
