import data from '../../data/mue.json' with { type: 'json' };
import type { IsoDate } from '../types.ts';

/** A medically unlikely edit: the most units of a code on one date of service. */
export interface Mue {
  units: number;
  /** MUE adjudication indicator: 1 line edit, 2 absolute date-of-service limit, 3 clinical date-of-service limit. */
  mai: 1 | 2 | 3;
  source: string;
}

interface Quarter {
  effective: IsoDate;
  byCode: Map<string, Mue>;
}

function toMai(n: number): 1 | 2 | 3 {
  return n === 1 ? 1 : n === 2 ? 2 : 3;
}

// Quarters ascending by effective date; each a precomputed Map so a lookup allocates nothing.
const QUARTERS: Quarter[] = data.quarters
  .map((q) => {
    const byCode = new Map<string, Mue>();
    for (const r of q.rows) {
      byCode.set(r.code, { units: r.units, mai: toMai(r.mai), source: `data/mue.json ${q.quarter}: ${q.source}` });
    }
    return { effective: q.effective, byCode };
  })
  .sort((a, b) => (a.effective < b.effective ? -1 : 1));

/**
 * The practitioner MUE of a code on a date: the latest quarter in force on that date; dates before the
 * earliest quarter held use that quarter (data/mue.json note). rules.md §2.4.
 * @param code - CPT/HCPCS code
 * @param date - date of service, `YYYY-MM-DD`
 * @returns the edit, or undefined when the data holds none for the code
 */
export function mueFor(code: string, date: IsoDate): Mue | undefined {
  let q = QUARTERS[0];
  for (let i = 1; i < QUARTERS.length; i++) {
    const next = QUARTERS[i] as Quarter;
    if (next.effective <= date) q = next;
    else break;
  }
  return q?.byCode.get(code);
}
