export * from './missing-for-signing.ts';
