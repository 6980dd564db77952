/**
 * SQLite transactions of the store start with BEGIN IMMEDIATE (db/connect.ts): the write lock is taken at the start,
 * so a transaction never fails half-way with SQLITE_BUSY because another process wrote in between.
 */
import path from 'node:path';
import BetterSqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore } from '../src/index.ts';
import { useTempDirs } from './helpers/temp-dirs.ts';

const tempDir = useTempDirs();

describe('SQLite write transactions', () => {
  it('hold the write lock from their first statement, so another connection cannot write meanwhile', async () => {
    const dir = tempDir('lock');
    const file = path.join(dir, 'l.db');
    const store = await openStore(`sqlite:${file}`);
    const clinic = await store.clinics.create({ name: 'Locks' });
    const other = new BetterSqlite(file, { timeout: 0 });
    let attempt: unknown = 'not tried';
    await store.transaction(async (tx) => {
      // Only a read so far: with a deferred BEGIN this transaction would hold no write lock yet.
      await tx.clinics.get(clinic.id);
      try {
        other.exec('BEGIN IMMEDIATE; ROLLBACK;');
        attempt = 'got the lock';
      } catch (err) {
        attempt = (err as { code?: string }).code;
      }
    });
    expect(attempt).toBe('SQLITE_BUSY');
    // Once committed, the other connection writes freely.
    other.exec('BEGIN IMMEDIATE; ROLLBACK;');
    other.close();
    await store.close();
  });
});
