/** Claim building, 837P export and 835 posting as plain functions: the API routes and the CLI share them. */
export { type AuditSink, type BillingDeps, billingClaims } from './billing-deps.ts';
export {
  type BuildOutcome,
  type BuildRequest,
  buildClinicClaims,
  buildContextFor,
  clinicVisits,
} from './build-claims.ts';
export { type ExportOutcome, exportReadyClaims } from './export-claims.ts';
export { type PostOutcome, postRemittanceFile } from './post-remittance.ts';
