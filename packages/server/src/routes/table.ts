import type { RouteDef } from '../http/route.ts';
import { auditRoutes } from './audit.ts';
import { billingRoutes } from './billing.ts';
import { claimRoutes } from './claims.ts';
import { claimReviewRoutes } from './claims-review.ts';
import { healthRoutes } from './health.ts';
import { patientRoutes } from './patients.ts';
import { planRoutes } from './plans.ts';
import { providerRoutes } from './providers.ts';
import { remittanceRoutes } from './remittances.ts';
import { sessionRoutes } from './session.ts';
import { signingRoutes } from './signing.ts';
import { userRoutes } from './users.ts';
import { visitRoutes } from './visits.ts';

/**
 * Every API route: registration, the guard's role check, the OpenAPI document and the authorization matrix test
 * are all generated from this one list.
 */
export const ROUTES: readonly RouteDef[] = [
  ...sessionRoutes,
  ...userRoutes,
  ...providerRoutes,
  ...patientRoutes,
  ...billingRoutes,
  ...planRoutes,
  ...visitRoutes,
  ...signingRoutes,
  ...auditRoutes,
  ...claimRoutes,
  ...claimReviewRoutes,
  ...remittanceRoutes,
  ...healthRoutes,
];
