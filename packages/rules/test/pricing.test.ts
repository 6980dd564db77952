import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPolicyRegistry, divRoundHalfUp, dollars, priceLines, type ResolvedPolicy } from '../src/index.ts';

const reg = createPolicyRegistry([
  // Medicare priced by the illustrative flat schedule instead of the PFS.
  {
    id: 'medicare-flat',
    basedOn: 'medicare',
    versions: [
      {
        effectiveFrom: '2020-01-01',
        pricing: { kind: 'flat', schedule: [{ code: '97530', cents: 4500 }], source: 'sample' },
      },
    ],
  },
  // A schedule whose CQ amounts leave 0.4 cent per line, to exercise the rounding leftover.
  {
    id: 'odd-cents',
    basedOn: 'medicare',
    versions: [
      {
        effectiveFrom: '2020-01-01',
        pricing: {
          kind: 'flat',
          schedule: [
            { code: '97530', cents: 1004 },
            { code: '97110', cents: 1004 },
          ],
          source: 'test schedule',
        },
      },
    ],
  },
]);

function policy(id: string, date: string): ResolvedPolicy {
  const p = reg.resolve(id, date);
  if (!p) throw new Error(`no policy ${id} on ${date}`);
  return p;
}

describe('Medicare PFS pricing (rules.md §5, national GPCI 1.000)', () => {
  it('one unit of 97530 in 2026: 1.05 RVU x $33.4009 = $35.070945 -> $35.07; patient 20% = $7.01', () => {
    const r = priceLines([{ code: '97530', units: 1, modifiers: ['GP'] }], {
      date: '2026-02-02',
      policy: policy('medicare', '2026-02-02'),
    });
    expect(r.allowedCents).toBe(3507);
    expect(r.patientCents).toBe(701); // 701.4 rounds down
    expect(r.payerCents).toBe(2806);
    expect(r.lines).toEqual([expect.objectContaining({ code: '97530', units: 1, allowedCents: 3507 })]);
    expect(r.explanation.join(' ')).toContain('$33.4009');
    expect(r.source).toContain('conversion-factors.json');
  });

  it('MPPR: 97530 x2 + 97110 x1 with CQ: second 97530 unit and the 97110 unit get 50% PE; CQ line at 85%', () => {
    // 97530 full: (0.44 + 0.59 + 0.02) x 33.4009 = 35.070945
    // 97530 half-PE: (0.44 + 0.295 + 0.02) x 33.4009 = 25.2176795 -> line 60.2886245 = $60.29
    // 97110 half-PE, CQ: (0.45 + 0.20 + 0.02) x 33.4009 x 0.85 = 19.02181255 = $19.02
    // total 79.31043705 = $79.31; patient 20% = 15.862 -> $15.86
    const r = priceLines(
      [
        { code: '97530', units: 2, modifiers: ['GP'] },
        { code: '97110', units: 1, modifiers: ['GP', 'CQ'] },
      ],
      { date: '2026-02-02', policy: policy('medicare', '2026-02-02') },
    );
    expect(r.lines.map((l) => l.allowedCents)).toEqual([6029, 1902]);
    expect(r.allowedCents).toBe(7931);
    expect(r.patientCents).toBe(1586);
    expect(r.payerCents).toBe(6345);
    expect(r.explanation.join(' ')).toMatch(/3 always-therapy units/);
    expect(r.explanation.join(' ')).toMatch(/CQ or CO are paid at 85%/);
  });

  it('MPPR keeps full PE on the unit with the highest PE (the evaluation), not the first line', () => {
    // 97530 half-PE 25.2176795 -> $25.22; 97161 full 2.93 x 33.4009 = 97.864637 -> $97.86; total 123.0823165 -> $123.08
    const r = priceLines(
      [
        { code: '97530', units: 1 },
        { code: '97161', units: 1 },
      ],
      { date: '2026-02-02', policy: policy('medicare', '2026-02-02') },
    );
    expect(r.lines.map((l) => l.allowedCents)).toEqual([2522, 9786]);
    expect(r.allowedCents).toBe(12308);
  });

  it('uses the conversion factor of the date, including the 2024 split on 9 March', () => {
    const price = (date: string) =>
      priceLines([{ code: '97530', units: 1 }], { date, policy: policy('medicare', date) }).allowedCents;
    expect(price('2023-07-01')).toBe(3558); // 1.05 x 33.8872 = 35.58156
    expect(price('2024-03-08')).toBe(3438); // 1.05 x 32.7442 = 34.38141
    expect(price('2024-03-09')).toBe(3495); // 1.05 x 33.2875 = 34.951875
    expect(price('2025-07-01')).toBe(3396); // 1.05 x 32.3465 = 33.963825
  });

  it('GPCIs scale each component', () => {
    // 0.44 x 1.0 + 0.59 x 1.1 + 0.02 x 0.5 = 1.099 x 33.4009 = 36.7075891 -> $36.71
    const r = priceLines([{ code: '97530', units: 1 }], {
      date: '2026-02-02',
      policy: policy('medicare', '2026-02-02'),
      gpci: { work: 1000, pe: 1100, mp: 500 },
    });
    expect(r.allowedCents).toBe(3671);
  });

  it('codes without RVUs, bundled codes and dates without a conversion factor price at zero and say why', () => {
    const r = priceLines([{ code: '99999', units: 2 }], {
      date: '2026-02-02',
      policy: policy('medicare', '2026-02-02'),
    });
    expect(r.allowedCents).toBe(0);
    expect(r.lines[0]?.explanation).toContain('no RVUs');
    expect(r.unpriced).toEqual([{ code: '99999', units: 2, reason: expect.stringContaining('no RVUs') }]);
    const bundled = priceLines([{ code: '97010', units: 1 }], {
      date: '2026-02-02',
      policy: policy('medicare', '2026-02-02'),
    });
    expect(bundled.allowedCents).toBe(0);
    expect(bundled.unpriced?.[0]?.reason).toContain('bundled');
    const priced = priceLines([{ code: '97535', units: 2 }], {
      date: '2026-02-02',
      policy: policy('medicare', '2026-02-02'),
    });
    expect(priced.allowedCents).toBeGreaterThan(0);
    expect(priced.unpriced).toBeUndefined();
    const old = priceLines([{ code: '97530', units: 1 }], {
      date: '2021-05-05',
      policy: policy('medicare', '2021-05-05'),
    });
    expect(old.allowedCents).toBe(0);
    expect(old.explanation[0]).toContain('No Medicare PFS conversion factor');
  });
});

