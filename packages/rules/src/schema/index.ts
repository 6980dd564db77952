export * from './case-file-checker.ts';
export * from './case-file-schemas.ts';
export * from './input-error.ts';
export * from './parse-case-file.ts';
export * from './parse-record.ts';
export {
  isClockTime,
  isIsoDate,
  isPlausibleDate,
  MAX_PLAUSIBLE_DATE,
  MIN_PLAUSIBLE_DATE,
  multiLineText,
  singleLineText,
  TEXT_PROBLEM_MESSAGES,
  type TextProblem,
  textProblem,
} from './primitives.ts';
