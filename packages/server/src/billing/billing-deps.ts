import { type ClaimsRepository, claimsRepository, type Repositories, type Store } from '@unitwise/store';
import type { PolicyCache } from '../engine/policy-cache.ts';
import type { AuditEvent } from '../http/route.ts';

/** What the billing functions need: the store, the clock and the clinics' payer policies (the app or the CLI). */
export interface BillingDeps {
  store: Store;
  /** The time source; tests pass a fixed clock. */
  clock: () => Date;
  policies: PolicyCache;
}

/**
 * Appends one event to the clinic's audit log (the route's `audit`, or the CLI's writer); with `tx`, inside that
 * transaction, so a write's entry commits or rolls back with the write.
 */
export type AuditSink = (entry: AuditEvent, tx?: Repositories) => Promise<void>;

/**
 * The claims repository over the store (or an open transaction) and the clock.
 * @param deps - the billing dependencies
 * @param repos - an open transaction's repositories, when inside one
 */
export function billingClaims(
  deps: BillingDeps,
  repos: Pick<Repositories, 'db' | 'engine'> = deps.store,
): ClaimsRepository {
  return claimsRepository(repos, () => deps.clock().toISOString());
}
