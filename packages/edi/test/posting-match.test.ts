/**
 * Where a payment belongs (issue 16): the table of matching decisions for one 835 claim, a property that a random
 * 835 never posts to a claim that was not sent nor beyond a claim's charge, and the identity of a payment across
 * re-encodings of the same file (another terminator, a stray control character, one altered service code).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CLAIM_STATUSES,
  type ClaimStatus,
  claimState,
  matchClaim,
  type PostableClaim,
  paymentIdentity,
  postRemittance,
  type RemitClaim,
  type Remittance,
  read835,
  remittanceKey,
  type UnmatchedReason,
} from '../src/index.ts';
import { fixtures } from './helpers.ts';

const PAID = readFileSync(path.join(fixtures, '835', 'paid.835'), 'utf8');

/** UW000001 as we sent it (therapy-batch.ts): $155.00 on 2025-01-06, Jane Doe, member 1EG4TE5MK73. */
function ours(over: Partial<PostableClaim> = {}): PostableClaim {
  return {
    claimId: 'UW000001',
    status: 'exported',
    chargeCents: 15500,
    paidCents: 0,
    firstDate: '2025-01-06',
    lastDate: '2025-01-06',
    patient: { memberId: '1EG4TE5MK73', lastName: 'Doe', firstName: 'Jane' },
    postings: [],
    lines: [
      { controlNumber: 'UW000001-1', code: '97530', dateOfService: '2025-01-06', chargeCents: 11000, units: 2 },
      { controlNumber: 'UW000001-2', code: '97110', dateOfService: '2025-01-06', chargeCents: 4500, units: 1 },
    ],
    ...over,
  };
}

/** The paid.835 CLP (paid in full; line 1 has REF*6R, line 2 only code, date and charge), changed by `edit`. */
function clp(edit: (c: RemitClaim) => void = () => {}): RemitClaim {
  const c = structuredClone(read835(PAID).transactions[0]?.claims[0]) as RemitClaim;
  edit(c);
  return c;
}

const KEY = 'payment|UW000001|22025010600001|0';

interface Row {
  name: string;
  claim?: PostableClaim | undefined;
  edit?: (c: RemitClaim) => void;
  samePayment?: boolean;
  /** The reason, or the new status when it matches. */
  want: UnmatchedReason | ClaimStatus;
}

