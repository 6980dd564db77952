/** Failed sign-ins in a row that lock an account (issue 3: "lock-out after 5 failed sign-ins"). */
export const MAX_FAILED_SIGN_INS = 5;

/** How long a locked account stays locked: 15 minutes. */
export const LOCK_MS = 15 * 60 * 1000;

/** Sign-in attempts allowed per client address per window, whatever the account (credential stuffing). */
export const IP_ATTEMPTS_PER_WINDOW = 20;
const WINDOW_MS = 60 * 1000;

/** A fixed-window counter of sign-in attempts per client address, in memory (one process). */
export class AttemptLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  /**
   * Counts one attempt from `ip` and says whether it is within the limit.
   * @param ip - the client address
   * @param now - the current time in ms
   */
  allow(ip: string, now: number): boolean {
    const w = this.windows.get(ip);
    if (!w || now - w.start >= WINDOW_MS) {
      if (this.windows.size > 10_000) this.prune(now);
      this.windows.set(ip, { start: now, count: 1 });
      return true;
    }
    w.count += 1;
    return w.count <= IP_ATTEMPTS_PER_WINDOW;
  }

  private prune(now: number): void {
    for (const [ip, w] of this.windows) if (now - w.start >= WINDOW_MS) this.windows.delete(ip);
  }
}
