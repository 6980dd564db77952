import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite from 'better-sqlite3';
import pg from 'pg';
import type { Engine } from '../../src/index.ts';

/** A database the contract suite runs against, with a raw connection beside the store's. */
export interface Target {
  engine: Engine;
  /** The URL to hand to openStore. */
  url: string;
  /** Runs SQL on a connection of its own, bypassing the repositories (placeholders: `?` SQLite, `$1` pg). */
  raw(sqlText: string, params?: unknown[]): Promise<unknown[]>;
  /** Closes the raw connection and removes the database (file or schema). */
  dispose(): Promise<void>;
}

/** The PostgreSQL the suite uses: PG_TEST_URL, else the local test database. */
export const PG_URL = process.env.PG_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A SQLite file in a fresh temp folder (a file, not :memory:, so a second connection sees it). */
export function sqliteTarget(): Target {
  const dir = mkdtempSync(join(tmpdir(), 'unitwise-store-'));
  const file = join(dir, 'nested', 'store.db');
  let conn: BetterSqlite.Database | undefined;
  const open = () => {
    conn ??= new BetterSqlite(file);
    return conn;
  };
  return {
    engine: 'sqlite',
    url: `sqlite:${file}`,
    async raw(sqlText, params = []) {
      const stmt = open().prepare(sqlText);
      if (stmt.reader) return stmt.all(...params);
      stmt.run(...params);
      return [];
    },
    async dispose() {
      conn?.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Whether PostgreSQL answers at PG_URL within two seconds; the reason when it does not.
 */
export async function probePostgres(): Promise<{ ok: true } | { ok: false; reason: string }> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return { ok: true };
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.message : String(err) };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A fresh schema in the PostgreSQL test database, so parallel runs never meet; dropped on dispose. */
export function postgresTarget(): Target {
  const schema = `uw_test_${randomBytes(6).toString('hex')}`;
  const url = new URL(PG_URL);
  url.searchParams.set('schema', schema);
  let client: pg.Client | undefined;
  const open = async () => {
    if (!client) {
      client = new pg.Client({ connectionString: PG_URL, options: `-c search_path=${schema}` });
      await client.connect();
    }
    return client;
  };
  return {
    engine: 'postgres',
    url: url.toString(),
    async raw(sqlText, params = []) {
      return (await (await open()).query(sqlText, params)).rows;
    },
    async dispose() {
      const c = await open();
      await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await c.end();
    },
  };
}

/**
 * The engines to run: SQLite always; PostgreSQL when reachable. Unreachable PostgreSQL is a printed skip, except
 * under UNITWISE_REQUIRE_PG=1 (CI), where it is returned anyway so that its tests fail loudly.
 */
export async function targetFactories(): Promise<{ engine: Engine; make: () => Target; skip?: string }[]> {
  const out: { engine: Engine; make: () => Target; skip?: string }[] = [{ engine: 'sqlite', make: sqliteTarget }];
  const probe = await probePostgres();
  if (probe.ok || process.env.UNITWISE_REQUIRE_PG === '1') {
    out.push({ engine: 'postgres', make: postgresTarget });
  } else {
    const skip = `PostgreSQL not reachable at ${new URL(PG_URL).host} (${probe.reason}); set UNITWISE_REQUIRE_PG=1 to fail instead`;
    console.warn(`[store] skipping PostgreSQL contract tests: ${skip}`);
    out.push({ engine: 'postgres', make: postgresTarget, skip });
  }
  return out;
}

/**
 * A clock that starts at a fixed instant and moves one second per reading, so order is by call.
 * @param start - the first instant
 */
export function steppingClock(start = '2026-01-05T14:00:00.000Z'): () => Date {
  let t = Date.parse(start);
  return () => {
    const d = new Date(t);
    t += 1000;
    return d;
  };
}
