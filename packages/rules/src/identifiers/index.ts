export * from './credential.ts';
export * from './ein.ts';
export * from './npi.ts';
export * from './person-name.ts';
export * from './zip.ts';