const table: Row[] = [
  { name: 'exported, everything agrees', want: 'paid' },
  { name: 'no claim of ours has the number', claim: undefined, want: 'unknown-claim' },
  { name: 'a draft (never exported)', claim: ours({ status: 'draft' }), want: 'not-sent' },
  { name: 'ready but not exported', claim: ours({ status: 'ready' }), want: 'not-sent' },
  { name: 'replaced by a corrected claim', claim: ours({ status: 'corrected' }), want: 'retired' },
  { name: 'voided', claim: ours({ status: 'voided' }), want: 'retired' },
  { name: 'charge differs by one cent', claim: ours({ chargeCents: 15501 }), want: 'charge-differs' },
  {
    name: 'member id differs, name agrees (payer corrected the id)',
    edit: (c) => {
      if (c.patient) c.patient.id = 'OTHER';
    },
    want: 'paid',
  },
  {
    name: 'name differs, member id agrees ignoring case and dashes',
    claim: ours({ patient: { memberId: '1eg4-te5-mk73', lastName: 'Smith', firstName: 'Ann' } }),
    want: 'paid',
  },
  {
    name: 'member id and name both differ',
    claim: ours({ patient: { memberId: 'X1', lastName: 'Smith', firstName: 'Jane' } }),
    want: 'patient-differs',
  },
  {
    name: 'no patient on the payment',
    edit: (c) => {
      delete c.patient;
    },
    want: 'no-patient',
  },
  {
    name: 'service date one day off',
    claim: ours({ firstDate: '2025-01-07', lastDate: '2025-01-07' }),
    want: 'dates-differ',
  },
  {
    name: 'no date anywhere',
    edit: (c) => {
      for (const l of c.lines) delete l.dateOfService;
    },
    want: 'no-dates',
  },
  {
    name: 'a line (no REF*6R) whose code is none of ours',
    edit: (c) => {
      const l = c.lines[1];
      if (l) l.procedure.code = '97112';
    },
    want: 'line-unmatched',
  },
  {
    name: 'a REF*6R of ours saves a re-coded line',
    edit: (c) => {
      const l = c.lines[0];
      if (l) l.procedure.code = '97535';
    },
    want: 'paid',
  },
  {
    name: 'the same claim payment posted before',
    claim: ours({ postings: [{ key: KEY, paidCents: 15500 }] }),
    want: 'already-posted',
  },
  { name: 'posted before from this very payment', samePayment: true, want: 'already-posted' },
  {
    name: 'payments would exceed the charge',
    claim: ours({ status: 'partly-paid', paidCents: 100 }),
    want: 'overpaid',
  },
  {
    name: 'a reprocessed denial (new CLP07) pays a denied claim',
    claim: ours({ status: 'denied', postings: [{ key: 'payment|UW000001|OLDICN|0', paidCents: 0 }] }),
    want: 'paid',
  },
  {
    name: 'a reversal of a claim nothing was posted to',
    edit: (c) => {
      c.status = '22';
      c.paidCents = -15500;
    },
    want: 'nothing-to-reverse',
  },
  {
    name: 'a reversal of a payment posted under another CLP07',
    claim: ours({
      status: 'paid',
      paidCents: 15500,
      postings: [{ key: 'payment|UW000001|OTHER|0', paidCents: 15500 }],
    }),
    edit: (c) => {
      c.status = '22';
      c.paidCents = -15500;
    },
    want: 'nothing-to-reverse',
  },
  {
    name: 'a reversal of another amount than was posted',
    claim: ours({ status: 'paid', paidCents: 15500, postings: [{ key: KEY, paidCents: 15500 }] }),
    edit: (c) => {
      c.status = '22';
      c.paidCents = -15000;
    },
    want: 'reversal-differs',
  },
  {
    name: 'a reversal of the payment posted: back to exported',
    claim: ours({ status: 'paid', paidCents: 15500, postings: [{ key: KEY, paidCents: 15500 }] }),
    edit: (c) => {
      c.status = '22';
      c.paidCents = -15500;
      for (const l of c.lines) l.chargeCents = -l.chargeCents;
    },
    want: 'exported',
  },
  {
    name: 'a second reversal of the same payment',
    claim: ours({
      status: 'exported',
      postings: [
        { key: KEY, paidCents: 15500 },
        { key: 'reversal|UW000001|22025010600001|0', paidCents: -15500 },
      ],
    }),
    edit: (c) => {
      c.status = '22';
      c.paidCents = -15500;
    },
    want: 'nothing-to-reverse',
  },
  {
    name: 'a correction that reuses the CLP07 after its reversal',
    claim: ours({
      status: 'exported',
      postings: [
        { key: KEY, paidCents: 15500 },
        { key: 'reversal|UW000001|22025010600001|0', paidCents: -15500 },
      ],
    }),
    want: 'paid',
  },
];

describe('matchClaim: where one 835 claim belongs', () => {
  it.each(table)('$name → $want', (row) => {
    const claim = 'claim' in row ? row.claim : ours();
    const m = matchClaim(clp(row.edit), claim, claim ? claimState(claim) : undefined, row.samePayment ?? false);
    if (m.ok) expect(m.newStatus).toBe(row.want);
    else {
      expect(m.reason).toBe(row.want);
      // Plain words for a biller: no segment names, no patient names.
      expect(m.message).not.toMatch(/NM1|CLP0|REF\*|Doe|Jane/);
    }
  });

  it('the key of a correction after a reversal counts the reversal, so it is a new payment', () => {
    const claim = ours({
      status: 'exported',
      postings: [
        { key: KEY, paidCents: 15500 },
        { key: 'reversal|UW000001|22025010600001|0', paidCents: -15500 },
      ],
    });
    const m = matchClaim(clp(), claim, claimState(claim));
    expect(m.ok && m.key).toBe('payment|UW000001|22025010600001|1');
  });
});

