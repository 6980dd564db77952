import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite from 'better-sqlite3';
import { StoreError } from '../errors.ts';

/** A held lock; `release` gives it back (the OS also drops it when the process dies, even on kill -9). */
export interface ProcessLock {
  release(): void;
}

/**
 * Claims a SQLite database file for this process alone, by holding an exclusive transaction on a sidecar file
 * (`PATH.lock`). SQLite's own file locks are released by the OS when a process dies, so a crash leaves no stale lock,
 * unlike a PID file. A second claimant fails at once with a StoreError('locked').
 * @param path - the database file's path
 */
export function claimSqliteFile(path: string): ProcessLock {
  const lockPath = `${resolve(path)}.lock`;
  mkdirSync(dirname(lockPath), { recursive: true });
  const raw = new BetterSqlite(lockPath, { timeout: 0 });
  try {
    // EXCLUSIVE locking mode keeps the lock after the transaction starts; BEGIN EXCLUSIVE takes it now.
    raw.pragma('locking_mode = EXCLUSIVE');
    raw.exec('BEGIN EXCLUSIVE');
  } catch (err) {
    raw.close();
    throw new StoreError(
      'locked',
      `another Unitwise server is already running on ${path}; SQLite supports one server process per file ` +
        '(stop the other one, or use PostgreSQL for several processes)',
      err,
    );
  }
  return {
    release() {
      if (!raw.open) return;
      raw.exec('ROLLBACK');
      raw.close();
    },
  };
}
