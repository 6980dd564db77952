import { computeUnits, lookupCode, UNIT_METHODS, type UnitInputLine, type UnitMethod } from '@unitwise/rules';
import { parseCommandArgs } from '../args.ts';
import type { Command } from '../command.ts';
import { formatUnitsText } from '../format/units-text.ts';
import { UsageError } from '../usage-error.ts';

const HELP = `Usage: unitwise units [--method cms|ama|per-code-15] [--json] CODE=MINUTES ...

Computes the billable units of one visit's services by a payer's unit method and explains each step.

  --method M   cms (Medicare 8-minute rule, pooled; default), ama (per code, midpoint),
               per-code-15 (a unit per full 15 minutes of each code)
  --json       print { method, totalTimedMinutes, totalUnits, lines, explanation }
  -h, --help   show this help

Example: unitwise units 97530=33 97110=10
`;

const OPTIONS = {
  method: { type: 'string', short: 'm', default: 'cms' },
  json: { type: 'boolean', default: false },
} as const;

/**
 * Parses `CODE=MINUTES` arguments into unit input lines, naming the bad argument on error.
 * @param args - positional arguments
 */
export function parseCodeMinutes(args: readonly string[]): UnitInputLine[] {
  if (args.length === 0) throw new UsageError('give at least one CODE=MINUTES, e.g. `unitwise units 97530=33`.');
  return args.map((arg) => {
    const m = /^([A-Za-z0-9]{5})=(\d{1,4})$/.exec(arg);
    if (!m) throw new UsageError(`'${arg}' is not CODE=MINUTES (a 5-character code and whole minutes, e.g. 97530=33).`);
    const code = (m[1] as string).toUpperCase();
    if (!lookupCode(code)) throw new UsageError(`'${code}' is not a code in the catalog.`);
    return { code, minutes: Number(m[2]) };
  });
}

/**
 * Resolves a `--method` value to a unit method.
 * @param value - the flag's value
 */
export function resolveMethod(value: string): UnitMethod {
  const found = UNIT_METHODS.find((m) => m === value);
  if (found) return found;
  throw new UsageError(`unknown --method '${value}'. Use one of: ${UNIT_METHODS.join(', ')}.`);
}

/** `unitwise units`: units per code with the explanation. */
export const command: Command = {
  summary: 'compute units from CODE=MINUTES by a payer method, with the explanation',
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, OPTIONS, 'units');
    if (values.help) {
      io.stdout.write(HELP);
      return 0;
    }
    const method = resolveMethod(values.method);
    const lines = parseCodeMinutes(positionals);
    const result = computeUnits(lines, method);
    if (values.json) {
      const { method: m, totalTimedMinutes, totalUnits, explanation } = result;
      const out = result.lines.map(({ code, minutes, units }) => ({ code, minutes, units }));
      io.stdout.write(
        `${JSON.stringify({ method: m, totalTimedMinutes, totalUnits, lines: out, explanation }, null, 2)}\n`,
      );
    } else {
      io.stdout.write(formatUnitsText(result));
    }
    return 0;
  },
};
