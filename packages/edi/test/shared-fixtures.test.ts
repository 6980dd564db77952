import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { read835, read837, SegmentReader, tokenize } from '../src/index.ts';
import { hasShared, sharedX12 } from './helpers.ts';

if (!hasShared)
  console.log(`skipping third-party X12 fixture tests: ${sharedX12} is absent (it lives beside the repository).`);

const file = (sub: string, name: string) => readFileSync(path.join(sharedX12, sub, name));

// Expectations come from shared/fixtures/x12/README.md, one row per file.
describe.skipIf(!hasShared)('third-party 835 samples', () => {
  it.each([
    ['lfh_x221_ig_managed_care.835', 94500, 2, 2],
    ['lfh_x221_ig_medicare_part_a_plb.835', 15000000, 2, 0],
    ['tastypackets_emedny_profee.edi', 4575, 3, 10],
    ['pyx12_835_mult_loops.txt', 0, 1, 3],
  ])('%s balances at service, claim and transaction level', (name, bpr, claims, lines) => {
    const r = read835(file('835', name));
    expect(r.errors).toEqual([]);
    expect(r.balanced).toBe(true);
    const t = r.transactions[0];
    expect(t?.totalCents).toBe(bpr);
    expect(t?.claims).toHaveLength(claims);
    expect(t?.claims.reduce((n, c) => n + c.lines.length, 0)).toBe(lines);
    expect(r.summary.transaction).toEqual({ checked: 1, failed: 0 });
  });

  it('managed care: SVC paid exceeds CLP04 because of the claim-level CAS*CO*A2', () => {
    const c = read835(file('835', 'lfh_x221_ig_managed_care.835')).transactions[0]?.claims[0];
    expect(c?.adjustments).toEqual([{ group: 'CO', reason: 'A2', amountCents: 5000 }]);
    expect(c?.lines[0]?.paidCents).toBe(50000);
    expect(c?.paidCents).toBe(45000);
    expect(c?.lines[0]?.dateOfService).toBe('2002-03-01');
    expect(c?.lines[0]?.dateOfServiceEnd).toBe('2002-03-04');
  });

  it('Part A: PLB CV:CP -1.27 increases the payment', () => {
    const t = read835(file('835', 'lfh_x221_ig_medicare_part_a_plb.835')).transactions[0];
    expect(t?.providerAdjustments).toEqual([
      expect.objectContaining({ reason: 'CV', reference: 'CP', amountCents: -127, providerId: '6543210903' }),
    ]);
  });

  it('eMedNY: a denied claim with CO-29 and a partly paid one with CO-251 and N206', () => {
    const claims = read835(file('835', 'tastypackets_emedny_profee.edi')).transactions[0]?.claims ?? [];
    expect(claims.map((c) => c.status)).toEqual(['1', '2', '2']);
    expect(claims[1]?.lines.flatMap((l) => l.adjustments.map((a) => `${a.group}-${a.reason}`))).toEqual([
      'CO-29',
      'CO-29',
    ]);
    expect(claims[2]?.lines[2]?.remarks).toEqual(['N206']);
    expect(claims[0]?.lines[3]?.units).toBe(2);
  });

  it('pyx12: notification only (BPR*H*0), multi-unit lines with N14', () => {
    const r = read835(file('835', 'pyx12_835_mult_loops.txt'));
    const t = r.transactions[0];
    expect(t?.handling).toBe('H');
    expect(t?.claims[0]?.status).toBe('4');
    expect(t?.claims[0]?.lines.map((l) => l.units)).toEqual([68, 16, 36]);
    expect(t?.claims[0]?.lines.every((l) => l.remarks[0] === 'N14')).toBe(true);
  });

  it('OopFactory: BOM, CRLF, indentation, reversals with negative amounts; reported as not balancing', () => {
    const r = read835(file('835', 'oopfactory_835_example1_reversals_4010env.txt'));
    expect(r.balanced).toBe(false);
    expect(r.errors.some((e) => /Does not balance \(transaction\)/.test(e.message))).toBe(true);
    expect(r.warnings.some((w) => /ISA12 is 00401/.test(w.message))).toBe(true);
    expect(r.warnings.some((w) => /"CR"/.test(w.message))).toBe(true);
    const claims = r.transactions[0]?.claims ?? [];
    expect(claims).toHaveLength(10);
    const reversal = claims.find((c) => c.claimId === '123456');
    expect(reversal?.status).toBe('22');
    expect(reversal?.chargeCents).toBe(-4258);
    expect(reversal?.lines[0]?.units).toBe(-2);
    expect(claims.find((c) => c.claimId === '090909')?.lines[0]?.remarks).toEqual(['MA92']);
  });
});

