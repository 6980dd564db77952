import { describe, expect, it } from 'vitest';
import conversion from '../data/conversion-factors.json' with { type: 'json' };
import fees from '../data/fee-schedules.json' with { type: 'json' };
import kx from '../data/kx-thresholds.json' with { type: 'json' };
import mue from '../data/mue.json' with { type: 'json' };
import ncci from '../data/ncci-ptp.json' with { type: 'json' };
import rvu from '../data/rvu.json' with { type: 'json' };
import { CODES, conversionFactor, kxThreshold, mueFor, NCCI_BYPASS_MODIFIERS, ncciEdit, rvuFor } from '../src/index.ts';

describe('reference data files', () => {
  it('each file carries its source and whether it is confirmed', () => {
    for (const f of [conversion, fees, kx, mue, ncci]) {
      expect(f.source.length).toBeGreaterThan(20);
      expect(f.title.length).toBeGreaterThan(5);
    }
    for (const f of [fees, kx, mue, ncci]) expect(f.confirmed).toBe(false);
    expect(ncci.quarter).toBe('2026Q4');
    expect(rvu.title.length).toBeGreaterThan(5);
    expect(Object.keys(rvu.years)).toEqual(['2025', '2026']);
    for (const y of Object.values(rvu.years)) {
      expect(y.source.length).toBeGreaterThan(20);
      for (const c of Object.values(y.codes)) {
        expect(c.source.length).toBeGreaterThan(20);
        expect(typeof c.confirmed).toBe('boolean');
      }
    }
  });

  it('every code in the data is in the catalog', () => {
    const codes = [
      ...ncci.edits.flatMap((e) => [e.column1, e.column2]),
      ...mue.quarters.flatMap((q) => q.rows.map((r) => r.code)),
      ...Object.values(rvu.years).flatMap((y) => Object.keys(y.codes)),
    ];
    for (const c of codes) expect(CODES.has(c)).toBe(true);
  });
});

describe('kxThreshold (rules.md §3.3)', () => {
  it.each([
    [2021, 211000],
    [2022, 215000],
    [2023, 223000],
    [2024, 233000],
    [2025, 241000],
    [2026, 248000],
  ])('%i: $%i cents for PT+SLP and OT alike', (year, cents) => {
    expect(kxThreshold(year)).toMatchObject({ ptSlpCents: cents, otCents: cents });
    expect(kxThreshold(year)?.source).toContain(`kx-thresholds.json ${year}`);
  });
  it('years not held are undefined', () => {
    expect(kxThreshold(2020)).toBeUndefined();
    expect(kxThreshold(2027)).toBeUndefined();
  });
});

describe('ncciEdit (rules.md §2.2-2.3)', () => {
  it('an active edit, in either order: 97162/97161 since 2020-10-01, indicator 0', () => {
    const e = ncciEdit('97161', '97162', '2026-03-03');
    expect(e).toMatchObject({ column1: '97162', column2: '97161', modifierIndicator: '0', effective: '2020-10-01' });
    expect(e?.deleted).toBeUndefined();
    expect(ncciEdit('97162', '97161', '2026-03-03')).toBe(e);
    expect(ncciEdit('97163', '97162', '2020-10-01')?.column1).toBe('97163');
  });

  it('a deleted edit is not returned after its deletion date: 97140/97530 ended 2019-12-31', () => {
    expect(ncciEdit('97530', '97140', '2019-12-31')).toMatchObject({ column1: '97140', modifierIndicator: '1' });
    expect(ncciEdit('97530', '97140', '2020-01-01')).toBeUndefined();
    expect(ncciEdit('97530', '97140', '2026-03-03')).toBeUndefined();
  });

  it('indicator 9 edits never apply, even on their effective date', () => {
    expect(ncciEdit('97530', '97116', '2020-10-01')).toBeUndefined();
    expect(ncciEdit('97530', '97161', '2020-01-01')).toBeUndefined();
    expect(ncciEdit('97530', '97116', '2019-06-01')?.modifierIndicator).toBe('1'); // the older, real edit
  });

  it('59, XE/XS/XP/XU and anatomical modifiers may bypass an indicator-1 edit; GP does not', () => {
    for (const m of ['59', 'XU', 'XS', 'LT', 'RT', 'F1', 'T9']) expect(NCCI_BYPASS_MODIFIERS.has(m)).toBe(true);
    for (const m of ['GP', 'CQ', 'KX', '25']) expect(NCCI_BYPASS_MODIFIERS.has(m)).toBe(false);
  });

  it('no edit before the effective date, in the 2020 gap, or for pairs never edited', () => {
    expect(ncciEdit('97162', '97161', '2016-12-31')).toBeUndefined();
    expect(ncciEdit('97162', '97161', '2020-05-01')).toBeUndefined();
    expect(ncciEdit('97530', '97535', '2026-03-03')).toBeUndefined();
  });
});

