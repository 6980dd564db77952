export * from './attestation.ts';
export * from './missing-for-signing.ts';
