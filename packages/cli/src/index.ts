export type { Command } from './command.ts';
export { COMMANDS } from './commands/index.ts';
export type { CliIO } from './io.ts';
export { processIO } from './io.ts';
export { run } from './run.ts';
export { UsageError } from './usage-error.ts';
