import { describe, expect, it } from 'vitest';
import { computeUnits, minutesForUnits, tableUnits, type UnitInputLine, type UnitMethod } from '../src/index.ts';

/** Units per code as a plain object, for readable assertions. */
function byCode(lines: UnitInputLine[], method: UnitMethod): Record<string, number> {
  const out: Record<string, number> = {};
  for (const l of computeUnits(lines, method).lines) out[l.code] = l.units;
  return out;
}

/** Lines from { code: minutes } (integer-like keys iterate in ascending order, so order-free assertions only). */
function visit(spec: Record<string, number>): UnitInputLine[] {
  return Object.entries(spec).map(([code, minutes]) => ({ code, minutes }));
}

describe('CMS unit table (rules.md §1.1, Pub. 100-04 Ch. 5 §20.2)', () => {
  // Every boundary value listed in rules.md §1.1.
  const edges: [number, number][] = [
    [0, 0],
    [7, 0],
    [8, 1],
    [22, 1],
    [23, 2],
    [37, 2],
    [38, 3],
    [52, 3],
    [53, 4],
    [67, 4],
    [68, 5],
    [82, 5],
    [83, 6],
    [97, 6],
    [98, 7],
    [112, 7],
    [113, 8],
    [127, 8],
    [128, 9],
  ];
  it.each(edges)('%i minutes -> %i units', (minutes, units) => {
    expect(tableUnits(minutes)).toBe(units);
    // A single timed service follows the same table under cms and ama (rule 1, and the per-code table).
    expect(computeUnits([{ code: '97530', minutes }], 'cms').totalUnits).toBe(units);
    expect(computeUnits([{ code: '97530', minutes }], 'ama').totalUnits).toBe(units);
  });

  it('minutesForUnits is the first minute of each row', () => {
    expect([1, 2, 3, 8, 9].map(minutesForUnits)).toEqual([8, 23, 38, 113, 128]);
    expect(minutesForUnits(0)).toBe(0);
  });
});

describe('CMS worked examples (rules.md §1.4)', () => {
  it('CMS-1: 97112 24 + 97110 23 = 47 min, 3 units: 97112 x2, 97110 x1', () => {
    const r = computeUnits(visit({ '97112': 24, '97110': 23 }), 'cms');
    expect(r.totalTimedMinutes).toBe(47);
    expect(r.totalUnits).toBe(3);
    expect(byCode(visit({ '97112': 24, '97110': 23 }), 'cms')).toEqual({ '97112': 2, '97110': 1 });
  });

  it('CMS-2: 97112 20 + 97110 20 = 40 min, 3 units split 2 + 1 either way, never 3 on one code', () => {
    const u = byCode(visit({ '97112': 20, '97110': 20 }), 'cms');
    expect((u['97112'] ?? 0) + (u['97110'] ?? 0)).toBe(3);
    expect(Math.min(u['97112'] ?? 0, u['97110'] ?? 0)).toBe(1); // rule 3: each has a full unit
    expect(Math.max(u['97112'] ?? 0, u['97110'] ?? 0)).toBe(2);
  });

  it('CMS-3: 97110 33 + 97140 7 = 40 min: 97110 x2, 97140 x1 (7 min left beats 3)', () => {
    expect(byCode(visit({ '97110': 33, '97140': 7 }), 'cms')).toEqual({ '97110': 2, '97140': 1 });
  });

  it('CMS-4: 97110 18, 97140 13, 97116 10, 97035 8 = 49 min: 1 + 1 + 1 + 0', () => {
    const r = computeUnits(visit({ '97110': 18, '97140': 13, '97116': 10, '97035': 8 }), 'cms');
    expect(r.totalUnits).toBe(3);
    expect(Object.fromEntries(r.lines.map((l) => [l.code, l.units]))).toEqual({
      '97110': 1,
      '97140': 1,
      '97116': 1,
      '97035': 0,
    });
  });

  it('CMS-5: 97112 7, 97110 7, 97140 7 = 21 min: exactly one code x1 (rule 5)', () => {
    const r = computeUnits(visit({ '97112': 7, '97110': 7, '97140': 7 }), 'cms');
    expect(r.totalUnits).toBe(1);
    expect(r.lines.filter((l) => l.units === 1)).toHaveLength(1);
    expect(r.lines.every((l) => l.units <= 1)).toBe(true);
  });
});

