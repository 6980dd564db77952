import { parseCommandArgs } from '../args.ts';
import type { Command } from '../command.ts';

const HELP = `Usage: unitwise audit FILE [--format table|json|html] [--out FILE]
`;

/** `unitwise audit`: audit a case file. */
export const command: Command = {
  summary: 'audit a case file (.json, .jsonl, .csv, - for stdin): units, findings, estimates',
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, { format: { type: 'string' }, out: { type: 'string' } }, 'audit');
    if (values.help) {
      io.stdout.write(HELP);
      return 0;
    }
    io.stderr.write('unitwise audit: not available yet.\n');
    return 2;
  },
};