/** A balanced-by-construction remittance of the given claims (the property works on the model, not on text). */
function remitOf(claims: RemitClaim[]): Remittance {
  const total = claims.reduce((t, c) => t + c.paidCents, 0);
  return {
    interchange: { control: '1', sender: 'P', receiver: 'U', date: '2025-01-20', version: '00501' },
    transactions: [
      {
        where: 'ST 0001',
        control: '0001',
        handling: 'I',
        totalCents: total,
        creditDebit: 'C',
        method: 'ACH',
        paymentDate: '2025-01-20',
        traceNumber: 'EFT1',
        payerId: '1512345678',
        payer: { name: 'MAC' },
        payee: { name: 'Clinic', id: '1234567893' },
        claims,
        providerAdjustments: [],
        paidTotalCents: total,
        plbTotalCents: 0,
        claimCount: claims.length,
        lineCount: claims.reduce((t, c) => t + c.lines.length, 0),
      },
    ],
    checks: [],
    summary: {
      service: { checked: 0, failed: 0 },
      claim: { checked: 0, failed: 0 },
      transaction: { checked: 1, failed: 0 },
    },
    balanced: true,
    errors: [],
    warnings: [],
    segmentCount: 0,
  };
}

const NUMBERS = ['UW000001', 'UW000002', 'UW000003', 'UW000004'];
const DATES = ['2025-01-06', '2025-01-07'];
const CODES = ['97110', '97530'];

const arbOurs = fc.record({
  status: fc.constantFrom(...CLAIM_STATUSES),
  code: fc.constantFrom(...CODES),
  date: fc.constantFrom(...DATES),
  chargeCents: fc.constantFrom(4500, 9000),
  paidCents: fc.constantFrom(0, 4500),
  memberId: fc.constantFrom('M1', 'M2'),
  lastName: fc.constantFrom('Doe', 'Roe'),
});

const arbClp = fc.record({
  number: fc.constantFrom(...NUMBERS, 'ELSEWHERE1'),
  status: fc.constantFrom('1', '2', '4', '22'),
  pcn: fc.constantFrom('ICN1', 'ICN2'),
  code: fc.constantFrom(...CODES, '97112'),
  date: fc.constantFrom(...DATES),
  chargeCents: fc.constantFrom(4500, 9000),
  paidCents: fc.integer({ min: 0, max: 9000 }),
  memberId: fc.constantFrom('M1', 'M2', 'M9'),
  lastName: fc.constantFrom('Doe', 'Roe', 'Poe'),
  control: fc.boolean(),
});