describe.skipIf(!hasShared)('third-party 837P samples', () => {
  it('LFH example 1: one claim, 4 lines, patient not subscriber; GS08 X222A2 warned; ICD-9 reported', () => {
    const f = read837(file('837p', 'lfh_x222_ig_example1_patient_not_subscriber.837'));
    expect(f.claims).toHaveLength(1);
    expect(f.claims[0]?.chargeCents).toBe(10000);
    expect(f.claims[0]?.lines.map((l) => [l.code, l.chargeCents])).toEqual([
      ['99213', 4000],
      ['87070', 1500],
      ['99214', 3500],
      ['86663', 1000],
    ]);
    expect(f.warnings.some((w) => w.message.includes('005010X222A2'))).toBe(true);
    expect(f.errors.some((e) => /SE01|CLM02/.test(e.message))).toBe(false);
    // Its services are dated 2006, before ICD-10-CM: ICD-9 was right then, so a warning that says so, not an error.
    expect(f.errors.some((e) => /ICD-9/.test(e.message))).toBe(false);
    expect(
      f.warnings.some((w) =>
        /ICD-9 qualifier BK; that was right for this claim's dates of service \(2006/.test(w.message),
      ),
    ).toBe(true);
  });

  it('LFH example 2: patient is subscriber, 1 claim, 4 lines, counts right', () => {
    const f = read837(file('837p', 'lfh_x222_ig_example2_patient_is_subscriber.837'));
    expect(f.claims).toHaveLength(1);
    expect(f.claims[0]?.lines).toHaveLength(4);
    expect(f.errors.some((e) => /SE01|CLM02|GE01|IEA01/.test(e.message))).toBe(false);
  });

  it('stupidedi 3b: prose before ISA skipped; GS01 XX, SE01 63 vs 64 and failing NPIs reported', () => {
    const f = read837(file('837p', 'stupidedi_x222_fail_3b_cob_with_validator_errors.edi'));
    expect(f.warnings.some((w) => /before the ISA were skipped/.test(w.message))).toBe(true);
    const msgs = f.errors.map((e) => `${e.where}: ${e.message}`);
    expect(msgs.some((m) => /GS01 is "XX"/.test(m))).toBe(true);
    expect(msgs.some((m) => /SE01 says 63 segments, but ST 1234 has 64/.test(m))).toBe(true);
    expect(msgs.some((m) => /NPI 1999996666 .* fails the check digit/.test(m))).toBe(true);
    expect(msgs.some((m) => /NPI 1581234567/.test(m))).toBe(true);
    expect(f.claims).toHaveLength(1);
    expect(f.claims[0]?.lines).toHaveLength(3);
  });

  it('imsweb: SE01 25 vs 34, CLM02 500 vs 12.25, HI with element separators, 2 claims', () => {
    const f = read837(file('837p', 'imsweb_segments_out_of_order.txt'));
    expect(f.claims).toHaveLength(2);
    const msgs = f.errors.map((e) => e.message);
    expect(msgs).toContain('SE01 says 25 segments, but ST 987654 has 34 (ST to SE inclusive).');
    expect(
      msgs.filter((m) => /CLM02 \$500.00 does not equal the sum of its lines \(SV102\) \$12.25/.test(m)),
    ).toHaveLength(2);
    expect(msgs.some((m) => /HI01 "BK" has no component separator/.test(m))).toBe(true);
    expect(msgs).toContain('HL02 names parent 3, which is not an earlier level.');
    expect(f.errors.find((e) => e.message.startsWith('SE01'))?.where).toBe('ST 987654 segment 34 (SE)');
  });

  it('OopFactory: BOM, CRLF, indentation; 2 ST in 1 GS, 3 claims, 11 lines; counts right', () => {
    const f = read837(file('837p', 'oopfactory_ig_examples_1_2_3_combined.txt'));
    expect(f.transactionSets).toBe(2);
    expect(f.claims).toHaveLength(3);
    expect(f.claims.reduce((n, c) => n + c.lines.length, 0)).toBe(11);
    expect(f.errors.some((e) => /SE01|GE01|IEA01|CLM02|not closed|HL0/.test(e.message))).toBe(false);
    expect(f.warnings.some((w) => w.message.includes('"005010X222"'))).toBe(true);
  });

  it('reads every file in small chunks to the same segments as whole', () => {
    for (const sub of ['835', '837p'])
      for (const name of ['lfh_x221_ig_managed_care.835', 'oopfactory_ig_examples_1_2_3_combined.txt']) {
        let bytes: Buffer;
        try {
          bytes = file(sub, name);
        } catch {
          continue;
        }
        const whole = tokenize(bytes).segments;
        const r = new SegmentReader();
        const got: string[][] = [];
        for (let i = 0; i < bytes.length; i += 7) got.push(...r.push(bytes.subarray(i, i + 7)));
        got.push(...r.end());
        expect(got).toEqual(whole);
      }
  });
});
