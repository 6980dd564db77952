import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { PG_URL } from './engines.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const mainTs = resolve(repoRoot, 'packages/cli/src/main.ts');

/** A real `unitwise serve` child process on 127.0.0.1 and a port the OS picks. */
export interface ServeProcess {
  child: ChildProcess;
  /** Resolves with the base URL once the banner says it listens; rejects if it exits first. */
  ready: Promise<string>;
  /** Resolves with the exit code (or null when killed by a signal). */
  exited: Promise<number | null>;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves with the exit code. */
  stop(graceMs?: number): Promise<number | null>;
}

/**
 * Spawns `unitwise serve --port 0 --host 127.0.0.1` with the given arguments, as a user would.
 * @param args - more arguments (`--database-url`, `--no-seed`, ...)
 * @param env - extra environment variables
 * @param timeoutMs - `ready` rejects after this long (tsx start-up on a loaded machine takes seconds)
 */
export function spawnServe(args: string[], env: Record<string, string> = {}, timeoutMs = 90_000): ServeProcess {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', mainTs, 'serve', '--port', '0', '--host', '127.0.0.1', ...args],
    { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const ready = new Promise<string>((resolveReady, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner within ${timeoutMs} ms:\n${out}`)), timeoutMs);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolveReady(m[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code} before listening:\n${out}`));
    });
  });
  // A test that expects a refusal awaits `exited` instead; keep the rejection from going unhandled.
  ready.catch(() => undefined);
  return {
    child,
    ready,
    exited,
    output: () => out,
    async stop(graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** A fresh PostgreSQL schema's URL, and a way to query it and to drop it. */
export interface PgSchema {
  url: string;
  query<T extends pg.QueryResultRow>(text: string): Promise<T[]>;
  drop(): Promise<void>;
}

/** A schema of its own in the test database (created by the first server that opens it). */
export function freshPgSchema(): PgSchema {
  const schema = `uw_scale_${randomBytes(6).toString('hex')}`;
  const url = new URL(PG_URL);
  url.searchParams.set('schema', schema);
  const run = async <T extends pg.QueryResultRow>(text: string): Promise<T[]> => {
    const c = new pg.Client({ connectionString: PG_URL, options: `-c search_path=${schema}` });
    await c.connect();
    try {
      return (await c.query<T>(text)).rows;
    } finally {
      await c.end();
    }
  };
  return {
    url: url.toString(),
    query: run,
    drop: async () => {
      await run(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    },
  };
}