describe('property: a random 835 never changes a claim that was not exported', () => {
  it('posts only to sent claims, never beyond their charge, never below nothing', () => {
    fc.assert(
      fc.property(fc.array(arbOurs, { minLength: 4, maxLength: 4 }), fc.array(arbClp, { maxLength: 12 }), (os, cs) => {
        const claims: PostableClaim[] = os.map((o, i) => {
          const number = NUMBERS[i] as string;
          return {
            claimId: number,
            status: o.status,
            chargeCents: o.chargeCents,
            // Only a claim the payer answered has money on it.
            paidCents: ['paid', 'partly-paid', 'denied'].includes(o.status) ? Math.min(o.paidCents, o.chargeCents) : 0,
            firstDate: o.date,
            lastDate: o.date,
            patient: { memberId: o.memberId, lastName: o.lastName, firstName: 'Pat' },
            postings: o.status === 'paid' ? [{ key: `payment|${number}|ICN1|0`, paidCents: o.paidCents }] : [],
            lines: [
              {
                controlNumber: `${number}-1`,
                code: o.code,
                dateOfService: o.date,
                chargeCents: o.chargeCents,
                units: 1,
              },
            ],
          };
        });
        const rcs: RemitClaim[] = cs.map((c, i) => {
          const sign = c.status === '22' ? -1 : 1;
          return {
            segment: i + 1,
            claimId: c.number,
            status: c.status,
            chargeCents: sign * c.chargeCents,
            paidCents: sign * Math.min(c.paidCents, c.chargeCents),
            patientCents: 0,
            filingIndicator: 'MB',
            payerClaimNumber: c.pcn,
            facility: '11',
            frequency: '1',
            patient: { lastName: c.lastName, firstName: 'Pat', idQualifier: 'MI', id: c.memberId },
            adjustments: [],
            remarks: [],
            lines: [
              {
                segment: i + 2,
                procedure: { qualifier: 'HC', code: c.code, modifiers: [] },
                chargeCents: sign * c.chargeCents,
                paidCents: sign * Math.min(c.paidCents, c.chargeCents),
                units: sign,
                dateOfService: c.date,
                adjustments: [],
                ...(c.control ? { lineControl: `${c.number}-1` } : {}),
                remarks: [],
              },
            ],
          };
        });
        const r = postRemittance(remitOf(rcs), claims, { key: 'k', alreadyPosted: new Set() });
        const paid = new Map(claims.map((c) => [c.claimId, c.paidCents]));
        for (const p of r.claims) {
          const c = claims.find((x) => x.claimId === p.claimId);
          if (!p.matched) {
            expect(p.newStatus).toBeUndefined();
            expect(p.lines.every((l) => l.controlNumber === null)).toBe(true);
            expect(p.unmatched?.message.length).toBeGreaterThan(10);
            continue;
          }
          expect(c).toBeDefined();
          if (!c) continue;
          expect(['exported', 'paid', 'partly-paid', 'denied']).toContain(c.status);
          const total = (paid.get(c.claimId) ?? 0) + p.paidCents;
          expect(total).toBeLessThanOrEqual(c.chargeCents);
          expect(total).toBeGreaterThanOrEqual(0);
          paid.set(c.claimId, total);
        }
        expect(r.willPost.claims + r.notPosted.claims).toBe(rcs.length);
        expect(r.totals.paidCents).toBe(r.claims.filter((p) => p.matched).reduce((t, p) => t + p.paidCents, 0));
      }),
      { numRuns: 400 },
    );
  });
});

describe('payment identity: the same payment in other bytes', () => {
  const variants: [string, string][] = [
    ['the file as sent', PAID],
    ['another segment terminator (newline)', PAID.replace(/~\n?/g, '\n')],
    ['a stray control character', PAID.replace('N1*PR*EXAMPLE MAC', 'N1*PR*EXAMPLE\u0007 MAC')],
    ['one altered service code', PAID.replace('SVC*HC:97110:GP', 'SVC*HC:97112:GP')],
    ['CRLF line ends', PAID.replace(/~\n/g, '~\r\n')],
  ];

  it.each(variants)('%s: same identity, other file key', (_name, text) => {
    const remit = read835(text);
    const first = read835(PAID);
    expect(remit.transactions.map(paymentIdentity)).toEqual(first.transactions.map(paymentIdentity));
    expect(paymentIdentity(first.transactions[0] as Remittance['transactions'][0]).key).toBe(
      '1512345678|EFT0000001|15500|2025-01-20',
    );
    if (text !== PAID) expect(remittanceKey(remit, text)).not.toBe(remittanceKey(first, PAID));
  });

  it.each(variants)('%s: once its payment is posted, posting it again changes nothing', (_name, text) => {
    const remit = read835(text);
    const id = paymentIdentity(remit.transactions[0] as Remittance['transactions'][0]);
    const r = postRemittance(
      remit,
      [ours({ status: 'paid', paidCents: 15500, postings: [{ key: KEY, paidCents: 15500 }] })],
      {
        key: remittanceKey(remit, text),
        alreadyPosted: new Set(),
        postedPayments: new Map([[id.key, new Set(['UW000001'])]]),
      },
    );
    expect(r.willPost.claims).toBe(0);
    expect(r.claims[0]?.unmatched?.reason).toBe('already-posted');
    if (remit.errors.length === 0) expect(r.duplicate).toBe(true);
  });
});
