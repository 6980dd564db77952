// Entry point: `node --import tsx packages/cli/src/main.ts <command> ...` (or bin/unitwise.js).
import { processIO } from './io.ts';
import { run } from './run.ts';

// A reader that stops early (`unitwise audit big.jsonl --format json | head`) is not an error of ours.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

process.exitCode = await run(process.argv.slice(2), processIO());
