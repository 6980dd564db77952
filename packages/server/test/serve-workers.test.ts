/** `unitwise serve --workers N` as real processes: N workers on one port over PostgreSQL; refused on SQLite. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { engineTargets } from './helpers/engines.ts';
import { freshPgSchema, type ServeProcess, spawnServe } from './helpers/serve-process.ts';

const pgTarget = (await engineTargets()).find((t) => t.name === 'postgres');
const started: ServeProcess[] = [];
afterAll(async () => {
  await Promise.all(started.map((p) => p.stop()));
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(check: () => boolean, what: string, timeoutMs = 90_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(pgTarget?.skip !== undefined)('serve --workers 2 on PostgreSQL', () => {
  it('runs two worker processes on one port, and SIGTERM to the primary stops them all', async () => {
    const schema = freshPgSchema();
    try {
      const p = spawnServe(['--database-url', schema.url, '--workers', '2']);
      started.push(p);
      const url = await p.ready;
      await until(() => (p.output().match(/listening on/g) ?? []).length === 2, 'both workers to listen');
      const pids = [...p.output().matchAll(/Worker (\d+) started/g)].map((m) => Number(m[1]));
      expect(pids).toHaveLength(2);
      expect(new Set(pids).size).toBe(2);
      for (let i = 0; i < 10; i++) expect((await fetch(`${url}/health/ready`)).status).toBe(200);
      // Both workers share one seeded clinic.
      const clinics = await schema.query<{ n: string }>('SELECT count(*) AS n FROM clinics');
      expect(Number(clinics[0]?.n)).toBe(1);
      expect(await p.stop()).toBe(0);
      for (const pid of pids) expect(alive(pid)).toBe(false);
    } finally {
      await schema.drop();
    }
  }, 240_000);
});

describe('serve --workers 2 on SQLite', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'unitwise-workers-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is refused with a message naming PostgreSQL', async () => {
    const p = spawnServe(['--database-url', `sqlite:${path.join(dir, 'w.db')}`, '--workers', '2']);
    started.push(p);
    expect(await p.exited).toBe(2);
    expect(p.output()).toContain('--workers needs PostgreSQL: SQLite supports one server process per file');
  }, 120_000);
});
