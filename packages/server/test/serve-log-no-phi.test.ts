/**
 * The log of a real `unitwise serve` over an API run on the demo clinic: JSON lines, each with a request id, the
 * completed ones with status and time, and none with a patient's name or note text.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, GOALS, RESPONSES } from '../src/seed/demo-data.ts';
import { type ServeProcess, spawnServe } from './helpers/serve-process.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'unitwise-log-'));
let proc: ServeProcess | undefined;
afterAll(async () => {
  await proc?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('serve: the request log', () => {
  it('has a request id, status and time on its lines, and no patient names or note text', async () => {
    proc = spawnServe(['--database-url', `sqlite:${path.join(dir, 'log.db')}`]);
    const url = await proc.ready;
    const signIn = await fetch(`${url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'proxy-id-42' },
      body: JSON.stringify({ email: 'pt@demo.unitwise.test', password: DEMO_PASSWORD }),
    });
    expect(signIn.status).toBe(200);
    expect(signIn.headers.get('x-request-id')).toBe('proxy-id-42');
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const get = async (p: string) => {
      const res = await fetch(`${url}${p}`, { headers: { cookie } });
      expect(res.status, p).toBe(200);
      return res.json() as Promise<Record<string, unknown>>;
    };
    type Row = Record<string, string>;
    const patients = ((await get('/api/v1/patients?limit=100')).items ?? []) as Row[];
    expect(patients.length).toBe(20);
    const names = new Set<string>();
    for (const p of patients) {
      names.add(String(p.firstName));
      names.add(String(p.lastName));
    }
    const first = patients[0] as Row;
    // A name in a query string, a patient, visits and their content: the log must carry none of it.
    await get(`/api/v1/patients?q=${encodeURIComponent(String(first.lastName))}`);
    await get(`/api/v1/patients/${first.id}`);
    const visits = ((await get(`/api/v1/visits?patientId=${first.id}&limit=50`)).items ?? []) as Row[];
    for (const v of visits.slice(0, 5)) await get(`/api/v1/visits/${v.id}`);
    // A failed sign-in and an unknown route: errors are logged too, still without names.
    await fetch(`${url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `${first.lastName}@nowhere.test`, password: 'wrong password' }),
    });
    expect(await proc.stop()).toBe(0);

    const log = proc.output();
    const lines = log.split('\n').filter((l) => l.startsWith('{'));
    expect(lines.length).toBeGreaterThan(20);
    const entries = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const perRequest = entries.filter((e) => e.req !== undefined || e.res !== undefined);
    for (const e of perRequest) expect(typeof e.reqId).toBe('string');
    const completed = entries.filter((e) => e.msg === 'request completed');
    expect(completed.length).toBeGreaterThan(10);
    for (const e of completed) {
      expect(typeof (e.res as { statusCode?: unknown }).statusCode).toBe('number');
      expect(typeof e.responseTime).toBe('number');
    }
    expect(completed.some((e) => e.reqId === 'proxy-id-42')).toBe(true);
    expect(names.size).toBeGreaterThan(10);
    for (const name of names) expect(log, `patient name ${name} in the log`).not.toContain(name);
    for (const text of [...RESPONSES, ...Object.values(GOALS).flat()]) expect(log).not.toContain(text.slice(0, 30));
    expect(log).not.toContain('wrong password');
    expect(log).not.toContain('@nowhere.test');
  }, 180_000);
});
