export * from './score.ts';
export * from './suggest-codes.ts';
