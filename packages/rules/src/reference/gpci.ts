import data from '../../data/gpci.json' with { type: 'json' };
import type { Gpci } from '../pricing/types.ts';

/** A PFS payment locality and its GPCIs. */
export interface GpciLocality {
  /** Our id: state and locality number, e.g. `CA-18`. */
  id: string;
  name: string;
  /** The Medicare administrative contractor's number. */
  mac: string;
  locality: number;
  /** GPCIs in thousandths (1.042 is 1042), as pricing takes them. */
  gpci: Gpci;
  source: string;
}

interface RawLocality {
  id: string;
  name: string;
  mac: string;
  locality: number;
  work: number;
  pe: number;
  mp: number;
}

const SOURCE = `data/gpci.json${data.confirmed ? '' : ' (UNCONFIRMED)'}: ${data.source}`;
const BY_YEAR = new Map<number, Map<string, GpciLocality>>();
const years = data.years as Record<string, { localities?: RawLocality[]; sameAs?: string }>;
for (const [y, entry] of Object.entries(years)) {
  const raw = entry.localities ?? years[entry.sameAs ?? '']?.localities ?? [];
  const m = new Map<string, GpciLocality>();
  for (const l of raw)
    m.set(l.id, {
      id: l.id,
      name: l.name,
      mac: l.mac,
      locality: l.locality,
      gpci: { work: Math.round(l.work * 1000), pe: Math.round(l.pe * 1000), mp: Math.round(l.mp * 1000) },
      source: `${SOURCE} (${y})`,
    });
  BY_YEAR.set(Number(y), m);
}
const HELD = [...BY_YEAR.keys()].sort((a, b) => a - b);

function tableFor(year: number): Map<string, GpciLocality> | undefined {
  let found = HELD[0];
  for (const y of HELD) if (y <= year) found = y;
  return found === undefined ? undefined : BY_YEAR.get(found);
}

/**
 * The GPCIs of a locality in a year (the latest year held at or before it; data/gpci.json).
 * @param id - locality id such as `CA-18`
 * @param year - calendar year of the date of service
 * @returns the locality, or undefined for an id the data does not hold (price at the national 1.000)
 */
export function gpciLocality(id: string, year: number): GpciLocality | undefined {
  return tableFor(year)?.get(id);
}

/**
 * Every locality held for a year, by name, for a clinic to choose its own.
 * @param year - calendar year
 */
export function gpciLocalities(year: number): GpciLocality[] {
  return [...(tableFor(year)?.values() ?? [])].sort((a, b) => a.name.localeCompare(b.name));
}
