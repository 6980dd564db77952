import type pg from 'pg';

/** A channel name PostgreSQL accepts unquoted in LISTEN; ours are fixed strings, this keeps them so. */
const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Runs `fn` while this process holds the session advisory lock for `key`, on a client of its own; other processes
 * calling it with the same key wait until `fn` settles (postgresql.org/docs/current/explicit-locking.html#ADVISORY-LOCKS).
 * @param pool - the store's pool
 * @param key - the lock's name (hashed to PostgreSQL's lock key with hashtext)
 * @param fn - the work that must run in one process at a time
 */
export async function withAdvisoryLock<T>(pool: pg.Pool, key: string, fn: () => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [key]);
    try {
      return await fn();
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [key]);
    }
  } finally {
    client.release();
  }
}

/**
 * Sends a notification on `channel` to every process listening (delivered once the statement commits).
 * @param pool - the store's pool
 * @param channel - the channel
 */
export async function notify(pool: pg.Pool, channel: string): Promise<void> {
  if (!CHANNEL.test(channel)) throw new Error(`bad channel name ${channel}`);
  await pool.query('SELECT pg_notify($1, $2)', [channel, String(process.pid)]);
}

/**
 * Calls `handler` on every notification on `channel`, over one client held for the purpose; a lost connection is
 * reported through `onLost` (the caller then cannot trust its caches and should drop them).
 * @param pool - the store's pool
 * @param channel - the channel
 * @param handler - called per notification
 * @param onLost - called when the listening connection ends unexpectedly
 * @returns a function that stops listening and gives the client back
 */
export async function listen(
  pool: pg.Pool,
  channel: string,
  handler: () => void,
  onLost: () => void = () => undefined,
): Promise<() => Promise<void>> {
  if (!CHANNEL.test(channel)) throw new Error(`bad channel name ${channel}`);
  const client = await pool.connect();
  let stopped = false;
  client.on('notification', (n) => {
    if (n.channel === channel) handler();
  });
  client.on('error', () => {
    if (!stopped) onLost();
  });
  await client.query(`LISTEN ${channel}`);
  return async () => {
    if (stopped) return;
    stopped = true;
    await client.query(`UNLISTEN ${channel}`).catch(() => undefined);
    client.release();
  };
}
