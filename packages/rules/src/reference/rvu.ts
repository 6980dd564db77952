import data from '../../data/rvu.json' with { type: 'json' };
import type { IsoDate } from '../types.ts';

/** RVUs of a code (national, non-facility). */
export interface Rvu {
  work: number;
  pe: number;
  mp: number;
  total: number;
  /** The RVU file's year, which may differ from the date's year when only another year is held. */
  year: number;
  /** False when the split is not from a primary source (data/rvu.json note). */
  confirmed: boolean;
  source: string;
}

/** The same RVUs in integer hundredths, for exact pricing arithmetic. */
export interface RvuHundredths {
  work: number;
  pe: number;
  mp: number;
  year: number;
  confirmed: boolean;
  source: string;
}

const BY_CODE = new Map<string, Rvu>();
const HUNDREDTHS = new Map<string, RvuHundredths>();
for (const [code, r] of Object.entries(data.codes)) {
  const source = `data/rvu.json ${data.year}${data.confirmed ? '' : ' (split UNCONFIRMED)'}: ${data.source}`;
  BY_CODE.set(code, { ...r, year: data.year, confirmed: data.confirmed, source });
  HUNDREDTHS.set(code, {
    work: Math.round(r.work * 100),
    pe: Math.round(r.pe * 100),
    mp: Math.round(r.mp * 100),
    year: data.year,
    confirmed: data.confirmed,
    source,
  });
}

/**
 * The RVUs of a code. Only one year's file is held (data/rvu.json); it answers every date, and `year`
 * says which file answered.
 * @param code - CPT/HCPCS code
 * @param _date - date of service (kept so yearly files can be added without changing callers)
 * @returns the RVUs, or undefined when none are held for the code
 */
export function rvuFor(code: string, _date: IsoDate): Rvu | undefined {
  return BY_CODE.get(code);
}

/**
 * The RVUs of a code in integer hundredths (1.05 is 105), for pricing.
 * @param code - CPT/HCPCS code
 * @param _date - date of service
 */
export function rvuHundredthsFor(code: string, _date: IsoDate): RvuHundredths | undefined {
  return HUNDREDTHS.get(code);
}
