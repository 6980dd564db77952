export * from './conversion-factor.ts';
export * from './fee-schedules.ts';
export * from './gpci.ts';
export * from './kx.ts';
export * from './mue.ts';
export * from './ncci.ts';
export * from './rvu.ts';
export * from './sample-charges.ts';
