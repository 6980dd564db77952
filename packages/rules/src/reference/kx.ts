import data from '../../data/kx-thresholds.json' with { type: 'json' };
import type { Cents } from '../types.ts';

/** The KX threshold amounts of one calendar year. */
export interface KxThreshold {
  /** PT and SLP combined. */
  ptSlpCents: Cents;
  /** OT, counted separately. */
  otCents: Cents;
  source: string;
}

const BY_YEAR = new Map<number, KxThreshold>();
for (const [year, row] of Object.entries(data.years)) {
  BY_YEAR.set(Number(year), {
    ptSlpCents: row.ptSlpCents,
    otCents: row.otCents,
    source: `data/kx-thresholds.json ${year}: ${row.source}`,
  });
}

/**
 * The Medicare KX modifier threshold of a year (rules.md §3.3; data/kx-thresholds.json, 2021-2026).
 * @param year - calendar year of the date of service
 * @returns the amounts, or undefined for a year the data does not hold
 */
export function kxThreshold(year: number): KxThreshold | undefined {
  return BY_YEAR.get(year);
}
