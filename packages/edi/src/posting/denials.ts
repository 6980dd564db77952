import { explainCarc } from '../codes/carc.ts';

/** Where a denial reason points back to in our rules: a rule id of the engine, or a category without one. */
export interface DenialCause {
  category:
    | 'ncci'
    | 'bundling'
    | 'units'
    | 'medical-necessity'
    | 'timely-filing'
    | 'modifier'
    | 'authorization'
    | 'eligibility'
    | 'coordination-of-benefits'
    | 'duplicate'
    | 'missing-information'
    | 'non-covered'
    | 'benefit-limit'
    | 'provider'
    | 'other';
  /** The rule id (shared/design.md "Rule ids") that should have caught it before the claim went out, if any. */
  rule?: string;
}

/**
 * CARCs that mean money lost, mapped to a cause. CO-45/253/A2 write-downs and PR-1/2/3 patient shares are
 * expected and are not denials. Sources: x12.md §4 CARC table; FCSO "CO 236" denial tips.
 */
const CAUSES: Readonly<Record<string, DenialCause>> = {
  '236': { category: 'ncci', rule: 'ncci-pair' },
  '97': { category: 'bundling', rule: 'ncci-pair' },
  '234': { category: 'bundling', rule: 'ncci-pair' },
  B15: { category: 'bundling' },
  '151': { category: 'units', rule: 'units-exceed-minutes' },
  '150': { category: 'units', rule: 'units-exceed-minutes' },
  '50': { category: 'medical-necessity', rule: 'no-active-plan' },
  '55': { category: 'medical-necessity' },
  '11': { category: 'medical-necessity' },
  '167': { category: 'medical-necessity' },
  '29': { category: 'timely-filing' },
  '4': { category: 'modifier', rule: 'discipline-modifier' },
  '182': { category: 'modifier' },
  '197': { category: 'authorization' },
  '198': { category: 'authorization' },
  '39': { category: 'authorization' },
  '26': { category: 'eligibility' },
  '27': { category: 'eligibility' },
  '31': { category: 'eligibility' },
  '109': { category: 'eligibility' },
  '22': { category: 'coordination-of-benefits' },
  '23': { category: 'coordination-of-benefits' },
  '18': { category: 'duplicate' },
  '16': { category: 'missing-information' },
  '226': { category: 'missing-information' },
  '251': { category: 'missing-information' },
  '252': { category: 'missing-information' },
  A1: { category: 'missing-information' },
  '96': { category: 'non-covered' },
  '204': { category: 'non-covered' },
  '119': { category: 'benefit-limit', rule: 'kx-threshold' },
  '273': { category: 'benefit-limit' },
  B7: { category: 'provider' },
  '170': { category: 'provider' },
  '185': { category: 'provider' },
  '242': { category: 'provider' },
  '243': { category: 'provider' },
};

/** CARCs that are expected write-downs or patient shares, not denials (x12.md §4). */
const EXPECTED = new Set(['1', '2', '3', '45', '253', 'A2', '42', '59', '104', 'A7']);

/**
 * Whether an adjustment is money lost to a denial (as opposed to the expected contractual write-down, a
 * patient share or sequestration).
 * @param group - CAS01
 * @param reason - the CARC
 */
export function isDenial(group: string, reason: string): boolean {
  if (EXPECTED.has(reason)) return false;
  return group === 'CO' || group === 'PI' || group === 'OA' || group === 'PR' || group === 'CR';
}

/**
 * The cause a CARC points back to.
 * @param reason - the CARC
 */
export function denialCause(reason: string): DenialCause {
  return CAUSES[reason] ?? { category: 'other' };
}

/** One row of the denial report. */
export interface DenialRow {
  carc: string;
  explanation: string;
  cause: DenialCause;
  payerId: string;
  providerNpi: string;
  lines: number;
  amountCents: number;
}

/** Adds up denied lines by CARC, payer and provider. */
export class DenialReport {
  private readonly rows = new Map<string, DenialRow>();

  /**
   * Counts one denied adjustment.
   * @param carc - reason code
   * @param payerId - TRN03 / payer id
   * @param providerNpi - rendering (or billing) NPI
   * @param amountCents - the adjustment amount
   */
  add(carc: string, payerId: string, providerNpi: string, amountCents: number): void {
    const key = `${carc}|${payerId}|${providerNpi}`;
    const row = this.rows.get(key);
    if (row) {
      row.lines++;
      row.amountCents += amountCents;
    } else
      this.rows.set(key, {
        carc,
        explanation: explainCarc(carc),
        cause: denialCause(carc),
        payerId,
        providerNpi,
        lines: 1,
        amountCents,
      });
  }

  /** Rows, largest amount first. */
  list(): DenialRow[] {
    return [...this.rows.values()].sort((a, b) => b.amountCents - a.amountCents || (a.carc < b.carc ? -1 : 1));
  }

  /** Totals by cause category (or rule id when there is one). */
  byRule(): Record<string, { lines: number; amountCents: number }> {
    const out: Record<string, { lines: number; amountCents: number }> = {};
    for (const r of this.rows.values()) {
      const k = r.cause.rule ?? r.cause.category;
      const t = out[k] ?? { lines: 0, amountCents: 0 };
      t.lines += r.lines;
      t.amountCents += r.amountCents;
      out[k] = t;
    }
    return out;
  }
}
