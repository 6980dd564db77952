import data from '../../data/sample-charges.json' with { type: 'json' };

/** The illustrative sample charge master a new clinic may start from (data/sample-charges.json). */
export interface SampleChargeMaster {
  /** Per-unit charge in cents, by code. */
  charges: Readonly<Record<string, number>>;
  /** How each figure was set: `pfs-x2` or a note naming the code it follows. */
  basis: Readonly<Record<string, string>>;
  source: string;
  /** Says it is illustrative: shown beside the figures wherever they are offered. */
  note: string;
}

const entries = Object.entries(data.charges);

/**
 * The illustrative sample charges: twice the 2026 PFS national amount where the PFS prices the code, round figures
 * beside it elsewhere. Never a clinic's real charges (data/sample-charges.json, `confirmed: false`).
 */
export const SAMPLE_CHARGE_MASTER: SampleChargeMaster = {
  charges: Object.fromEntries(entries.map(([code, e]) => [code, e.cents])),
  basis: Object.fromEntries(entries.map(([code, e]) => [code, e.basis])),
  source: `data/sample-charges.json: ${data.source}`,
  note: data.note,
};
