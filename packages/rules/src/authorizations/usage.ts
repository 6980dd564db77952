import type { Discipline, IsoDate } from '../types.ts';
import type { Authorization, AuthorizationUsedBefore, CountedVisit } from './types.ts';

/** How much one visit drew on an authorization. */
export interface VisitDraw {
  visitId: string;
  date: IsoDate;
  /** 1 when the visit counts as a visit (any covered code), else 0: a visit counts once however many codes it has. */
  visits: 0 | 1;
  /** Units of the covered codes. */
  units: number;
}

/** An authorization's use over the visits given, in date order. */
export interface AuthorizationUsage {
  authorizationId: string;
  visitsUsed: number;
  unitsUsed: number;
  /** Authorized minus used, never below zero; undefined when the authorization does not limit visits. */
  visitsLeft?: number;
  /** Authorized minus used, never below zero; undefined when the authorization does not limit units. */
  unitsLeft?: number;
  /** The visits that drew on it, in date order (ties by id). */
  draws: VisitDraw[];
  /** Visits that went past the authorized visits or units, in date order. */
  exceededBy: string[];
}

/**
 * Whether an authorization covers a date, discipline and code.
 * @param auth - the authorization
 * @param date - the date of service
 * @param discipline - the visit's discipline
 * @param code - the service's code
 */
export function authorizationCovers(auth: Authorization, date: IsoDate, discipline: Discipline, code: string): boolean {
  if (date < auth.startDate || date > auth.endDate) return false;
  if (auth.discipline !== undefined && auth.discipline !== discipline) return false;
  return auth.codes === undefined || auth.codes.length === 0 || auth.codes.includes(code);
}

/**
 * Counts an authorization's use: visits in date order, each visit id once, units of covered codes only.
 * @param auth - the authorization
 * @param visits - countable visits (signed, not on a voided claim), in any order
 * @param before - what it had used before these visits
 */
export function authorizationUsage(
  auth: Authorization,
  visits: ReadonlyArray<CountedVisit>,
  before: AuthorizationUsedBefore = {},
): AuthorizationUsage {
  // Sorted by date then id so that the input's order never changes which visit is the one that exceeded.
  const ordered = [...visits].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
  const seen = new Set<string>();
  let visitsUsed = Math.max(0, before.visits ?? 0);
  let unitsUsed = Math.max(0, before.units ?? 0);
  const draws: VisitDraw[] = [];
  const exceededBy: string[] = [];
  for (const v of ordered) {
    if (seen.has(v.id)) continue;
    seen.add(v.id);
    let units = 0;
    let covered = false;
    for (const s of v.services) {
      if (!authorizationCovers(auth, v.date, v.discipline, s.code)) continue;
      covered = true;
      units += Math.max(0, s.units);
    }
    if (!covered) continue;
    visitsUsed += 1;
    unitsUsed += units;
    draws.push({ visitId: v.id, date: v.date, visits: 1, units });
    const overVisits = auth.visits !== undefined && visitsUsed > auth.visits;
    const overUnits = auth.units !== undefined && unitsUsed > auth.units;
    if (overVisits || overUnits) exceededBy.push(v.id);
  }
  return {
    authorizationId: auth.id,
    visitsUsed,
    unitsUsed,
    ...(auth.visits !== undefined ? { visitsLeft: Math.max(0, auth.visits - visitsUsed) } : {}),
    ...(auth.units !== undefined ? { unitsLeft: Math.max(0, auth.units - unitsUsed) } : {}),
    draws,
    exceededBy,
  };
}

/**
 * The authorizations that cover a date, discipline and code, the one ending first first (it is drawn on first).
 * @param auths - the coverage's authorizations
 * @param date - the date of service
 * @param discipline - the visit's discipline
 * @param code - the service's code
 */
export function coveringAuthorizations(
  auths: ReadonlyArray<Authorization>,
  date: IsoDate,
  discipline: Discipline,
  code: string,
): Authorization[] {
  return auths
    .filter((a) => authorizationCovers(a, date, discipline, code))
    .sort((a, b) => (a.endDate < b.endDate ? -1 : a.endDate > b.endDate ? 1 : a.id < b.id ? -1 : 1));
}
