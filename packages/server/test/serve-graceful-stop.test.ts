/** A real `unitwise serve` process: public health routes, and SIGTERM finishing the request in flight before exit. */
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type ServeProcess, spawnServe } from './helpers/serve-process.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'unitwise-stop-'));
let proc: ServeProcess | undefined;
afterAll(async () => {
  await proc?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Resolves once the process has printed `text`. */
async function printed(p: ServeProcess, text: string, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!p.output().includes(text)) {
    if (Date.now() > until) throw new Error(`no "${text}" within ${timeoutMs} ms:\n${p.output()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('serve: health and a graceful stop', () => {
  it('answers /health/live and /health/ready without sign-in', async () => {
    proc = spawnServe(['--database-url', `sqlite:${path.join(dir, 'stop.db')}`, '--no-seed']);
    const url = await proc.ready;
    const live = await fetch(`${url}/health/live`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok' });
  }, 120_000);

  it('on SIGTERM stops taking connections, finishes the slow request in flight, then exits 0', async () => {
    if (!proc) throw new Error('the first test starts the server');
    const url = new URL(await proc.ready);
    const body = JSON.stringify({ email: 'nobody@stop.test', password: 'not the password' });
    // A sign-in whose body arrives slowly: the request is in flight when the signal comes.
    const req = http.request({
      host: url.hostname,
      port: url.port,
      method: 'POST',
      path: '/api/v1/session',
      headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
    });
    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      req.on('response', (res) => {
        let text = '';
        res.on('data', (d: Buffer) => {
          text += d.toString();
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', reject);
    });
    req.write(body.slice(0, 12));
    req.flushHeaders();
    await new Promise((r) => setTimeout(r, 500));
    proc.child.kill('SIGTERM');
    await printed(proc, 'Received SIGTERM');
    // Give the server a moment to close its listening socket, then a new connection must be refused.
    await new Promise((r) => setTimeout(r, 300));
    await expect(fetch(`${url.origin}/health/live`)).rejects.toThrow();
    expect(proc.child.exitCode).toBeNull();
    req.end(body.slice(12));
    const res = await response;
    // The unknown account's answer, complete: the request was handled, not cut off.
    expect(res.status).toBe(401);
    expect(JSON.parse(res.text)).toMatchObject({ status: 401 });
    expect(await proc.exited).toBe(0);
  }, 120_000);
});
