export * from './case-file-checker.ts';
export * from './case-file-schemas.ts';
export * from './input-error.ts';
export * from './parse-case-file.ts';
export * from './parse-record.ts';
export { isClockTime, isIsoDate } from './primitives.ts';
