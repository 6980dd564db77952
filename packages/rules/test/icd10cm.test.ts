import { describe, expect, it } from 'vitest';
import data from '../data/icd10cm-therapy.json' with { type: 'json' };
import { icd10Description, searchIcd10 } from '../src/index.ts';

describe('ICD-10-CM therapy list (data/icd10cm-therapy.json)', () => {
  it('cites its source and holds a few hundred well-formed, unique codes of the therapy chapters', () => {
    expect(data.source).toMatch(/CMS ICD-10-CM FY2026/);
    expect(data.codes.length).toBeGreaterThanOrEqual(300);
    const codes = data.codes.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of data.codes) {
      expect(c.code).toMatch(/^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/);
      expect(c.description.length).toBeGreaterThan(3);
    }
    for (const prefix of ['M', 'R', 'S', 'G', 'I69', 'F80', 'Z'])
      expect(codes.some((c) => c.startsWith(prefix))).toBe(true);
    // Injuries are for therapy after the acute phase: every S-code is a subsequent encounter (7th character D).
    for (const c of codes.filter((x) => x.startsWith('S'))) expect(c.endsWith('D')).toBe(true);
  });
});

describe('searchIcd10', () => {
  it.each([
    // [query, the first codes expected, in order]
    ['M17.1', ['M17.10', 'M17.11', 'M17.12']],
    ['m1711', ['M17.11']],
    ['  r13.1 ', ['R13.10', 'R13.11', 'R13.12', 'R13.13', 'R13.14', 'R13.19']],
    ['I69.35', ['I69.351', 'I69.352', 'I69.353', 'I69.354', 'I69.359']],
    ['F80', ['F80.0', 'F80.1', 'F80.2', 'F80.4', 'F80.81', 'F80.82', 'F80.89', 'F80.9']],
    ['Z96.65', ['Z96.651', 'Z96.652', 'Z96.653']],
  ])('by code: %s', (query, codes) => {
    expect(searchIcd10(query, 50).map((r) => r.code)).toEqual(codes);
  });

  it.each([
    ['dysphagia oral', 'R13.11'],
    ['oropharyngeal', 'R13.12'],
    ['knee osteo right', 'M17.11'],
    ['Osteoarthritis right knee', 'M17.11'],
    ['unsteady', 'R26.81'],
    ['muscle weakness', 'M62.81'],
    ['aphasia infarction', 'I69.320'],
    ['carpal tunnel left', 'G56.02'],
    ['history falling', 'Z91.81'],
    ['walks', 'R26.2'],
    ['colles left', 'S52.532D'],
    ['stuttering', ''],
  ])('by words: %s', (query, first) => {
    const found = searchIcd10(query);
    if (first === '') expect(found).toEqual([]);
    else expect(found[0]?.code).toBe(first);
    for (const r of found) expect(r.description).toBe(icd10Description(r.code));
  });

  it('finds every Parkinson’s code with dyskinesia in it and no other', () => {
    expect(
      searchIcd10("parkinson's dyskinesia")
        .map((r) => r.code)
        .sort(),
    ).toEqual(['G20.A1', 'G20.A2', 'G20.B1', 'G20.B2']);
  });

  it('needs every word, respects the limit, and answers nothing to nothing', () => {
    expect(searchIcd10('knee pain').every((r) => /knee/i.test(r.description) && /pain/i.test(r.description))).toBe(
      true,
    );
    expect(searchIcd10('pain', 3)).toHaveLength(3);
    expect(searchIcd10('')).toEqual([]);
    expect(searchIcd10('   ')).toEqual([]);
    expect(searchIcd10('zzzz')).toEqual([]);
  });

  it('looks a description up by code with or without the dot', () => {
    expect(icd10Description('M62.81')).toBe('Muscle weakness (generalized)');
    expect(icd10Description('m6281')).toBe('Muscle weakness (generalized)');
    expect(icd10Description('A00.0')).toBeUndefined();
  });
});
