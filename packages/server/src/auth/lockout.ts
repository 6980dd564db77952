/** Failed sign-ins in a row that lock an account (issue 3: "lock-out after 5 failed sign-ins"). */
export const MAX_FAILED_SIGN_INS = 5;

/** How long a locked account stays locked: 15 minutes. */
export const LOCK_MS = 15 * 60 * 1000;

/** Sign-in attempts allowed per client address per window, whatever the account (credential stuffing). */
export const IP_ATTEMPTS_PER_WINDOW = 20;
/** The window the per-address count runs over: one minute, aligned to the clock so every process agrees. */
export const ATTEMPT_WINDOW_MS = 60 * 1000;
