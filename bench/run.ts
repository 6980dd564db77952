/**
 * `npm run bench`: runs every `bench/*.bench.ts` in name order, each in its own Node process (so one
 * benchmark's heap and JIT state cannot colour the next), and says which failed. Each prints its own figures.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const failed: string[] = [];
for (const file of files) {
  process.stdout.write(`\n=== ${file} ===\n`);
  // A large old space: the audit bench keeps a million visits' JSON text in memory on purpose.
  const r = spawnSync(process.execPath, ['--max-old-space-size=8192', '--import', 'tsx', join(here, file)], {
    stdio: 'inherit',
    env: process.env,
  });
  if (r.status !== 0) failed.push(`${file} (exit ${r.status ?? r.signal})`);
}
process.stdout.write(
  `\n${files.length - failed.length} of ${files.length} benchmarks finished${failed.length ? `; failed: ${failed.join(', ')}` : ''}.\n`,
);
process.exitCode = failed.length ? 1 : 0;
