import type { ResolvedPolicy } from '../policies/registry.ts';
import type { Cents, IsoDate } from '../types.ts';

/** A claim line to price: a code, its units and modifiers. */
export interface PriceInputLine {
  code: string;
  units: number;
  modifiers?: readonly string[];
}

/** Geographic practice cost indices in thousandths (1.000 is 1000). */
export interface Gpci {
  work: number;
  pe: number;
  mp: number;
}

/** What pricing needs besides the lines. */
export interface PriceContext {
  /** Date of service: selects the conversion factor and the CQ/CO rule. */
  date: IsoDate;
  policy: ResolvedPolicy;
  /** PFS locality GPCIs; default national (1.000 each). */
  gpci?: Gpci;
}

/** Options of `priceLines`. */
export interface PriceOptions {
  /** Build explanation text (default true); false leaves explanations empty for bulk audits. */
  explain?: boolean;
}

/** One priced line. */
export interface PricedLine {
  code: string;
  units: number;
  allowedCents: Cents;
  explanation: string;
}

/** The price of one visit's lines: the allowed amount, split into the payer's and the patient's share. */
export interface PriceResult {
  allowedCents: Cents;
  /** Allowed minus the patient's share. */
  payerCents: Cents;
  /** The patient's coinsurance, shown apart (Medicare Part B: 20%). */
  patientCents: Cents;
  lines: PricedLine[];
  explanation: string[];
  source: string;
  /** Lines with units that no price covers, and why (present only when there is one). */
  unpriced?: UnpricedLine[];
}

/** A line that has units but no amount: the code and why, in plain words. */
export interface UnpricedLine {
  code: string;
  units: number;
  reason: string;
}
