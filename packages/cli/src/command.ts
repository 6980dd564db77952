import type { CliIO } from './io.ts';

/** One `unitwise` sub-command. `run` resolves to the process exit status. */
export interface Command {
  /** One line for `unitwise --help`. */
  summary: string;
  /**
   * Runs the command.
   * @param argv - the arguments after the command name
   * @param io - streams and environment
   */
  run(argv: string[], io: CliIO): Promise<number>;
}
