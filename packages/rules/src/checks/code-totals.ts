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

/**
 * Totals per distinct code of the visit, in first-seen order; computed once per visit and kept on the
 * context (the unit checks and the MUE check all read them).
 * @param ctx - the check context
 */
export function codeTotals(ctx: CheckContext): readonly CodeTotals[] {
  if (ctx.codeTotals) return ctx.codeTotals;
  const out: CodeTotals[] = [];
  const services = ctx.visit.services;
  for (let i = 0; i < services.length; i++) {
    const s = services[i] as Service;
    let t: CodeTotals | undefined;
    for (const x of out) {
      if (x.code === s.code) {
        t = x;
        break;
      }
    }
    if (!t) {
      let line: UnitLine | undefined;
      for (const l of ctx.units.lines) {
        if (l.code === s.code) {
          line = l;
          break;
        }
      }
      t = {
        code: s.code,
        minutes: 0,
        engineUnits: line?.units ?? 0,
        billedUnits: 0,
        claimed: false,
        allClaimedZero: true,
        first: i,
        firstClaimed: -1,
        timed: line?.timed ?? false,
        line,
      };
      out.push(t);
    }
    t.minutes += s.minutes !== undefined && s.minutes > 0 ? s.minutes : 0;
    if (s.units !== undefined) {
      t.claimed = true;
      if (t.firstClaimed < 0) t.firstClaimed = i;
      if (s.units !== 0) t.allClaimedZero = false;
      t.billedUnits += s.units;
    } else {
      t.allClaimedZero = false;
      t.billedUnits += ctx.serviceUnits[i] ?? 0;
    }
  }
  ctx.codeTotals = out;
  return out;
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
