/**
 * Failed sign-ins in a row an account gets without any wait (issue 3 allowed 5 before its lock; a typo or two plus a
 * caps-lock must not slow a therapist down).
 */
export const FREE_FAILED_SIGN_INS = 4;

/** The longest wait between attempts on one account: 5 minutes, so a stranger can only slow a therapist, not lock them out. */
export const MAX_HOLD_MS = 5 * 60 * 1000;

/**
 * How long an account waits after its `failures`-th failure in a row: nothing up to FREE_FAILED_SIGN_INS, then 1 s
 * doubling per failure up to MAX_HOLD_MS. That allows at most 4 + 9 + 11 = 24 guesses in the first hour, under
 * OWASP ASVS 4.0.3 V2.2.1's "no more than 100 failed attempts per hour" on a single account.
 * @param failures - failed attempts in a row, counting this one
 */
export function holdMs(failures: number): number {
  if (failures <= FREE_FAILED_SIGN_INS) return 0;
  return Math.min(1000 * 2 ** (failures - FREE_FAILED_SIGN_INS - 1), MAX_HOLD_MS);
}

/**
 * The holds for the store's atomic attempt counter, one per failure count until the wait reaches MAX_HOLD_MS (the
 * last one then applies to every higher count).
 * @param now - the current time in ms
 */
export function holdSchedule(now: number): { failures: number; until: string }[] {
  const out: { failures: number; until: string }[] = [];
  for (let n = FREE_FAILED_SIGN_INS + 1; ; n++) {
    const ms = holdMs(n);
    out.push({ failures: n, until: new Date(now + ms).toISOString() });
    if (ms >= MAX_HOLD_MS) return out;
  }
}

/** Sign-in attempts allowed per client address per window, whatever the account (credential stuffing). */
export const IP_ATTEMPTS_PER_WINDOW = 20;
/** The window the per-address count runs over: one minute, aligned to the clock so every process agrees. */
export const ATTEMPT_WINDOW_MS = 60 * 1000;