describe('other worked examples under cms and ama (rules.md §1.5)', () => {
  const cases: { id: string; minutes: Record<string, number>; cmsTotal: number; ama?: Record<string, number> }[] = [
    { id: 'X-1', minutes: { '97110': 18, '97140': 10 }, cmsTotal: 2, ama: { '97110': 1, '97140': 1 } },
    { id: 'X-2', minutes: { '97110': 20, '97116': 20 }, cmsTotal: 3, ama: { '97110': 1, '97116': 1 } },
    { id: 'X-3', minutes: { '97110': 15, '97140': 10 }, cmsTotal: 2, ama: { '97110': 1, '97140': 1 } },
    { id: 'X-4', minutes: { '97110': 20, '97140': 18 }, cmsTotal: 3, ama: { '97110': 1, '97140': 1 } },
    { id: 'X-5', minutes: { '97110': 7, '97140': 7 }, cmsTotal: 1, ama: { '97110': 0, '97140': 0 } },
    {
      id: 'X-6',
      minutes: { '97110': 10, '97112': 10, '97140': 10 },
      cmsTotal: 2,
      ama: { '97110': 1, '97112': 1, '97140': 1 },
    },
  ];
  it.each(cases)('$id: cms total $cmsTotal, each code at least its full units; ama per code', (c) => {
    const lines = visit(c.minutes);
    const r = computeUnits(lines, 'cms');
    expect(r.totalUnits).toBe(c.cmsTotal);
    for (const l of r.lines) {
      expect(l.units).toBeGreaterThanOrEqual(Math.floor(l.minutes / 15));
      expect(l.units).toBeLessThanOrEqual(Math.floor(l.minutes / 15) + 1);
    }
    if (c.ama) expect(byCode(lines, 'ama')).toEqual(c.ama);
  });

  it('X-1: 97110 x1 and 97140 x1 under cms', () => {
    expect(byCode(visit({ '97110': 18, '97140': 10 }), 'cms')).toEqual({ '97110': 1, '97140': 1 });
  });

  it('X-3: 97110 15 + 97140 10 = 1 + 1 under cms', () => {
    expect(byCode(visit({ '97110': 15, '97140': 10 }), 'cms')).toEqual({ '97110': 1, '97140': 1 });
  });

  it('X-4: 97110 x2 (5 min left beats 3), 97140 x1 under cms; ama gives fewer (2)', () => {
    expect(byCode(visit({ '97110': 20, '97140': 18 }), 'cms')).toEqual({ '97110': 2, '97140': 1 });
    expect(computeUnits(visit({ '97110': 20, '97140': 18 }), 'ama').totalUnits).toBe(2);
  });

  it('X-6: ama gives more units (3) than cms (2)', () => {
    const lines = visit({ '97110': 10, '97112': 10, '97140': 10 });
    expect(computeUnits(lines, 'ama').totalUnits).toBe(3);
    const cms = computeUnits(lines, 'cms');
    expect(cms.lines.filter((l) => l.units === 1)).toHaveLength(2);
  });

  it('X-7: X-6 plus 20 min of unattended e-stim: 2 timed units + 1 untimed, timed total 30', () => {
    for (const estim of ['G0283', '97014']) {
      const r = computeUnits(
        [...visit({ '97110': 10, '97112': 10, '97140': 10 }), { code: estim, minutes: 20 }],
        'cms',
      );
      expect(r.totalTimedMinutes).toBe(30);
      expect(r.totalUnits).toBe(3);
      expect(r.lines.find((l) => l.code === estim)).toEqual({ code: estim, minutes: 20, units: 1, timed: false });
    }
  });

  it('X-8: 97110 PTA 23 + PT 13, 97140 PT 30 = 66 min, 4 units: 2 + 2', () => {
    const r = computeUnits(
      [
        { code: '97110', minutes: 23 },
        { code: '97110', minutes: 13 },
        { code: '97140', minutes: 30 },
      ],
      'cms',
    );
    expect(r.totalTimedMinutes).toBe(66);
    expect(r.lines.map((l) => [l.code, l.minutes, l.units])).toEqual([
      ['97110', 36, 2],
      ['97140', 30, 2],
    ]);
  });
});

describe('method details', () => {
  it('untimed codes are one unit a session and stay out of the timed total, under every method', () => {
    for (const m of ['cms', 'ama', 'per-code-15'] as const) {
      const r = computeUnits(
        [
          { code: '97161', minutes: 45 },
          { code: '97150', minutes: 30 },
          { code: '97530', minutes: 7 },
        ],
        m,
      );
      expect(r.totalTimedMinutes).toBe(7);
      expect(r.totalUnits).toBe(2);
    }
  });

  it('per-code-15 pays a unit only for each full 15 minutes of a code', () => {
    expect(byCode(visit({ '97530': 29, '97110': 14, '97140': 45 }), 'per-code-15')).toEqual({
      '97530': 1,
      '97110': 0,
      '97140': 3,
    });
  });

  it('repeated codes are summed before units (two 97530 activities of 5 + 4 minutes are 9 minutes)', () => {
    expect(computeUnits(visit({ '97530': 5 }).concat(visit({ '97530': 4 })), 'ama').lines).toEqual([
      { code: '97530', minutes: 9, units: 1, timed: true },
    ]);
  });

  it('bad minutes count as zero; codes outside the catalog are untimed and earn no unit', () => {
    const r = computeUnits(
      [
        { code: '97530', minutes: -5 },
        { code: '97110', minutes: Number.NaN },
        { code: '99999', minutes: 30 },
      ],
      'cms',
    );
    expect(r.totalTimedMinutes).toBe(0);
    expect(r.lines.map((l) => [l.code, l.units, l.timed])).toEqual([
      ['97530', 0, true],
      ['97110', 0, true],
      ['99999', 0, false],
    ]);
    expect(r.totalUnits).toBe(0);
    expect(r.explanation.join(' ')).toContain('99999 is not a code we know');
  });

  it('explains each step with its citation; { explain: false } gives the same units and no text', () => {
    const lines = visit({ '97110': 18, '97140': 13, '97116': 10, '97035': 8, '97161': 30 });
    for (const m of ['cms', 'ama', 'per-code-15'] as const) {
      const full = computeUnits(lines, m);
      const bulk = computeUnits(lines, m, { explain: false });
      expect(bulk.lines).toEqual(full.lines);
      expect(bulk.totalUnits).toBe(full.totalUnits);
      expect(bulk.explanation).toEqual([]);
      expect(full.explanation.length).toBeGreaterThan(0);
      for (const s of full.explanation) expect(s).toMatch(/\((Pub\. 100-04|CPT time rule|payer policy)/);
    }
    const cms = computeUnits(lines, 'cms').explanation.join('\n');
    expect(cms).toContain('49 timed minutes support 3 units');
    expect(cms).toContain('97035 (8 min)');
  });

  it('under 8 timed minutes in all, cms bills no timed unit and says so', () => {
    const r = computeUnits(visit({ '97530': 4, '97110': 3 }), 'cms');
    expect(r.totalUnits).toBe(0);
    expect(r.explanation.join(' ')).toContain('Under 8 timed minutes');
  });
});
