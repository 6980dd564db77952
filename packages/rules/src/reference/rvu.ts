import data from '../../data/rvu.json' with { type: 'json' };
import type { IsoDate } from '../types.ts';

/** PFS status indicator of a code: A priced, B bundled (no separate payment), I not valid for Medicare. */
export type PfsStatus = 'A' | 'B' | 'I';

/** RVUs of a code (national, non-facility). */
export interface Rvu {
  work: number;
  pe: number;
  mp: number;
  total: number;
  /** PFS status: only A is paid separately. */
  status: PfsStatus;
  /** Why a code with status B or I is not paid, in plain words. */
  statusNote?: string;
  /** The RVU file's year, which may differ from the date's year when only another year is held. */
  year: number;
  /** False when the values are not from a primary source (data/rvu.json note). */
  confirmed: boolean;
  source: string;
}

/** The same RVUs in integer hundredths, for exact pricing arithmetic. */
export interface RvuHundredths {
  work: number;
  pe: number;
  mp: number;
  status: PfsStatus;
  statusNote?: string;
  year: number;
  confirmed: boolean;
  source: string;
}

interface YearTables {
  year: number;
  rvu: Map<string, Rvu>;
  hundredths: Map<string, RvuHundredths>;
}

interface RawRvu {
  work: number;
  pe: number;
  mp: number;
  total: number;
  status: string;
  statusNote?: string;
  confirmed: boolean;
  source: string;
}

const YEARS: YearTables[] = [];
for (const [y, table] of Object.entries(data.years as Record<string, { codes: Record<string, RawRvu> }>)) {
  const year = Number(y);
  const rvu = new Map<string, Rvu>();
  const hundredths = new Map<string, RvuHundredths>();
  for (const [code, r] of Object.entries(table.codes)) {
    const status = (r.status === 'B' || r.status === 'I' ? r.status : 'A') as PfsStatus;
    const source = `data/rvu.json ${year}${r.confirmed ? '' : ' (UNCONFIRMED)'}: ${r.source}`;
    const note = r.statusNote === undefined ? {} : { statusNote: r.statusNote };
    rvu.set(code, {
      work: r.work,
      pe: r.pe,
      mp: r.mp,
      total: r.total,
      status,
      ...note,
      year,
      confirmed: r.confirmed,
      source,
    });
    hundredths.set(code, {
      work: Math.round(r.work * 100),
      pe: Math.round(r.pe * 100),
      mp: Math.round(r.mp * 100),
      status,
      ...note,
      year,
      confirmed: r.confirmed,
      source,
    });
  }
  YEARS.push({ year, rvu, hundredths });
}
YEARS.sort((a, b) => a.year - b.year);

// Dates of service are YYYY-MM-DD: the year is the first four digits. The latest year held at or before it
// answers; a date before every year held takes the earliest.
let lastYearKey = -1;
let lastTables: YearTables | undefined;
function tablesFor(date: IsoDate): YearTables | undefined {
  const year =
    (date.charCodeAt(0) - 48) * 1000 +
    (date.charCodeAt(1) - 48) * 100 +
    (date.charCodeAt(2) - 48) * 10 +
    (date.charCodeAt(3) - 48);
  if (year === lastYearKey) return lastTables;
  let found = YEARS[0];
  for (const t of YEARS) if (t.year <= year) found = t;
  lastYearKey = year;
  lastTables = found;
  return found;
}

/**
 * The RVUs of a code for a date of service: the year's file (data/rvu.json holds 2025 and 2026), or the nearest
 * year held; `year` says which file answered.
 * @param code - CPT/HCPCS code
 * @param date - date of service
 * @returns the RVUs, or undefined when none are held for the code
 */
export function rvuFor(code: string, date: IsoDate): Rvu | undefined {
  return tablesFor(date)?.rvu.get(code);
}

/**
 * The RVUs of a code in integer hundredths (1.05 is 105), for pricing.
 * @param code - CPT/HCPCS code
 * @param date - date of service
 */
export function rvuHundredthsFor(code: string, date: IsoDate): RvuHundredths | undefined {
  return tablesFor(date)?.hundredths.get(code);
}
