/**
 * `unitwise backup` and `unitwise restore` on SQLite with a real writer process creating and signing visits: the
 * backup is taken during the writes, restored into a fresh file, and every table's row count and every signed note's
 * content hash are compared; the restored database opens and migrates cleanly; a non-empty target, a backup from a
 * newer build and a PostgreSQL URL are refused with their exit codes. When pg_dump is on PATH and PostgreSQL answers,
 * a pg_dump/pg_restore round trip of a fresh schema is checked too.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hashVisitContent, openStore } from '@unitwise/store';
import BetterSqlite from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PG_URL } from '../../server/test/helpers/engines.ts';
import { seedClinic } from '../../store/test/helpers/fixtures.ts';
import { rowCounts } from '../src/commands/sqlite-copy.ts';
import { repoRoot, runCli, SPAWN_TIMEOUT } from './helpers.ts';

const writerTs = path.resolve(repoRoot, 'packages/cli/test/fixtures/visit-writer.ts');
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'unitwise-backup-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A writer child process and a promise for its "wrote N" line; `ready` once it has written some visits. */
function startWriter(url: string): { child: ChildProcess; ready: Promise<void>; done: Promise<number> } {
  const child = spawn(process.execPath, ['--import', 'tsx', writerTs, url], {
    cwd: repoRoot,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr?.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`writer not ready within ${SPAWN_TIMEOUT} ms: ${err}`)),
      SPAWN_TIMEOUT,
    );
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('ready\n')) {
        clearTimeout(timer);
        resolve();
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`writer exited with ${code} before ready: ${err}`));
    });
  });
  ready.catch(() => undefined);
  const done = exited.then((code) => {
    if (code !== 0) throw new Error(`writer exited with ${code}: ${err}`);
    const m = /wrote (\d+)/.exec(out);
    if (!m?.[1]) throw new Error(`writer said nothing: ${out} ${err}`);
    return Number(m[1]);
  });
  return { child, ready, done };
}

/** Every signed visit's stored hash, by id, checked against its content as the store reads it back. */
async function signedHashes(file: string): Promise<Map<string, string>> {
  const raw = new BetterSqlite(file, { readonly: true });
  const rows = raw
    .prepare(`SELECT id, clinic_id AS clinicId, content_hash AS hash FROM visits WHERE status = 'signed' ORDER BY id`)
    .all() as { id: string; clinicId: string; hash: string }[];
  raw.close();
  const store = await openStore(`sqlite:${file}`, { migrate: false });
  try {
    const out = new Map<string, string>();
    for (const r of rows) {
      const v = await store.visits.get(r.clinicId, r.id);
      if (!v) throw new Error(`signed visit ${r.id} unreadable`);
      // The note's content must still hash to what was signed: nothing torn or half-copied.
      expect(hashVisitContent(v)).toBe(r.hash);
      out.set(r.id, r.hash);
    }
    return out;
  } finally {
    await store.close();
  }
}

function counts(file: string): Record<string, number> {
  const db = new BetterSqlite(file, { readonly: true });
  try {
    return rowCounts(db);
  } finally {
    db.close();
  }
}

