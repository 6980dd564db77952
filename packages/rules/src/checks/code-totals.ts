import type { Service, UnitLine } from '../types.ts';
import type { CheckContext } from './context.ts';

/** One code's totals on a visit. */
export interface CodeTotals {
  code: string;
  /** Sum of the code's minutes (missing minutes count 0). */
  minutes: number;
  /** Units the engine gives the code. */
  engineUnits: number;
  /** Units billed: the claimed units where given, else the engine's share. */
  billedUnits: number;
  /** Whether any service of the code claims units. */
  claimed: boolean;
  /** Whether every service of the code claims exactly 0 units (documented, not billed). */
  allClaimedZero: boolean;
  /** First service of the code, and first one with claimed units (or -1). */
  first: number;
  firstClaimed: number;
  timed: boolean;
  /** The engine's line for the code. */
  line: UnitLine | undefined;
}

// Reused between calls: checks run one at a time and read the totals before the next call.
const scratch: CodeTotals = {
  code: '',
  minutes: 0,
  engineUnits: 0,
  billedUnits: 0,
  claimed: false,
  allClaimedZero: false,
  first: -1,
  firstClaimed: -1,
  timed: false,
  line: undefined,
};

/**
 * Totals of the code of service `i`, or undefined when service `i` is not the first of its code (so a
 * caller looping over services sees each code once). The result is reused by the next call.
 * @param ctx - the check context
 * @param i - a service index
 */
export function codeTotalsAt(ctx: CheckContext, i: number): CodeTotals | undefined {
  const services = ctx.visit.services;
  const code = (services[i] as Service).code;
  for (let j = 0; j < i; j++) if ((services[j] as Service).code === code) return undefined;
  let line: UnitLine | undefined;
  for (const l of ctx.units.lines) {
    if (l.code === code) {
      line = l;
      break;
    }
  }
  const t = scratch;
  t.code = code;
  t.minutes = 0;
  t.billedUnits = 0;
  t.claimed = false;
  t.allClaimedZero = true;
  t.first = i;
  t.firstClaimed = -1;
  t.line = line;
  t.engineUnits = line?.units ?? 0;
  t.timed = line?.timed ?? false;
  for (let j = i; j < services.length; j++) {
    const s = services[j] as Service;
    if (s.code !== code) continue;
    t.minutes += s.minutes !== undefined && s.minutes > 0 ? s.minutes : 0;
    if (s.units !== undefined) {
      t.claimed = true;
      if (t.firstClaimed < 0) t.firstClaimed = j;
      if (s.units !== 0) t.allClaimedZero = false;
      t.billedUnits += s.units;
    } else {
      t.allClaimedZero = false;
      t.billedUnits += ctx.serviceUnits[j] ?? 0;
    }
  }
  return t;
}

/**
 * Fewest minutes of one code that earn a unit on its own under a method: 8 (CMS table, AMA midpoint) or
 * 15 (a unit per full 15 minutes).
 * @param method - the unit method
 */
export function minutesForOneUnit(method: string): number {
  return method === 'per-code-15' ? 15 : 8;
}

/**
 * Whether a timed code's minutes earn it no unit at all (below-minimum-minutes owns that case): the engine
 * gives it none and its own minutes are under the method's minimum.
 * @param t - the code's totals
 * @param method - the unit method
 */
export function belowMinimum(t: CodeTotals, method: string): boolean {
  return t.timed && t.engineUnits === 0 && t.minutes < minutesForOneUnit(method);
}
