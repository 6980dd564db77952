import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './paths.ts';

const WEB = path.join(REPO_ROOT, 'packages/web');

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/**
 * Builds the web app when dist is missing or older than its sources, so the server serves what the test drives.
 * @returns whether a build ran
 */
export function ensureWebBuilt(): boolean {
  const index = path.join(WEB, 'dist/index.html');
  const sources = Math.max(newest(path.join(WEB, 'src')), statSync(path.join(WEB, 'index.html')).mtimeMs);
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return false;
  execFileSync('npm', ['run', 'build', '-w', '@unitwise/web'], { cwd: REPO_ROOT, stdio: 'pipe' });
  return true;
}
