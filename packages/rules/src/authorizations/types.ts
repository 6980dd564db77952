/**
 * Prior authorizations and yearly visit limits (issue 11): what a payer allows before it pays therapy.
 */
import type { Discipline, IsoDate } from '../types.ts';

/** A payer's prior authorization on a coverage: visits or units or both, for some codes, between two dates. */
export interface Authorization {
  id: string;
  /** The payer's authorization number (837P REF*G1). */
  number: string;
  /** First covered date, `YYYY-MM-DD`. */
  startDate: IsoDate;
  /** Last covered date, `YYYY-MM-DD`. */
  endDate: IsoDate;
  /** Visits authorized; absent: not limited by visits. */
  visits?: number;
  /** Units authorized (of the covered codes); absent: not limited by units. */
  units?: number;
  /** CPT/HCPCS codes covered; absent or empty: every code. */
  codes?: string[];
  /** The discipline covered; absent: every discipline. */
  discipline?: Discipline;
}

/** What an authorization had used before the visits given (case file `history.authorizationUsed`). */
export interface AuthorizationUsedBefore {
  visits?: number;
  units?: number;
}

/**
 * One countable visit: signed, and not on a voided claim (a voided claim gives its visit back). The caller filters;
 * `authorizationUsage` only decides which authorization a visit draws on.
 */
export interface CountedVisit {
  id: string;
  date: IsoDate;
  discipline: Discipline;
  services: ReadonlyArray<{ code: string; units: number }>;
}
