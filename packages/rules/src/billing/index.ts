export * from './party-ids.ts';
export * from './place-of-service.ts';
export * from './settings-problems.ts';
export * from './us-states.ts';
