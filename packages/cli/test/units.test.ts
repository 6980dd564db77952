import { describe, expect, it } from 'vitest';
import { hasStackTrace, runCli, SPAWN_TIMEOUT, spawnCli } from './helpers.ts';

describe('unitwise units', () => {
  it(
    'CMS-1 as JSON (real process): 97112 24 + 97110 23 = 47 minutes, 3 units, 2 + 1',
    () => {
      // Pub. 100-04 Ch. 5 §20.2, example 1 (rules.md §1.4, CMS-1).
      const r = spawnCli(['units', '--json', '97112=24', '97110=23']);
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(Object.keys(out)).toEqual(['method', 'totalTimedMinutes', 'totalUnits', 'lines', 'explanation']);
      expect(out).toMatchObject({
        method: 'cms',
        totalTimedMinutes: 47,
        totalUnits: 3,
        lines: [
          { code: '97112', minutes: 24, units: 2 },
          { code: '97110', minutes: 23, units: 1 },
        ],
      });
      expect(Object.keys(out.lines[0])).toEqual(['code', 'minutes', 'units']);
      expect(out.explanation.length).toBeGreaterThan(1);
      expect(out.explanation.join(' ')).toContain('§20.2');
    },
    SPAWN_TIMEOUT,
  );

  it('AMA counts each code alone', async () => {
    const r = await runCli(['units', '--method', 'ama', '--json', '97530=20', '97110=10']);
    expect(JSON.parse(r.stdout)).toMatchObject({ method: 'ama', totalUnits: 2 });
  });

  it('per-code-15 pays only full 15 minutes', async () => {
    const r = await runCli(['units', '--method', 'per-code-15', '--json', '97530=29']);
    expect(JSON.parse(r.stdout).totalUnits).toBe(1);
  });

  it('a policy id resolves to its method on the date', async () => {
    const r = await runCli([
      'units',
      '--method',
      'commercial',
      '--date',
      '2026-03-02',
      '--json',
      '97530=10',
      '97110=10',
    ]);
    expect(JSON.parse(r.stdout)).toMatchObject({ method: 'ama', totalUnits: 2 });
    const m = await runCli(['units', '--method', 'medicare', '--date', '2026-03-02', '--json', '97530=10', '97110=10']);
    expect(JSON.parse(m.stdout)).toMatchObject({ method: 'cms', totalUnits: 1 });
    const text = await runCli(['units', '--method', 'medicaid', '--date', '2026-03-02', '97530=40']);
    expect(text.stdout.split('\n')[0]).toBe(
      'Method: cms (CMS 8-minute rule, timed minutes pooled), from policy medicaid on 2026-03-02',
    );
  });

  it('text output has the lines, the explanation and the what-if', async () => {
    const r = await runCli(['units', '97530=33', '97110=10']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/97530\s+33\s+2/);
    expect(r.stdout).toMatch(/total\s+43\s+3/);
    expect(r.stdout).toContain('Why:');
    expect(r.stdout).toContain('What if:');
    expect(r.stdout).toContain('10 minutes more');
  });

  it.each([
    [['units'], 'at least one CODE=MINUTES'],
    [['units', '97530'], "'97530' is not CODE=MINUTES"],
    [['units', '97530=ten'], "'97530=ten' is not CODE=MINUTES"],
    [['units', '97530=-5'], 'is not CODE=MINUTES'],
    [['units', '12345=10'], "'12345' is not a code in the catalog"],
    [['units', '--method', 'fast', '97530=10'], "unknown --method 'fast'"],
    [['units', '--date', '2026-02-30', '97530=10'], '--date'],
    [['units', '--json=yes', '97530=10'], '--json'],
  ])('%j is a usage error (exit 2)', async (args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });
});
