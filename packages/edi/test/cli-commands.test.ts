import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
// The CLI commands that wrap this package; tested here, beside the code they print.
import { command as claims } from '../../cli/src/commands/claims.ts';
import { command as remit } from '../../cli/src/commands/remit.ts';
import type { CliIO } from '../../cli/src/io.ts';
import { read837, tokenize } from '../src/index.ts';
import { fixtures, hasShared, nodeX12Segments, normaliseControls, sharedX12 } from './helpers.ts';

interface Captured {
  io: CliIO;
  out: () => string;
  err: () => string;
}

function capture(cwd = fixtures, stdin = ''): Captured {
  let out = '';
  let err = '';
  return {
    io: {
      stdout: { write: (s: string) => (out += s) },
      stderr: { write: (s: string) => (err += s) },
      stdin: Readable.from([stdin]),
      env: {},
      cwd,
    },
    out: () => out,
    err: () => err,
  };
}

describe('unitwise remit read', () => {
  it('prints payments, adjustments in plain words and each balancing check; exit 0', async () => {
    const c = capture();
    expect(await remit.run(['read', '835/partly-paid.835'], c.io)).toBe(0);
    expect(c.out()).toMatch(/Payment \(ST 0001\): \$89.25 by ACH/);
    expect(c.out()).toMatch(/CO-45 \$30.00: The charge is above the fee schedule/);
    expect(c.out()).toMatch(/PR-2 \$16.00: Coinsurance/);
    expect(c.out()).toMatch(/transaction: 1 checked, all balance/);
    expect(c.out()).not.toMatch(/DOE|JANE/);
  });

  it('--json: { ok, balanced, errors } and exit 1 when the file does not balance', async () => {
    const c = capture();
    expect(await remit.run(['read', '835/unbalanced.835', '--json'], c.io)).toBe(1);
    const j = JSON.parse(c.out());
    expect(j.ok).toBe(false);
    expect(j.balanced).toBe(false);
    expect(j.errors[0]).toEqual({ where: 'ST 0001', message: expect.stringMatching(/BPR02 says \$88.01/) });
  });

  it('reads standard input with -', async () => {
    const c = capture(fixtures, readFileSync(path.join(fixtures, '835/paid.835'), 'utf8'));
    expect(await remit.run(['read', '-', '--json'], c.io)).toBe(0);
    expect(JSON.parse(c.out()).payments[0].claims[0].claimId).toBe('UW000001');
  });

  it('exit 2 with a one-line message for a missing or non-X12 file', async () => {
    await expect(remit.run(['read', 'nope.835'], capture().io)).rejects.toThrow(/cannot read nope.835: no such file/);
    await expect(remit.run(['read', 'billing.json'], capture().io)).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/No ISA segment/),
    });
  });

  it.skipIf(!hasShared)('the OopFactory reversal file: exit 1, reported as not balancing', async () => {
    const c = capture();
    const file = path.join(sharedX12, '835/oopfactory_835_example1_reversals_4010env.txt');
    expect(await remit.run(['read', file], c.io)).toBe(1);
    expect(c.out()).toMatch(/DOES NOT BALANCE/);
  });
});

describe('unitwise claims check', () => {
  it('prints claims, lines and passing checks for our 837P; exit 0', async () => {
    const c = capture();
    expect(await claims.run(['check', 'therapy-claims.837'], c.io)).toBe(0);
    expect(c.out()).toMatch(/3 claim\(s\), 6 line\(s\)/);
    expect(c.out()).toMatch(/line 2: 97140 GP CQ KX 59 2025-01-08; \$40.00, 1 unit/);
  });

  it.skipIf(!hasShared)('--json on a faulty file: errors with where; exit 1', async () => {
    const c = capture();
    const file = path.join(sharedX12, '837p/imsweb_segments_out_of_order.txt');
    expect(await claims.run(['check', file, '--json'], c.io)).toBe(1);
    const j = JSON.parse(c.out());
    expect(j.ok).toBe(false);
    expect(j.errors).toContainEqual({
      where: 'ST 987654 segment 34 (SE)',
      message: 'SE01 says 25 segments, but ST 987654 has 34 (ST to SE inclusive).',
    });
  });
});

describe('unitwise claims export', () => {
  it('writes an 837P of the claims that pass scrubbing and reports the held-back ones on stderr', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'uw-edi-'));
    const c = capture();
    const out = path.join(dir, 'out.837');
    const code = await claims.run(
      [
        'export',
        path.join(fixtures, 'therapy-case.json'),
        '--billing',
        path.join(fixtures, 'billing.json'),
        '--out',
        out,
      ],
      c.io,
    );
    expect(code).toBe(1);
    expect(c.err()).toMatch(/held back claim UW000002 \(visits V3\)/);
    expect(c.err()).toMatch(/Sam Roe, 2025-01-07: The member id is missing: copy it from the insurance card/);
    // The rule engine's error findings on the visit hold the claim back too, named by patient and date.
    expect(c.err()).toMatch(/Sam Roe, 2025-01-07: No PT plan of care covers 2025-01-07/);
    // Discipline and assistant modifiers are added by the builder, so no finding about them holds the claim.
    expect(c.err()).not.toMatch(/\b(GP|GO|GN|CQ|CO)\b/);
    const text = readFileSync(out, 'utf8');
    const f = read837(text);
    expect(f.errors).toEqual([]);
    expect(normaliseControls(nodeX12Segments(text))).toEqual(normaliseControls(tokenize(text).segments));
    expect(f.claims.map((x) => x.lines.map((l) => [l.code, ...l.modifiers].join(' ')))).toEqual([
      ['97530 GP', '97110 GP'],
      ['97530 GP CQ', '97140 GP CQ 59'],
    ]);
  });
});
