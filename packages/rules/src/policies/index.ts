export * from './built-in.ts';
export * from './registry.ts';
export * from './validate.ts';