describe('mueFor (rules.md §2.4)', () => {
  it('97530: 6 units, MAI 3; evaluations 1 unit, MAI 2', () => {
    expect(mueFor('97530', '2026-11-01')).toMatchObject({ units: 6, mai: 3 });
    expect(mueFor('97161', '2026-11-01')).toMatchObject({ units: 1, mai: 2 });
    expect(mueFor('97112', '2026-11-01')?.units).toBe(4);
  });
  it('picks the quarter in force; earlier dates use the earliest quarter held', () => {
    expect(mueFor('97530', '2026-11-01')?.source).toContain('2026Q4');
    expect(mueFor('97530', '2026-08-01')?.source).toContain('2026Q3');
    expect(mueFor('97530', '2024-01-01')?.source).toContain('2026Q3');
  });
  it('codes the data does not hold (97535, 97150: UNCONFIRMED) are undefined', () => {
    expect(mueFor('97535', '2026-11-01')).toBeUndefined();
    expect(mueFor('97150', '2026-11-01')).toBeUndefined();
  });
});

describe('conversionFactor (rules.md §5.2)', () => {
  it.each([
    ['2022-12-31', undefined],
    ['2023-01-01', 338872],
    ['2024-01-01', 327442],
    ['2024-03-08', 327442],
    ['2024-03-09', 332875],
    ['2024-12-31', 332875],
    ['2025-06-30', 323465],
    ['2026-01-01', 334009],
    ['2026-12-31', 334009],
    ['2027-01-01', undefined],
  ])('%s -> %s', (date, value) => {
    expect(conversionFactor(date)?.dollarsTimes10000).toBe(value);
  });
});

describe('rvuFor (rules.md §5.3)', () => {
  // 2026 national non-facility amounts from rules.md §5.3: implied total RVUs x $33.4009 reproduce them.
  it.each([
    ['97530', 3507],
    ['97110', 2906],
    ['97112', 3273],
    ['97116', 2906],
    ['97140', 2772],
    ['97161', 9786],
    ['97162', 9786],
    ['97163', 9786],
  ])('%s: total RVU x 2026 CF = %i cents; work + PE + MP = total', (code, cents) => {
    const r = rvuFor(code, '2026-01-01');
    expect(r).toBeDefined();
    if (!r) return;
    expect(Math.round(r.total * 33.4009 * 100)).toBe(cents);
    expect(Math.round((r.work + r.pe + r.mp) * 100)).toBe(Math.round(r.total * 100));
    expect(r.confirmed).toBe(false);
  });
  it('unknown codes have no RVUs', () => {
    expect(rvuFor('99999', '2026-01-01')).toBeUndefined();
  });
  it('every catalog code has RVUs for 2025 and 2026 (issue 15: no catalog code prices at $0 for want of data)', () => {
    for (const code of CODES.keys())
      for (const date of ['2025-06-01', '2026-06-01']) {
        const r = rvuFor(code, date);
        expect(r, `${code} ${date}`).toBeDefined();
        expect(r?.year).toBe(Number(date.slice(0, 4)));
        if (r?.status === 'A') expect(r.total).toBeGreaterThan(0);
        else expect(r?.statusNote).toBeTruthy();
      }
  });
  it('a date outside the years held takes the nearest year', () => {
    expect(rvuFor('97530', '2024-03-01')?.year).toBe(2025);
    expect(rvuFor('97530', '2027-03-01')?.year).toBe(2026);
  });
});
