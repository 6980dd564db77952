import type { Command } from '../command.ts';

/**
 * A placeholder command for a part still being built: it says so and exits 2.
 * @param name - the command name
 * @param summary - its one-line summary
 */
export function notYet(name: string, summary: string): Command {
  return {
    summary,
    async run(_argv, io) {
      io.stderr.write(`unitwise ${name}: not available yet.\n`);
      return 2;
    },
  };
}
