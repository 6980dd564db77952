import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './paths.ts';

const WEB = path.join(REPO_ROOT, 'packages/web');
// In the temp folder, so a lock left by a killed run never shows up in the working tree.
const LOCK = path.join(tmpdir(), `unitwise-web-build-${Buffer.from(REPO_ROOT).toString('hex').slice(-24)}.lock`);
/** A lock older than this belongs to a build that died; builds take seconds. */
const STALE_LOCK_MS = 120_000;

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

function fresh(): boolean {
  const index = path.join(WEB, 'dist/index.html');
  const sources = Math.max(newest(path.join(WEB, 'src')), statSync(path.join(WEB, 'index.html')).mtimeMs);
  return existsSync(index) && statSync(index).mtimeMs >= sources;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Builds the web app when dist is missing or older than its sources, so the server serves what the test drives.
 * Browser test files run in parallel processes: a lock file makes one build while the others wait for it.
 * @returns whether this call ran a build
 */
export function ensureWebBuilt(): boolean {
  if (fresh()) return false;
  for (;;) {
    try {
      closeSync(openSync(LOCK, 'wx'));
      break;
    } catch {
      const since = statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - since > STALE_LOCK_MS) rmSync(LOCK, { force: true });
      sleep(250);
    }
  }
  try {
    if (fresh()) return false;
    execFileSync('npm', ['run', 'build', '-w', '@unitwise/web'], { cwd: REPO_ROOT, stdio: 'pipe' });
    return true;
  } finally {
    rmSync(LOCK, { force: true });
  }
}
