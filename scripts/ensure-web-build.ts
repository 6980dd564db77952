/**
 * Builds the web app when its build is missing or older than its sources, so `npm start` on a fresh clone
 * serves the UI without a separate build step, and later starts skip the build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const web = path.join(root, 'packages/web');
const marker = path.join(web, 'dist/index.html');

/** Newest modification time under a folder (sources of the web app and the rules it bundles). */
function newest(dir: string): number {
  let max = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) max = Math.max(max, newest(p));
    else max = Math.max(max, statSync(p).mtimeMs);
  }
  return max;
}

if (!existsSync(path.join(web, 'index.html'))) process.exit(0);
const built = existsSync(marker) ? statSync(marker).mtimeMs : 0;
const sources = Math.max(newest(path.join(web, 'src')), newest(path.join(root, 'packages/rules/src')));
if (built >= sources) process.exit(0);
process.stderr.write('Building the web app (first start or changed sources)…\n');
const r = spawnSync('npm', ['run', 'build', '-w', '@unitwise/web'], {
  cwd: root,
  stdio: ['ignore', 'inherit', 'inherit'],
});
process.exit(r.status ?? 1);
