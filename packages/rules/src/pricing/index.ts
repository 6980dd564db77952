export * from './price.ts';
export * from './rounding.ts';
export * from './types.ts';
