export * from './signing-rights.ts';
