import { describe, expect, it } from 'vitest';
import { CODES, isTimedCode, lookupCode } from '../src/index.ts';

// The codes issue 2 requires in the catalog.
const REQUIRED = [
  '97530',
  '97110',
  '97112',
  '97116',
  '97140',
  '97535',
  '97150',
  '97750',
  '97760',
  '97763',
  '97129',
  '97130',
  '97161',
  '97162',
  '97163',
  '97164',
  '97165',
  '97166',
  '97167',
  '97168',
  '92507',
  '92508',
  '92521',
  '92522',
  '92523',
  '92524',
  '92526',
  '97010',
  '97012',
  '97014',
  'G0283',
  '97032',
  '97035',
  '97542',
];
const TIMED = [
  '97530',
  '97110',
  '97112',
  '97116',
  '97140',
  '97535',
  '97750',
  '97760',
  '97763',
  '97129',
  '97130',
  '97032',
  '97035',
  '97542',
];

describe('code catalog', () => {
  it('holds every required code with a summary and what documentation must show', () => {
    for (const code of REQUIRED) {
      const c = lookupCode(code);
      expect(c, code).toBeDefined();
      if (!c) continue;
      expect(c.code).toBe(code);
      expect(c.name.length).toBeGreaterThan(3);
      expect(c.summary.length).toBeGreaterThan(20);
      expect(c.documentation.length).toBeGreaterThan(20);
      expect(c.disciplines.length).toBeGreaterThan(0);
    }
  });

  it('timed codes are the 15-minute ones; evaluations, group, supervised modalities and SLP treatment are untimed (rules.md §1.2 rule 7)', () => {
    for (const code of REQUIRED) expect(isTimedCode(code), code).toBe(TIMED.includes(code));
    expect(isTimedCode('99999')).toBe(false);
  });

  it('97530 is one-on-one; 97150 and 92508 are group codes, not one-on-one (rules.md §2.1)', () => {
    expect(lookupCode('97530')).toMatchObject({ oneOnOne: true, timed: true, alwaysTherapy: true });
    expect(lookupCode('97150')).toMatchObject({ oneOnOne: false, group: true });
    expect(lookupCode('92508')).toMatchObject({ group: true });
  });

  it('evaluations are always therapy and flagged as evaluations (rules.md §3.1 [S48])', () => {
    for (const code of ['97161', '97162', '97163', '97164', '97165', '97166', '97167', '97168']) {
      expect(lookupCode(code)).toMatchObject({ evaluation: true, alwaysTherapy: true, timed: false });
    }
  });

  it('97130 is an add-on of 97129, which is in the catalog', () => {
    expect(lookupCode('97130')?.addOnTo).toBe('97129');
    for (const c of CODES.values()) if (c.addOnTo) expect(CODES.has(c.addOnTo)).toBe(true);
  });

  it('summaries are our own words: no AMA descriptor phrasing', () => {
    for (const c of CODES.values()) {
      expect(c.summary).not.toMatch(/each 15 minutes|direct \(one-on-one\) patient contact|use of dynamic activities/i);
    }
  });
});
