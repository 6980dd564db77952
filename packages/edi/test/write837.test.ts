import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Claim, Claim837Writer, read837, tokenize, write837 } from '../src/index.ts';
import { THERAPY_BATCH } from './fixtures/therapy-batch.ts';
import { fixtures, nodeX12Segments, normaliseControls } from './helpers.ts';

describe('837P writer', () => {
  it('writes the therapy fixture byte for byte', () => {
    const golden = readFileSync(path.join(fixtures, 'therapy-claims.837'), 'utf8');
    expect(write837(THERAPY_BATCH, { lineBreaks: true })).toBe(golden);
  });

  it('passes our structural checks and reads back the claims it was given', () => {
    const f = read837(write837(THERAPY_BATCH));
    expect(f.errors).toEqual([]);
    expect(f.warnings).toEqual([]);
    expect(f.claims.map((c) => [c.claimId, c.chargeCents, c.frequency, c.lines.length])).toEqual([
      ['UW000001', 15500, '1', 2],
      ['UW000002', 15000, '1', 2],
      ['UW000003', 22000, '7', 2],
    ]);
    expect(f.claims[1]?.lines[1]?.modifiers).toEqual(['GP', 'CQ', 'KX', '59']);
    expect(f.claims[1]?.renderingNpi).toBe('1987654328');
    expect(f.claims[0]?.renderingNpi).toBeUndefined();
    expect(f.claims[2]?.payerClaimNumber).toBe('22025010000017');
    expect(f.claims[2]?.lines[1]?.placeOfService).toBe('12');
    expect(f.claims[0]?.diagnoses).toEqual([
      { qualifier: 'ABK', code: 'M25561' },
      { qualifier: 'ABF', code: 'M6281' },
    ]);
  });

  it('strips delimiters from free text and sends no empty trailing elements', () => {
    const text = write837(THERAPY_BATCH);
    const segs = tokenize(text).segments;
    const nm1 = segs.find((s) => s[0] === 'NM1' && s[1] === 'IL' && s[9] === '2FH5UF6NL84');
    expect(nm1?.[4]).toBe('PAT RICK');
    expect(segs.find((s) => s[0] === 'N3' && s[1]?.startsWith('22 OAK'))?.[1]).toBe('22 OAK AVE APT 3');
    for (const s of segs) if (s[0] !== 'ISA') expect(s[s.length - 1]).not.toBe('');
  });

  it('writes a pay-to address (2010AB) after the billing provider, only when one is given', () => {
    const payTo = { line1: 'PO Box 77', city: 'Anytown', state: 'NY', zip: '12345' };
    const withPayTo = { ...THERAPY_BATCH, billingProvider: { ...THERAPY_BATCH.billingProvider, payToAddress: payTo } };
    const text = write837(withPayTo, { lineBreaks: true });
    expect(text).toMatch(/REF\*EI\*\d{9}~\nNM1\*87\*2~\nN3\*PO BOX 77~\nN4\*ANYTOWN\*NY\*12345~\nHL\*2\*1\*22/);
    expect(read837(text).errors).toEqual([]);
    expect(write837(THERAPY_BATCH)).not.toContain('NM1*87');
  });

  it('round trip: node-x12 reads the same segments as our tokenizer', () => {
    for (const lineBreaks of [false, true]) {
      const text = write837(THERAPY_BATCH, { lineBreaks });
      expect(normaliseControls(nodeX12Segments(text))).toEqual(normaliseControls(tokenize(text).segments));
    }
  });

  it('streams many claims into several transaction sets that all check out', () => {
    const w = new Claim837Writer(THERAPY_BATCH, { maxClaimsPerTransaction: 4 });
    let text = w.begin();
    for (let i = 0; i < 10; i++)
      for (const c of THERAPY_BATCH.claims) text += w.claim({ ...c, claimId: `${c.claimId}X${i}` });
    text += w.end();
    const f = read837(text);
    expect(f.errors).toEqual([]);
    expect(f.transactionSets).toBe(8);
    expect(f.claims).toHaveLength(30);
    expect(normaliseControls(nodeX12Segments(text))).toEqual(normaliseControls(tokenize(text).segments));
  });
});

const code = fc.constantFrom('97530', '97110', '97140', '97112', '97535', '97161', '92507', 'G0283');
const mod = fc.constantFrom('GP', 'GO', 'GN', 'CQ', 'CO', 'KX', '59', 'XU');
const date = fc
  .date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const text = fc.string({ minLength: 1, maxLength: 20 });

describe('837P writer properties', () => {
  it('every claim written reads back with the same amounts, units and codes, CLM02 = ΣSV102, and node-x12 agrees', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            name: text,
            lines: fc.array(
              fc.record({
                code,
                modifiers: fc.uniqueArray(mod, { maxLength: 4 }),
                chargeCents: fc.integer({ min: 1, max: 10_000_000 }),
                units: fc.integer({ min: 1, max: 12 }),
                dateOfService: date,
              }),
              { minLength: 1, maxLength: 50 },
            ),
          }),
          { minLength: 1, maxLength: 5 },
        ),
        (claims) => {
          const base = THERAPY_BATCH.claims[0] as Claim;
          const batch = {
            ...THERAPY_BATCH,
            claims: claims.map(
              (c, i): Claim => ({
                ...base,
                claimId: `P${i}`,
                subscriber: { ...base.subscriber, lastName: c.name },
                lines: c.lines.map((l, n) => ({ ...l, diagnosisPointers: [1], controlNumber: `P${i}-${n + 1}` })),
              }),
            ),
          };
          const out = write837(batch);
          const f = read837(out);
          expect(f.errors.filter((e) => !/NPI/.test(e.message))).toEqual([]);
          f.claims.forEach((rc, i) => {
            const c = claims[i];
            expect(rc.chargeCents).toBe(c?.lines.reduce((t, l) => t + l.chargeCents, 0));
            expect(rc.lines.map((l) => [l.code, l.modifiers, l.chargeCents, l.units, l.dateOfService])).toEqual(
              c?.lines.map((l) => [l.code, l.modifiers, l.chargeCents, l.units, l.dateOfService]),
            );
          });
          expect(normaliseControls(nodeX12Segments(out))).toEqual(normaliseControls(tokenize(out).segments));
        },
      ),
      { numRuns: 60 },
    );
  });
});
