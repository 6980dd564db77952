import type { Store } from '@unitwise/store';
import { ATTEMPT_WINDOW_MS, IP_ATTEMPTS_PER_WINDOW } from './lockout.ts';

/** Type alias, not interface: Kysely's withTables wants an index-signature-compatible shape. */
type AttemptTables = {
  sign_in_attempts: { address: string; window_start: string; attempts: number };
};

/**
 * Counts sign-in attempts per client address in a fixed window, in the database (table `sign_in_attempts`), so
 * every server process on one PostgreSQL counts the same attempts; one upsert per attempt.
 */
export class SignInLimiter {
  /** @param store - the store holding the counts */
  constructor(private readonly store: Store) {}

  /**
   * Counts one attempt from `ip` and says whether it is within the limit.
   * @param ip - the client address
   * @param now - the current time in ms
   */
  async allow(ip: string, now: number): Promise<boolean> {
    const start = new Date(Math.floor(now / ATTEMPT_WINDOW_MS) * ATTEMPT_WINDOW_MS).toISOString();
    const db = this.store.db.withTables<AttemptTables>();
    const row = await db
      .insertInto('sign_in_attempts')
      .values({ address: ip, window_start: start, attempts: 1 })
      .onConflict((oc) =>
        oc
          .columns(['address', 'window_start'])
          .doUpdateSet((eb) => ({ attempts: eb('sign_in_attempts.attempts', '+', 1) })),
      )
      .returning('attempts')
      .executeTakeFirstOrThrow();
    // An address's first attempt in a window sweeps the finished windows, so the table holds about one minute.
    if (Number(row.attempts) === 1) await db.deleteFrom('sign_in_attempts').where('window_start', '<', start).execute();
    return Number(row.attempts) <= IP_ATTEMPTS_PER_WINDOW;
  }
}
