import {
  computeUnits,
  createPolicyRegistry,
  isIsoDate,
  lookupCode,
  UNIT_METHODS,
  type UnitInputLine,
  type UnitMethod,
  whatIf,
} from '@unitwise/rules';
import { parseCommandArgs } from '../args.ts';
import type { Command } from '../command.ts';
import { formatUnitsText } from '../format/units-text.ts';
import { UsageError } from '../usage-error.ts';

const HELP = `Usage: unitwise units [--method cms|ama|per-code-15|<policy id>] [--json] CODE=MINUTES ...

Computes the billable units of one visit's services by a payer's unit method, explains each step,
and says how many more minutes would earn the next unit.

  --method M   cms (Medicare 8-minute rule, pooled; default), ama (per code, midpoint),
               per-code-15 (a unit per full 15 minutes of each code), or a payer policy id
               (medicare, medicaid, commercial): the method that policy uses on --date
  --date D     date of service for a policy id, YYYY-MM-DD (default: today)
  --json       print { method, totalTimedMinutes, totalUnits, lines, explanation }
  -h, --help   show this help

Examples:
  unitwise units 97530=33 97110=10
  unitwise units --method commercial --json 97530=20 97110=10
`;

const OPTIONS = {
  method: { type: 'string', short: 'm', default: 'cms' },
  json: { type: 'boolean', default: false },
  date: { type: 'string' },
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
 * Resolves a `--method` value to a unit method: a method name, or a built-in policy id on a date.
 * @param value - the flag's value
 * @param date - date of service, for a policy id
 */
export function resolveMethod(value: string, date: string): UnitMethod {
  const found = UNIT_METHODS.find((m) => m === value);
  if (found) return found;
  const registry = createPolicyRegistry();
  if (registry.has(value)) {
    const policy = registry.resolve(value, date);
    if (policy) return policy.unitMethod;
    throw new UsageError(`policy '${value}' has no version in force on ${date}.`);
  }
  throw new UsageError(`unknown --method '${value}'. Use one of: ${[...UNIT_METHODS, ...registry.ids()].join(', ')}.`);
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
    const date = values.date ?? new Date().toISOString().slice(0, 10);
    if (!isIsoDate(date)) throw new UsageError(`--date '${date}' must be a real date written YYYY-MM-DD.`);
    const method = resolveMethod(values.method, date);
    const lines = parseCodeMinutes(positionals);
    const result = computeUnits(lines, method);
    if (values.json) {
      const { method: m, totalTimedMinutes, totalUnits, explanation } = result;
      const out = result.lines.map(({ code, minutes, units }) => ({ code, minutes, units }));
      io.stdout.write(
        `${JSON.stringify({ method: m, totalTimedMinutes, totalUnits, lines: out, explanation }, null, 2)}\n`,
      );
    } else {
      const source = method === values.method ? undefined : `policy ${values.method} on ${date}`;
      io.stdout.write(formatUnitsText(result, whatIf(lines, method), source));
    }
    return 0;
  },
};
