import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type PostableClaim, postRemittance, read835, remittanceKey } from '../src/index.ts';
import { THERAPY_BATCH } from './fixtures/therapy-batch.ts';
import { fixtures } from './helpers.ts';

// Expected payer amounts per line, as the store would hold them from the rules engine's pricing.
const EXPECTED: Record<string, number> = {
  'UW000001-1': 6400,
  'UW000001-2': 2400,
  'UW000002-1': 5440,
  'UW000002-2': 2000,
};

function ours(status: PostableClaim['status'] = 'exported'): PostableClaim[] {
  return THERAPY_BATCH.claims.map((c) => ({
    claimId: c.claimId,
    status,
    ...(c.rendering ? { renderingNpi: c.rendering.npi } : {}),
    chargeCents: c.lines.reduce((t, l) => t + l.chargeCents, 0),
    paidCents: 0,
    firstDate: c.lines[0]?.dateOfService ?? '',
    lastDate: c.lines[0]?.dateOfService ?? '',
    patient: { memberId: c.subscriber.memberId, lastName: c.subscriber.lastName, firstName: c.subscriber.firstName },
    postings: [],
    lines: c.lines.map((l) => ({ ...l, expectedCents: EXPECTED[l.controlNumber] ?? null })),
  }));
}

function post(name: string, claims = ours(), already = new Set<string>()) {
  const bytes = readFileSync(path.join(fixtures, '835', name));
  const remit = read835(bytes);
  const key = remittanceKey(remit, bytes);
  return postRemittance(remit, claims, { key, alreadyPosted: already });
}

describe('postRemittance', () => {
  it('paid in full: matches by REF*6R, then by code + date + charge', () => {
    const r = post('paid.835');
    expect(r.posted).toBe(true);
    const c = r.claims[0];
    expect(c?.newStatus).toBe('paid');
    expect(c?.lines.map((l) => [l.controlNumber, l.matchedBy, l.paidCents])).toEqual([
      ['UW000001-1', 'line-control', 11000],
      ['UW000001-2', 'code-date-charge', 4500],
    ]);
    expect(r.denials).toEqual([]);
  });

  it('partly paid: contractual and patient amounts per line; variance against the expected payment', () => {
    const r = post('partly-paid.835');
    expect(r.claims[0]?.newStatus).toBe('partly-paid');
    expect(r.claims[0]?.lines.map((l) => [l.paidCents, l.contractualCents, l.patientCents, l.varianceCents])).toEqual([
      [6400, 3000, 1600, 0],
      [2400, 1500, 600, 0],
    ]);
    expect(r.totals).toEqual({ paidCents: 8800, contractualCents: 4500, patientCents: 2200, otherCents: 0 });
    expect(r.variances).toEqual([]);
    expect(r.denials).toEqual([]);
    expect(r.claims[0]?.lines[0]?.adjustments[1]?.explanation).toMatch(/Coinsurance/);
  });

  it('flags a line paid below what was expected', () => {
    const claims = ours();
    const line = claims[0]?.lines[0];
    if (line) line.expectedCents = 7000;
    const r = post('partly-paid.835', claims);
    expect(r.variances.map((v) => [v.controlNumber, v.varianceCents])).toEqual([['UW000001-1', -600]]);
  });

  it('denied CO-236: the denial report points to the ncci-pair rule, by payer and provider', () => {
    const r = post('denied-236.835');
    expect(r.claims[0]?.newStatus).toBe('partly-paid');
    expect(r.denials).toEqual([
      {
        carc: '236',
        explanation: expect.stringMatching(/NCCI/),
        cause: { category: 'ncci', rule: 'ncci-pair' },
        payerId: '1512345678',
        providerNpi: '1987654328',
        lines: 1,
        amountCents: 4000,
      },
    ]);
    expect(r.denialsByRule).toEqual({ 'ncci-pair': { lines: 1, amountCents: 4000 } });
    expect(r.claims[0]?.lines[1]?.remarks).toEqual([{ code: 'N20', explanation: expect.stringMatching(/bundling/) }]);
  });

  it('reversal then correction: the claim goes back to exported, then to its corrected status', () => {
    // The payment being reversed: $88.00 posted under CLP07 22025010600001 (partly-paid.835).
    const claims = ours('partly-paid').map((c) =>
      c.claimId === 'UW000001'
        ? { ...c, paidCents: 8800, postings: [{ key: 'payment|UW000001|22025010600001|0', paidCents: 8800 }] }
        : c,
    );
    const r = post('reversal-correction.835', claims);
    expect(r.claims.map((c) => [c.event, c.newStatus])).toEqual([
      ['reversed', 'exported'],
      ['partly-paid', 'partly-paid'],
    ]);
    expect(r.claims[0]?.lines.every((l) => l.reversal && l.varianceCents === null)).toBe(true);
    expect(r.totals.paidCents).toBe(400);
    expect(r.claims.map((c) => c.claimKey)).toEqual([
      'reversal|UW000001|22025010600001|0',
      'payment|UW000001|22025011700009|0',
    ]);
  });

  it('a reversal of a payment that was never posted here posts nothing, nor the correction after it', () => {
    const r = post('reversal-correction.835', ours('partly-paid'));
    expect(r.claims.map((c) => [c.matched, c.unmatched?.reason])).toEqual([
      [false, 'nothing-to-reverse'],
      // Still partly paid (nothing was reversed): $92.00 more on a $155.00 charge is allowed, and posts.
      [true, undefined],
    ]);
    expect(r.willPost).toEqual({ claims: 1, paidCents: 9200, patientCents: 2300 });
    expect(r.notPosted).toEqual({ claims: 1, paidCents: -8800, patientCents: -2200 });
  });

  it('posts the same file once (idempotency key: TRN02 + payer id + file hash)', () => {
    const first = post('paid.835');
    const again = post('paid.835', ours(), new Set([first.key]));
    expect(first.key).toMatch(/^EFT0000001@1512345678#[0-9a-f]{64}$/);
    expect(again.duplicate).toBe(true);
    expect(again.posted).toBe(false);
    expect(again.claims).toEqual([]);
  });

  it('refuses a file that does not balance', () => {
    const r = post('unbalanced.835');
    expect(r.posted).toBe(false);
    expect(r.refused).toMatch(/does not balance/);
  });

  it('lists claims that are not ours', () => {
    const r = post('paid.835', []);
    expect(r.unknownClaims).toEqual(['UW000001']);
    expect(r.claims[0]).toMatchObject({ known: false, matched: false, unmatched: { reason: 'unknown-claim' } });
    expect(r.totals).toEqual({ paidCents: 0, contractualCents: 0, patientCents: 0, otherCents: 0 });
    expect(r.notPosted).toEqual({ claims: 1, paidCents: 15500, patientCents: 0 });
  });
});
