import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from './usage-error.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses a command's arguments strictly: an unknown flag or a missing value is a `UsageError` (exit 2)
 * whose message names the flag, instead of node's TypeError.
 * @param argv - the arguments after the command name
 * @param options - the command's flags (node:util parseArgs form); `help` is added
 * @param command - the command name, for the error hint
 */
export function parseCommandArgs<O extends Options>(argv: string[], options: O, command: string) {
  try {
    return parseArgs({
      args: argv,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    // parseArgs throws TypeError with an ERR_PARSE_ARGS_* code for user mistakes; anything else is ours.
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      throw new UsageError(`${(err as Error).message.split('. To specify')[0]}. Run \`unitwise ${command} --help\`.`);
    }
    throw err;
  }
}
