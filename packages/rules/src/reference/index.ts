export * from './conversion-factor.ts';
export * from './fee-schedules.ts';
export * from './icd10cm.ts';
export * from './kx.ts';
export * from './mue.ts';
export * from './ncci.ts';
export * from './rvu.ts';
