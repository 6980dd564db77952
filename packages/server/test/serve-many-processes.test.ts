/**
 * Real `unitwise serve` processes: several start at once on one fresh PostgreSQL schema (migrate and seed once, all
 * serve); on SQLite a second process on the same file is refused with a clear message.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/seed/demo-data.ts';
import { engineTargets } from './helpers/engines.ts';
import { freshPgSchema, type ServeProcess, spawnServe } from './helpers/serve-process.ts';

const pgTarget = (await engineTargets()).find((t) => t.name === 'postgres');
const started: ServeProcess[] = [];
afterAll(async () => {
  await Promise.all(started.map((p) => p.stop()));
});

function serve(args: string[]): ServeProcess {
  const p = spawnServe(args);
  started.push(p);
  return p;
}

async function signIn(url: string): Promise<number> {
  const res = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'owner@demo.unitwise.test', password: DEMO_PASSWORD }),
  });
  return res.status;
}

describe.skipIf(pgTarget?.skip !== undefined)('three processes at once on one PostgreSQL', () => {
  it('all serve, migrations and the demo seed ran once', async () => {
    const schema = freshPgSchema();
    try {
      const procs = [0, 1, 2].map(() => serve(['--database-url', schema.url]));
      const urls = await Promise.all(procs.map((p) => p.ready));
      for (const p of procs) expect(p.output()).not.toContain('error');
      for (const url of urls) {
        expect((await fetch(`${url}/health/ready`)).status).toBe(200);
        expect(await signIn(url)).toBe(200);
      }
      const clinics = await schema.query<{ n: string }>('SELECT count(*) AS n FROM clinics');
      expect(Number(clinics[0]?.n)).toBe(1);
      const patients = await schema.query<{ n: string }>('SELECT count(*) AS n FROM patients');
      expect(Number(patients[0]?.n)).toBe(20);
      // Exactly one of them seeded; the others found the clinic there.
      expect(procs.filter((p) => p.output().includes('Seeded the demo clinic')).length).toBe(1);
      const migrations = await schema.query<{ n: string }>(
        'SELECT count(*) AS n FROM kysely_migration GROUP BY name HAVING count(*) > 1',
      );
      expect(migrations).toEqual([]);
      for (const p of procs) expect(await p.stop()).toBe(0);
    } finally {
      await schema.drop();
    }
  }, 240_000);
});

describe('a second process on one SQLite file', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'unitwise-scale-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const databaseUrl = `sqlite:${path.join(dir, 'one.db')}`;

  it('is refused at start with a clear message while the first keeps serving; the file frees on exit and on kill -9', async () => {
    const first = serve(['--database-url', databaseUrl, '--no-seed']);
    const url = await first.ready;
    const second = serve(['--database-url', databaseUrl, '--no-seed']);
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/another Unitwise server is already running on .*one\.db/);
    expect(second.output()).toMatch(/one server process per file/);
    expect(second.output()).not.toContain('internal error');
    expect((await fetch(`${url}/health/ready`)).status).toBe(200);
    expect(await first.stop()).toBe(0);
    // Stopped cleanly: the next one starts.
    const third = serve(['--database-url', databaseUrl, '--no-seed']);
    await third.ready;
    // Killed outright: the OS drops SQLite's lock with the process, so no stale lock blocks the next start.
    third.child.kill('SIGKILL');
    await third.exited;
    const fourth = serve(['--database-url', databaseUrl, '--no-seed']);
    await fourth.ready;
    expect(await fourth.stop()).toBe(0);
  }, 240_000);
});
