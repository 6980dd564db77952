export * from './analyze.ts';
export * from './features.ts';
export * from './fingerprint.ts';
export * from './goal-target.ts';
export * from './patterns.ts';
export * from './prefixes.ts';
export * from './reading.ts';
