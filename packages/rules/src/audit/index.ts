export * from './active-plan.ts';
export * from './auditor.ts';
export * from './estimate.ts';
export * from './history.ts';
export * from './summarize.ts';
export * from './types.ts';