describe('flat schedules (illustrative published averages for 97530)', () => {
  it('commercial $50.00 a unit, medicaid $38.00, no coinsurance', () => {
    const c = priceLines([{ code: '97530', units: 3 }], {
      date: '2026-02-02',
      policy: policy('commercial', '2026-02-02'),
    });
    expect(c).toMatchObject({ allowedCents: 15000, payerCents: 15000, patientCents: 0 });
    expect(c.source).toMatch(/varies by region and contract/);
    const m = priceLines([{ code: '97530', units: 2 }], {
      date: '2026-02-02',
      policy: policy('medicaid', '2026-02-02'),
    });
    expect(m.allowedCents).toBe(7600);
  });

  it('medicare on the flat sample: $45.00 a unit, CQ at 85% from 2022 only, 20% coinsurance apart', () => {
    const ctx = (date: string) => ({ date, policy: policy('medicare-flat', date) });
    const lines = [
      { code: '97530', units: 2, modifiers: ['GP'] },
      { code: '97530', units: 1, modifiers: ['GP', 'CQ'] },
    ];
    const r = priceLines(lines, ctx('2026-02-02'));
    expect(r.lines.map((l) => l.allowedCents)).toEqual([9000, 3825]);
    expect(r).toMatchObject({ allowedCents: 12825, patientCents: 2565, payerCents: 10260 });
    expect(priceLines(lines, ctx('2021-12-31')).allowedCents).toBe(13500); // before the 85% rate
  });

  it('codes not on the schedule are not estimated, and say why', () => {
    const r = priceLines([{ code: '97010', units: 1 }], {
      date: '2026-02-02',
      policy: policy('commercial', '2026-02-02'),
    });
    expect(r.allowedCents).toBe(0);
    expect(r.lines[0]?.explanation).toContain('not on this payer');
    expect(r.unpriced?.[0]).toEqual({ code: '97010', units: 1, reason: expect.stringContaining('fee schedule') });
  });

  it('rounding leftovers go to one named line so the lines sum to the total', () => {
    // Each CQ line is 1004 x 0.85 = 853.4 cents -> 853; the total 1706.8 -> 1707: 1 cent to the first largest line.
    const r = priceLines(
      [
        { code: '97530', units: 1, modifiers: ['CQ'] },
        { code: '97110', units: 1, modifiers: ['CQ'] },
      ],
      { date: '2026-02-02', policy: policy('odd-cents', '2026-02-02') },
    );
    expect(r.allowedCents).toBe(1707);
    expect(r.lines.map((l) => l.allowedCents)).toEqual([854, 853]);
    expect(r.explanation.join(' ')).toContain('1 cent added to 97530');
  });
});

