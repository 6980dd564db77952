import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Claim, read837, write837 } from '../src/index.ts';
import { THERAPY_BATCH } from './fixtures/therapy-batch.ts';
import { fixtures } from './helpers.ts';

const golden = readFileSync(path.join(fixtures, 'therapy-claims.837'), 'utf8');

// Each case breaks our sound therapy file in one place (a copy in memory; the fixture is not changed).
describe('837P structural checks on broken copies of our file', () => {
  it.each([
    [
      'a dotted ICD-10 code',
      ['HI*ABK:M25561*', 'HI*ABK:M25.561*'],
      'ST 0001 segment 20 (HI)',
      /M25.561 contains a dot/,
    ],
    [
      'a malformed ICD-10 code',
      ['ABF:M6281~', 'ABF:62X81~'],
      'ST 0001 segment 20 (HI)',
      /62X81 is not in ICD-10-CM format/,
    ],
    [
      'a pointer past the diagnoses',
      ['SV1*HC:97110:GP*45*UN*1***1~', 'SV1*HC:97110:GP*45*UN*1***3~'],
      'ST 0001 segment 26 (SV1)',
      /points to diagnosis 3, but the claim has 2/,
    ],
    [
      'CLM02 not the sum of SV102',
      ['CLM*UW000001*155*', 'CLM*UW000001*150*'],
      'ST 0001 segment 19 (CLM)',
      /CLM02 \$150.00 does not equal the sum of its lines \(SV102\) \$155.00/,
    ],
    [
      'a replacement without REF*F8',
      ['REF*F8*22025010000017~\n', ''],
      'ST 0001 segment 58 (CLM)',
      /replaces or voids a claim but has no REF\*F8/,
    ],
    [
      'SE01 off by one',
      ['SE*70*0001', 'SE*69*0001'],
      'ST 0001 segment 70 (SE)',
      /SE01 says 69 segments, but ST 0001 has 70/,
    ],
    [
      'SE02 not ST02',
      ['SE*70*0001', 'SE*70*0002'],
      'ST 0001 segment 70 (SE)',
      /SE02 "0002" does not match ST02 "0001"/,
    ],
    ['GE01 wrong', ['GE*1*1', 'GE*2*1'], 'segment 73 (GE)', /GE01 says 2 transaction sets, but the group has 1/],
    ['GE02 not GS06', ['GE*1*1', 'GE*1*9'], 'segment 73 (GE)', /GE02 "9" does not match GS06 "1"/],
    [
      'IEA02 not ISA13',
      ['IEA*1*000000001', 'IEA*1*000000002'],
      'segment 74 (IEA)',
      /IEA02 "000000002" does not match ISA13/,
    ],
    [
      'a bad NPI check digit',
      ['XX*1987654328~', 'XX*1987654320~'],
      'ST 0001 segment 38 (NM1)',
      /NPI 1987654320 \(NM1\*82\) fails the check digit/,
    ],
    [
      'a 5-character modifier',
      ['HC:97530:GP:KX*165', 'HC:97530:GPKXX:KX*165'],
      'ST 0001 segment 63 (SV1)',
      /Modifier "GPKXX" on line 1 is not 2 characters/,
    ],
  ])('reports %s', (_name, [from, to], where, message) => {
    expect(golden.includes(from as string)).toBe(true);
    const f = read837(golden.replace(from as string, to as string));
    expect(f.errors).toContainEqual({ where, message: expect.stringMatching(message) });
  });

  it('warns on GS08 other than 005010X222A1 without failing the file', () => {
    const f = read837(golden.replace('1*X*005010X222A1', '1*X*005010X222A2'));
    expect(f.errors).toEqual([]);
    expect(f.warnings).toEqual([{ where: 'GS', message: 'GS08 is "005010X222A2"; HIPAA requires 005010X222A1.' }]);
  });

  it('reports a claim with more than 50 lines', () => {
    const base = THERAPY_BATCH.claims[0] as Claim;
    const line = base.lines[0] as Claim['lines'][number];
    const big: Claim = { ...base, lines: Array.from({ length: 51 }, (_, i) => ({ ...line, controlNumber: `L${i}` })) };
    const f = read837(write837({ ...THERAPY_BATCH, claims: [big] }));
    expect(f.errors).toEqual([
      {
        where: 'ST 0001 segment 19 (CLM)',
        message: 'Claim UW000001 has 51 service lines; an 837P claim allows at most 50.',
      },
    ]);
  });

  it('reports an 835 given to the 837 checker', () => {
    const f = read837(readFileSync(path.join(fixtures, '835/paid.835')));
    expect(f.errors.map((e) => e.message)).toContain('GS01 is "HP"; a 837 group must use HC.');
  });
});

describe('ICD-9 qualifiers judged by the dates of service', () => {
  const claimWith = (date: string) =>
    golden.replace(/HI\*ABK:[^~]*~/g, 'HI*BK:7194~').replace(/DTP\*472\*D8\*\d{8}/g, `DTP*472*D8*${date}`);
  it('is an error naming the date for services on or after 2015-10-01', () => {
    const f = read837(claimWith('20260302'));
    const e = f.errors.find((x) => /ICD-9/.test(x.message));
    expect(e?.message).toContain('2026-03-02');
    expect(e?.message).toContain('on or after 2015-10-01');
  });
  it('is only a warning for services before 2015-10-01', () => {
    const f = read837(claimWith('20140302'));
    expect(f.errors.some((x) => /ICD-9/.test(x.message))).toBe(false);
    expect(f.warnings.some((x) => x.message.includes('2014-03-02'))).toBe(true);
  });
});

describe('a component separator other than ISA16', () => {
  it('is read with the separator the element uses, and warned, not read as an empty code', () => {
    const text = golden
      .replace('SV1*HC:97110:GP*', 'SV1*HC>97110>GP*')
      .replace('HI*ABK:M25561*ABF:M6281~', 'HI*ABK>M25561*ABF>M6281~');
    const f = read837(text);
    const plain = read837(golden);
    expect(f.claims.map((c) => c.lines.map((l) => [l.code, l.modifiers]))).toEqual(
      plain.claims.map((c) => c.lines.map((l) => [l.code, l.modifiers])),
    );
    expect(f.claims[0]?.diagnoses).toEqual(plain.claims[0]?.diagnoses);
    expect(
      f.warnings.filter((w) => /separates its parts with ">", but the ISA declares ":"/.test(w.message)),
    ).toHaveLength(3);
    expect(f.errors).toEqual(plain.errors);
  });
});
