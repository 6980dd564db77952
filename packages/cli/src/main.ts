// Entry point: `node --import tsx packages/cli/src/main.ts <command> ...` (or bin/unitwise.js).
import { processIO } from './io.ts';
import { run } from './run.ts';

process.exitCode = await run(process.argv.slice(2), processIO());