describe('pricing invariants', () => {
  const lineArb = fc.record({
    code: fc.constantFrom('97530', '97110', '97112', '97116', '97140', '97161', '97535', '97150'),
    units: fc.integer({ min: 0, max: 8 }),
    modifiers: fc.subarray(['GP', 'CQ', '59']),
  });
  it('lines sum to the allowed amount; payer + patient = allowed; explain: false changes no number', () => {
    fc.assert(
      fc.property(
        fc.array(lineArb, { maxLength: 6 }),
        fc.constantFrom('medicare', 'medicaid', 'commercial', 'medicare-flat', 'odd-cents'),
        fc.constantFrom('2023-05-01', '2024-03-09', '2026-02-02'),
        (lines, id, date) => {
          const ctx = { date, policy: policy(id, date) };
          const r = priceLines(lines, ctx);
          expect(r.lines.reduce((s, l) => s + l.allowedCents, 0)).toBe(r.allowedCents);
          expect(r.payerCents + r.patientCents).toBe(r.allowedCents);
          for (const l of r.lines) expect(Number.isInteger(l.allowedCents) && l.allowedCents >= 0).toBe(true);
          const bulk = priceLines(lines, ctx, { explain: false });
          expect(bulk.allowedCents).toBe(r.allowedCents);
          expect(bulk.lines.map((l) => l.allowedCents)).toEqual(r.lines.map((l) => l.allowedCents));
          expect(bulk.explanation).toEqual([]);
        },
      ),
    );
  });

  it('MPPR: n units of one code never cost more than n single units', () => {
    fc.assert(
      fc.property(fc.constantFrom('97530', '97110', '97140'), fc.integer({ min: 1, max: 8 }), (code, n) => {
        const ctx = { date: '2026-02-02', policy: policy('medicare', '2026-02-02') };
        const one = priceLines([{ code, units: 1 }], ctx).allowedCents;
        expect(priceLines([{ code, units: n }], ctx).allowedCents).toBeLessThanOrEqual(n * one);
      }),
    );
  });

  it('helpers: half-up division and dollars text', () => {
    expect([divRoundHalfUp(5, 10), divRoundHalfUp(4, 10), divRoundHalfUp(15, 10), divRoundHalfUp(0, 3)]).toEqual([
      1, 0, 2, 0,
    ]);
    expect([dollars(3507), dollars(5), dollars(123456)]).toEqual(['$35.07', '$0.05', '$1,234.56']);
  });
});
