import data from '../../data/conversion-factors.json' with { type: 'json' };
import type { IsoDate } from '../types.ts';

/** A PFS conversion factor in force on a date. */
export interface ConversionFactor {
  /** Dollars times 10000: $33.4009 is 334009, so arithmetic stays in integers. */
  dollarsTimes10000: number;
  source: string;
}

interface Span extends ConversionFactor {
  from: IsoDate;
  to: IsoDate;
}

const SPANS: Span[] = data.factors.map((f) => ({
  from: f.from,
  to: f.to,
  dollarsTimes10000: f.dollarsTimes10000,
  source: `data/conversion-factors.json ${f.from}..${f.to}: ${f.source}`,
}));

/**
 * The Medicare PFS conversion factor for a date of service, 2023-2026, with the 2024 split at 9 March
 * (rules.md §5.2).
 * @param date - date of service, `YYYY-MM-DD`
 * @returns the factor, or undefined outside the years held
 */
export function conversionFactor(date: IsoDate): ConversionFactor | undefined {
  for (const s of SPANS) if (s.from <= date && date <= s.to) return s;
  return undefined;
}
