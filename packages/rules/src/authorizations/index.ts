export * from './types.ts';
export * from './usage.ts';
