import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAmount, parseCents, read835, read835Stream } from '../src/index.ts';
import { fixtures } from './helpers.ts';

const load = (name: string) => readFileSync(path.join(fixtures, '835', name));

describe('835 reader on our therapy remittances', () => {
  it('paid in full: balances, SVC05 missing means 1 unit', () => {
    const r = read835(load('paid.835'));
    expect(r.errors).toEqual([]);
    expect(r.balanced).toBe(true);
    const t = r.transactions[0];
    expect(t?.traceNumber).toBe('EFT0000001');
    expect(t?.payerId).toBe('1512345678');
    expect(t?.paymentDate).toBe('2025-01-20');
    expect(t?.payee).toEqual({ name: 'EXAMPLE PT CLINIC', idQualifier: 'XX', id: '1234567893', taxId: '123456789' });
    expect(t?.claims[0]?.lines.map((l) => [l.procedure.code, l.paidCents, l.units, l.lineControl])).toEqual([
      ['97530', 11000, 2, 'UW000001-1'],
      ['97110', 4500, 1, undefined],
    ]);
  });

  it('partly paid: CO-45 and PR-2 per line, PLB interest, all three checks hold', () => {
    const r = read835(load('partly-paid.835'));
    expect(r.balanced).toBe(true);
    expect(r.summary).toEqual({
      service: { checked: 2, failed: 0 },
      claim: { checked: 2, failed: 0 },
      transaction: { checked: 1, failed: 0 },
    });
    const l = r.transactions[0]?.claims[0]?.lines[0];
    expect(l?.adjustments).toEqual([
      { group: 'CO', reason: '45', amountCents: 3000 },
      { group: 'PR', reason: '2', amountCents: 1600 },
    ]);
    expect(l?.allowedCents).toBe(8000);
    expect(r.transactions[0]?.providerAdjustments[0]).toMatchObject({ reason: 'L6', amountCents: -125 });
  });

  it('denied CO-236 with remark N20 on the NCCI column-2 line', () => {
    const line = read835(load('denied-236.835')).transactions[0]?.claims[0]?.lines[1];
    expect(line?.procedure).toEqual({ qualifier: 'HC', code: '97140', modifiers: ['GP', 'CQ', 'KX', '59'] });
    expect(line?.adjustments).toEqual([{ group: 'CO', reason: '236', amountCents: 4000 }]);
    expect(line?.remarks).toEqual(['N20']);
  });

  it('reversal and correction (CRLF): negative amounts and units, both claims balance', () => {
    const r = read835(load('reversal-correction.835'));
    expect(r.balanced).toBe(true);
    const [rev, cor] = r.transactions[0]?.claims ?? [];
    expect(rev?.status).toBe('22');
    expect(rev?.paidCents).toBe(-8800);
    expect(rev?.lines[0]?.units).toBe(-2);
    expect(cor?.paidCents).toBe(9200);
    expect(r.transactions[0]?.totalCents).toBe(400);
  });

  it('reports a file that does not balance, naming where and by how much', () => {
    const r = read835(load('unbalanced.835'));
    expect(r.balanced).toBe(false);
    expect(r.errors).toEqual([
      {
        where: 'ST 0001',
        message:
          'Does not balance (transaction). Payment EFT0000005: Σ claim payments $88.00 − provider adjustments $0.00 = $88.00; BPR02 says $88.01.',
      },
    ]);
  });

  it('streaming with flat memory gives the same totals and calls back each claim', async () => {
    const bytes = load('reversal-correction.835');
    const seen: string[] = [];
    const chunks = Array.from({ length: Math.ceil(bytes.length / 5) }, (_, i) => bytes.subarray(i * 5, i * 5 + 5));
    const r = await read835Stream(chunks, { onClaim: (c) => seen.push(`${c.claimId}/${c.status}`) });
    expect(seen).toEqual(['UW000001/22', 'UW000001/1']);
    expect(r.transactions[0]?.claims).toEqual([]);
    expect(r.transactions[0]?.paidTotalCents).toBe(400);
    expect(r.balanced).toBe(true);
  });
});

describe('amounts', () => {
  it('parseCents inverts formatAmount for any cents', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (c) => {
        expect(parseCents(formatAmount(c))).toBe(c);
      }),
    );
  });

  it.each([
    ['945.00', 94500],
    ['-42.58', -4258],
    ['56.7', 5670],
    ['.5', 50],
    ['1.005', 101],
    ['+3', 300],
    ['', null],
    ['1,00', null],
    ['-', null],
  ])('parseCents(%j) = %j', (s, c) => expect(parseCents(s)).toBe(c));

  it.each([
    [10000, '100'],
    [12350, '123.5'],
    [12345, '123.45'],
    [5, '0.05'],
    [-4258, '-42.58'],
  ])('formatAmount(%j) = %j', (c, s) => expect(formatAmount(c)).toBe(s));
});

describe('an SVC composite with another separator than ISA16', () => {
  it('reads the code and warns', () => {
    const text = readFileSync(path.join(fixtures, '835', 'paid.835'), 'utf8');
    const changed = text.replace(/SVC\*HC:(\d{5}):GP/, 'SVC*HC>$1>GP');
    expect(changed).not.toBe(text);
    const plain = read835(text);
    const r = read835(changed);
    expect(r.transactions[0]?.claims[0]?.lines[0]?.procedure.code).toBe(
      plain.transactions[0]?.claims[0]?.lines[0]?.procedure.code,
    );
    expect(r.warnings.some((w) => /SVC01 "HC>\d{5}.*" separates its parts with ">"/.test(w.message))).toBe(true);
  });
});
