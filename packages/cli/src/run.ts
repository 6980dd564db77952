import type { Command } from './command.ts';
import { COMMANDS } from './commands/index.ts';
import type { CliIO } from './io.ts';
import { UsageError } from './usage-error.ts';
import { VERSION } from './version.ts';

function mainHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return [
    'unitwise: units, checks and pricing for outpatient therapy billing (PT, OT, SLP).',
    '',
    'Usage: unitwise <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Options:',
    '  -h, --help     show this help (or `unitwise <command> --help`)',
    '  -v, --version  print the version',
    '',
  ].join('\n');
}

/**
 * Runs the command line and resolves to the exit status. Bad arguments print a one-line message (exit 2);
 * an unexpected failure prints a short message, and the stack only when `UNITWISE_DEBUG` is set.
 * @param argv - arguments after `unitwise`
 * @param io - streams and environment
 * @example
 * process.exitCode = await run(['units', '97530=33'], processIO());
 */
export async function run(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    io[name === undefined ? 'stderr' : 'stdout'].write(mainHelp());
    return name === undefined ? 2 : 0;
  }
  if (name === '-v' || name === '--version' || name === 'version') {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const command: Command | undefined = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.stderr.write(`unitwise: unknown command '${name}'. Commands: ${Object.keys(COMMANDS).join(', ')}.\n`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`unitwise ${name}: ${err.message}\n`);
      return err.exitCode;
    }
    const message = err instanceof Error ? err.message : String(err);
    io.stderr.write(`unitwise ${name}: internal error: ${message}\n`);
    if (io.env.UNITWISE_DEBUG && err instanceof Error && err.stack) io.stderr.write(`${err.stack}\n`);
    return 3;
  }
}
