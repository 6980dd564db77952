import type { Store } from '@unitwise/store';
import type { PrincipalCache } from './auth/principal-cache.ts';
import type { SignInLimiter } from './auth/sign-in-limiter.ts';
import type { HistoryCache } from './engine/history-cache.ts';
import type { PolicyCache } from './engine/policy-cache.ts';
import type { PricingCache } from './engine/pricing-cache.ts';

/** What every handler may use: the store, the clock and the app's settings. */
export interface AppDeps {
  store: Store;
  /** The time source; tests pass a fixed clock. */
  clock: () => Date;
  /** Whether `POST /api/v1/clinics` (self sign-up) is open. */
  selfSignup: boolean;
  /** Forces the cookie's Secure flag; undefined: Secure except on localhost. */
  secureCookies: boolean | undefined;
  /** Sign-in attempts per client address, counted in the database across processes. */
  signInLimiter: SignInLimiter;
  /** The clinics' payer policies, needed by every visit save. */
  policies: PolicyCache;
  /** The clinics' PFS locality and charge master, needed by every visit save; forget a clinic's on saving them. */
  pricing: PricingCache;
  /** Each patient's replayed history, so a note saved again is judged without replaying the earlier visits. */
  history: HistoryCache;
  /** Resolved callers by secret hash; clear it after any change to users, roles, tokens or sessions. */
  principals: PrincipalCache;
  /** Set once the server starts shutting down, so readiness says so while requests in flight finish. */
  lifecycle: { closing: boolean };
}