describe('backup and restore on SQLite', () => {
  it(
    'backs up during writes, restores into a fresh file with equal row counts and signed-note hashes',
    async () => {
      const live = path.join(dir, 'live.db');
      const backupFile = path.join(dir, 'during-writes.backup');
      const restored = path.join(dir, 'restored.db');
      const writer = startWriter(`sqlite:${live}`);
      let backedUp: Awaited<ReturnType<typeof runCli>>;
      try {
        await writer.ready;
        backedUp = await runCli(['backup', '--database-url', `sqlite:${live}`, '--out', backupFile]);
        // Let the writer go on past the copy (bounded: 300 polls, 30 s), so "during the writes" is shown, not assumed.
        const copied = backedUp.code === 0 ? (counts(backupFile).visits ?? 0) : 0;
        for (let i = 0; i < 300 && (counts(live).visits ?? 0) <= copied; i++)
          await new Promise((r) => setTimeout(r, 100));
      } finally {
        writer.child.stdin?.end('stop\n');
      }
      const written = await writer.done;
      expect(backedUp.stderr).toMatch(/^backed up .* to .*: \d+ pages, \d+ KiB, \d+ migrations\.\n$/);
      expect(backedUp.code).toBe(0);

      const inBackup = counts(backupFile);
      const liveNow = counts(live);
      // Taken during the writes: some visits, and fewer than the writer went on to make.
      expect(inBackup.visits).toBeGreaterThanOrEqual(30);
      expect(inBackup.visits).toBeLessThan(liveNow.visits ?? 0);
      expect(liveNow.visits).toBe(written);
      console.log(`backup held ${inBackup.visits} of the ${written} visits written during it`);

      const r = await runCli(['restore', '--from', backupFile, '--database-url', `sqlite:${restored}`]);
      expect(r.stderr).toMatch(/^restored .* to .*: \d+ pages, \d+ tables, \d+ migrations\.\n$/);
      expect(r.code).toBe(0);

      const inRestored = counts(restored);
      expect(Object.keys(inRestored).length).toBeGreaterThan(10);
      expect(inRestored).toEqual(inBackup);
      const hashesBackup = await signedHashes(backupFile);
      expect(hashesBackup.size).toBeGreaterThan(0);
      expect(await signedHashes(restored)).toEqual(hashesBackup);

      // Opens as the server opens it, with nothing left to migrate.
      const store = await openStore(`sqlite:${restored}`);
      try {
        expect(await store.pendingMigrations()).toEqual([]);
      } finally {
        await store.close();
      }

      // Restore never overwrites data: the same target again is refused and left as it was.
      const again = await runCli(['restore', '--from', backupFile, '--database-url', `sqlite:${restored}`]);
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/is not empty .*restore only into an empty database/);
      expect(counts(restored)).toEqual(inBackup);
    },
    SPAWN_TIMEOUT * 2,
  );

  it('refuses a backup from a newer build, an existing --out, a missing file and a PostgreSQL URL', async () => {
    const src = path.join(dir, 'small.db');
    const store = await openStore(`sqlite:${src}`);
    await seedClinic(store, 'Small Clinic');
    await store.close();
    const good = path.join(dir, 'small.backup');
    expect((await runCli(['backup', '--database-url', `sqlite:${src}`, '--out', good])).code).toBe(0);

    const existing = await runCli(['backup', '--database-url', `sqlite:${src}`, '--out', good]);
    expect(existing).toMatchObject({ code: 2, stderr: expect.stringMatching(/already exists; choose a new name/) });

    const missing = await runCli(['backup', '--database-url', `sqlite:${path.join(dir, 'nope.db')}`, '--out', 'x']);
    expect(missing).toMatchObject({ code: 2, stderr: expect.stringMatching(/no database at/) });

    const notDb = path.join(dir, 'not-a-db.backup');
    await writeFile(notDb, 'this is not a database, just text long enough to look like a file header at all');
    const bad = await runCli(['restore', '--from', notDb, '--database-url', `sqlite:${path.join(dir, 'r0.db')}`]);
    expect(bad).toMatchObject({ code: 2, stderr: expect.stringMatching(/is not a SQLite database/) });

    const newer = path.join(dir, 'newer.backup');
    await copyFile(good, newer);
    const raw = new BetterSqlite(newer);
    raw.prepare('INSERT INTO kysely_migration (name, timestamp) VALUES (?, ?)').run('9999-from-the-future', 'x');
    raw.close();
    const target = path.join(dir, 'r1.db');
    const refused = await runCli(['restore', '--from', newer, '--database-url', `sqlite:${target}`]);
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringMatching(/newer Unitwise .*9999-from-the-future/) });
    expect(spawnSync('test', ['-e', target]).status).not.toBe(0);

    for (const args of [
      ['backup', '--database-url', 'postgres://u@127.0.0.1/db', '--out', 'x.dump'],
      ['restore', '--database-url', 'postgres://u@127.0.0.1/db', '--from', 'x.dump'],
    ]) {
      const r = await runCli(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(args[0] === 'backup' ? /use pg_dump.*--format=custom/ : /pg_restore --no-owner/);
    }

    // Progress goes to a terminal only, and is cleared before the summary.
    const tty = await runCli(['backup', '--database-url', `sqlite:${src}`, '--out', path.join(dir, 'tty.backup')], {
      tty: true,
    });
    expect(tty.code).toBe(0);
    expect(tty.stderr).toMatch(/\rbacking up \d+%/);
  });
});

/** Why the PostgreSQL round trip cannot run here, or undefined when it can. */
async function pgSkipReason(): Promise<string | undefined> {
  for (const tool of ['pg_dump', 'pg_restore'])
    if (spawnSync(tool, ['--version']).status !== 0) return `${tool} is not on PATH`;
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return undefined;
  } catch (err) {
    return `PostgreSQL at ${PG_URL} does not answer (${err instanceof Error ? err.message : err})`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const pgSkip = await pgSkipReason();
if (pgSkip) console.log(`skipping the pg_dump/pg_restore round trip: ${pgSkip}`);

describe.skipIf(pgSkip !== undefined)('pg_dump and pg_restore on PostgreSQL', () => {
  it('round-trips a fresh Unitwise schema with its rows', async () => {
    const schema = `t_backup_${randomBytes(6).toString('hex')}`;
    const store = await openStore(`${PG_URL}?schema=${schema}`);
    await seedClinic(store, 'PG Backup Clinic');
    await store.close();
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    const tableCounts = async (): Promise<Record<string, number>> => {
      const tables = await client.query<{ name: string }>(
        'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1',
        [schema],
      );
      const out: Record<string, number> = {};
      for (const { name } of tables.rows) {
        const r = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${schema}"."${name}"`);
        out[name] = Number(r.rows[0]?.n);
      }
      return out;
    };
    const dump = path.join(dir, `${schema}.dump`);
    try {
      const before = await tableCounts();
      expect(before.clinics).toBe(1);
      const d = spawnSync('pg_dump', ['--format=custom', `--schema=${schema}`, `--file=${dump}`, PG_URL], {
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(d.stderr).toBe('');
      expect(d.status).toBe(0);
      await client.query(`DROP SCHEMA "${schema}" CASCADE`);
      const r = spawnSync('pg_restore', ['--no-owner', `--dbname=${PG_URL}`, dump], {
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(await tableCounts()).toEqual(before);
      const reopened = await openStore(`${PG_URL}?schema=${schema}`);
      try {
        expect(await reopened.pendingMigrations()).toEqual([]);
      } finally {
        await reopened.close();
      }
    } finally {
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    }
  }, 120_000);
});
