import data from '../../data/ncci-ptp.json' with { type: 'json' };
import type { IsoDate } from '../types.ts';

/** One NCCI procedure-to-procedure edit. */
export interface NcciEdit {
  column1: string;
  column2: string;
  /** '0' no modifier bypasses it; '1' an NCCI-associated modifier may; '9' deleted, never applies. */
  modifierIndicator: '0' | '1' | '9';
  effective: IsoDate;
  /** Last day the edit applies (inclusive); absent: still active. */
  deleted?: IsoDate;
  source: string;
}

/**
 * NCCI-associated modifiers that may bypass an indicator-1 edit on the column 2 code: 59 and its X subsets
 * (rules.md §2.2 [S28]) and the anatomical modifiers (rules.md §2.2 [S26]). Global-surgery modifiers are
 * left out: they do not arise for therapy codes.
 */
export const NCCI_BYPASS_MODIFIERS: ReadonlySet<string> = new Set([
  '59',
  'XE',
  'XS',
  'XP',
  'XU',
  'LT',
  'RT',
  'E1',
  'E2',
  'E3',
  'E4',
  'FA',
  'F1',
  'F2',
  'F3',
  'F4',
  'F5',
  'F6',
  'F7',
  'F8',
  'F9',
  'TA',
  'T1',
  'T2',
  'T3',
  'T4',
  'T5',
  'T6',
  'T7',
  'T8',
  'T9',
  'LC',
  'LD',
  'LM',
  'RC',
  'RI',
]);

function toIndicator(s: string): '0' | '1' | '9' {
  return s === '0' ? '0' : s === '1' ? '1' : '9';
}

// Both orders of every pair point at the same list, so lookups are order-insensitive and allocation-free.
const BY_PAIR = new Map<string, Map<string, NcciEdit[]>>();
function add(a: string, b: string, edit: NcciEdit): void {
  let inner = BY_PAIR.get(a);
  if (!inner) {
    inner = new Map();
    BY_PAIR.set(a, inner);
  }
  let list = inner.get(b);
  if (!list) {
    list = [];
    inner.set(b, list);
  }
  list.push(edit);
}
for (const e of data.edits) {
  const edit: NcciEdit = {
    column1: e.column1,
    column2: e.column2,
    modifierIndicator: toIndicator(e.modifierIndicator),
    effective: e.effective,
    source: `data/ncci-ptp.json ${data.quarter}: ${data.source}`,
  };
  if (e.deleted) edit.deleted = e.deleted;
  add(e.column1, e.column2, edit);
  if (e.column1 !== e.column2) add(e.column2, e.column1, edit);
}

/**
 * The NCCI PTP edit between two codes active on a date, in either order (rules.md §2.2-2.3). An edit is
 * active from its effective date through its deletion date; indicator 9 edits are never active.
 * @param a - one code
 * @param b - the other code
 * @param date - date of service, `YYYY-MM-DD`
 * @returns the active edit (column 1 is paid, column 2 denied unless bypassed), or undefined
 */
export function ncciEdit(a: string, b: string, date: IsoDate): NcciEdit | undefined {
  const list = BY_PAIR.get(a)?.get(b);
  if (!list) return undefined;
  for (const e of list) {
    if (e.modifierIndicator === '9') continue;
    if (e.effective > date) continue;
    if (e.deleted !== undefined && e.deleted < date) continue;
    return e;
  }
  return undefined;
}
