import type { LogEvent } from 'kysely';

/** Time spent per statement text, for finding slow queries (`UNITWISE_SQL_STATS=1`); texts carry no values. */
export class SqlStats {
  private readonly byText = new Map<string, { n: number; ms: number }>();

  /**
   * Kysely's `log` hook.
   * @param e - a query event (durations include waiting for the connection when queries run concurrently)
   */
  readonly log = (e: LogEvent): void => {
    const s = this.byText.get(e.query.sql) ?? { n: 0, ms: 0 };
    s.n++;
    s.ms += e.queryDurationMillis;
    this.byText.set(e.query.sql, s);
  };

  /**
   * The slowest statement texts in total time, one line each, for stderr.
   * @param top - how many
   */
  report(top = 30): string {
    return [...this.byText]
      .sort((a, b) => b[1].ms - a[1].ms)
      .slice(0, top)
      .map(([sql, s]) => `${s.ms.toFixed(0).padStart(7)} ms ${String(s.n).padStart(7)}x  ${sql.slice(0, 200)}\n`)
      .join('');
  }
}
