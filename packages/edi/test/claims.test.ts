import type { Visit } from '@unitwise/rules';
import { createPolicyRegistry } from '@unitwise/rules';
import { describe, expect, it } from 'vitest';
import {
  type BuildClaimsInput,
  buildClaims,
  type Claim,
  nextStatus,
  orderModifiers,
  type SignedVisit,
  scrubClaim,
  visitAsBilled,
} from '../src/index.ts';
import { THERAPY_BATCH } from './fixtures/therapy-batch.ts';

const billing = THERAPY_BATCH.billingProvider;
const patient: SignedVisit['patient'] = {
  id: 'P1',
  lastName: 'Doe',
  firstName: 'Jane',
  birthDate: '1950-01-01',
  sex: 'F',
  address: { line1: '1 Elm St', city: 'Anytown', state: 'NY', zip: '12345' },
  coverage: { memberId: '1EG4TE5MK73', filingIndicator: 'MB' },
};
const payer = { id: '12345', name: 'Example MAC', policyId: 'medicare' };
const pt = { npi: '1987654328', lastName: 'Lee', firstName: 'Jordan' };
const doctor = { npi: '1245319599', lastName: 'Okafor', firstName: 'Grace' };

function visit(id: string, date: string, credential: 'PT' | 'PTA', services: Visit['services']): Visit {
  return { id, patientId: 'P1', date, discipline: 'PT', provider: { id: 'pt1', credential }, services };
}

const visits: SignedVisit[] = [
  {
    visit: visit('V1', '2025-01-06', 'PT', [
      { code: '97530', minutes: 33 },
      { code: '97110', minutes: 10 },
    ]),
    patient,
    payer,
    rendering: pt,
    referring: doctor,
    diagnoses: ['M25.561', 'M62.81'],
  },
  {
    visit: visit('V2', '2025-01-08', 'PTA', [
      { code: '97530', minutes: 30, assistantMinutes: 30 },
      { code: '97140', minutes: 15, assistantMinutes: 15, modifiers: ['59'] },
    ]),
    patient,
    payer,
    rendering: pt,
    referring: doctor,
    diagnoses: ['M25.561'],
    kx: true,
  },
];

const input = (period: BuildClaimsInput['period']): BuildClaimsInput => ({
  visits,
  billingProvider: billing,
  chargeMaster: { '97530': 5500, '97110': 4500, '97140': 4000 },
  period,
  claimIdPrefix: 'UW',
  firstSequence: 7,
});

describe('buildClaims', () => {
  it('one claim per patient, payer and visit date; units from the engine; modifiers in order', () => {
    const built = buildClaims(input('visit'));
    expect(built.map((b) => b.claim.claimId)).toEqual(['UW000007', 'UW000008']);
    const [a, b] = built;
    expect(a?.claim.lines.map((l) => [l.code, l.units, l.modifiers, l.chargeCents, l.controlNumber])).toEqual([
      ['97530', 2, ['GP'], 11000, 'UW000007-1'],
      ['97110', 1, ['GP'], 4500, 'UW000007-2'],
    ]);
    expect(b?.claim.lines.map((l) => [l.code, l.modifiers])).toEqual([
      ['97530', ['GP', 'CQ', 'KX']],
      ['97140', ['GP', 'CQ', 'KX', '59']],
    ]);
    expect(a?.claim.chargeCents).toBe(15500);
    expect(a?.claim.rendering?.npi).toBe('1987654328');
    expect(a?.claim.referring).toEqual(doctor);
    expect(a?.claim.subscriber.address).toEqual(patient.address);
    expect(a?.claim.lines[0]?.diagnosisPointers).toEqual([1, 2]);
    expect(a?.status).toBe('draft');
    expect(a?.expectedCents.every((c) => c !== null && c > 0)).toBe(true);
    expect(scrubClaim(a?.claim as Claim, billing, a?.findings, a?.problems)).toEqual({
      ok: true,
      errors: [],
      warnings: [],
    });
  });

  it('a monthly claim keeps each date of service on its own line', () => {
    const [c] = buildClaims(input('month'));
    expect(c?.claim.lines.map((l) => `${l.dateOfService} ${l.code}`)).toEqual([
      '2025-01-06 97530',
      '2025-01-06 97110',
      '2025-01-08 97530',
      '2025-01-08 97140',
    ]);
    expect(c?.visitIds).toEqual(['V1', 'V2']);
  });

  it('merges a code billed twice on one date into one line', () => {
    const twice: SignedVisit[] = [
      { ...(visits[0] as SignedVisit), units: [2, 1] },
      { ...(visits[0] as SignedVisit), visit: { ...(visits[0] as SignedVisit).visit, id: 'V1b' }, units: [1, 0] },
    ];
    const [c] = buildClaims({ ...input('visit'), visits: twice });
    expect(c?.claim.lines.map((l) => [l.code, l.units, l.chargeCents])).toEqual([
      ['97530', 3, 16500],
      ['97110', 1, 4500],
    ]);
  });

  it('orders discipline, assistant, KX, NCCI, then the rest', () => {
    const v = visit('V', '2025-01-08', 'PTA', []);
    expect(
      orderModifiers(
        v,
        { code: '97140', minutes: 15, modifiers: ['xu', 'GA', 'KX'] },
        { discipline: true, assistant: true, kx: false },
      ),
    ).toEqual(['GP', 'CQ', 'KX', 'XU', 'GA']);
    const ptVisit = visit('V', '2025-01-08', 'PT', []);
    expect(
      orderModifiers(
        ptVisit,
        { code: '97110', minutes: 20, assistantMinutes: 2 },
        { discipline: true, assistant: true, kx: false },
      ),
    ).toEqual(['GP']);
    expect(
      orderModifiers(
        ptVisit,
        { code: '97110', minutes: 20, assistantMinutes: 3 },
        { discipline: true, assistant: true, kx: true },
      ),
    ).toEqual(['GP', 'CQ', 'KX']);
  });
});

describe('visitAsBilled', () => {
  it('gives each service the modifiers its claim line gets, so the audit sees the visit as billed', () => {
    const v = (visits[1] as SignedVisit).visit;
    const billed = visitAsBilled(v, createPolicyRegistry().resolve('medicare', v.date), true);
    expect(billed.services.map((s) => s.modifiers)).toEqual([
      ['GP', 'CQ', 'KX'],
      ['GP', 'CQ', 'KX', '59'],
    ]);
    expect(v.services[0]?.modifiers).toBeUndefined();
  });
});

describe('scrubClaim', () => {
  const good: Claim = {
    ...(THERAPY_BATCH.claims[0] as Claim),
    referring: { npi: '1245319599', lastName: 'Okafor', firstName: 'Grace' },
  };

  it('passes a sound claim', () => {
    expect(scrubClaim(good, billing)).toEqual({ ok: true, errors: [], warnings: [] });
  });

  it('warns, without holding back, on a Medicare claim with no referring provider', () => {
    const r = scrubClaim({ ...good, referring: undefined }, billing);
    expect(r.ok).toBe(true);
    expect(r.warnings.map((w) => w.where)).toEqual([`claim ${good.claimId} referring provider`]);
    expect(
      scrubClaim({ ...good, referring: undefined, subscriber: { ...good.subscriber, filingIndicator: 'CI' } }, billing)
        .warnings,
    ).toEqual([]);
  });

  it.each([
    ['a bad NPI check digit', {}, { ...billing, npi: '1234567890' }, /NPI 1234567890 fails the check digit/],
    ['a non-ICD-10 diagnosis', { diagnoses: ['724.2'] }, billing, /"724.2" is not an ICD-10-CM code/],
    ['a missing member id', { subscriber: { ...good.subscriber, memberId: ' ' } }, billing, /member id/],
    ['a missing payer id', { payer: { name: 'X', id: '' } }, billing, /payer id is missing/],
    ['a charge that is not the sum of lines', { chargeCents: 15000 }, billing, /does not equal the sum of its lines/],
    ['a replacement without payer claim number', { frequency: '7' as const }, billing, /needs the payer claim number/],
    [
      '51 lines',
      {
        lines: Array.from({ length: 51 }, (_, i) => ({
          ...(good.lines[0] as Claim['lines'][number]),
          controlNumber: `L${i}`,
        })),
        chargeCents: undefined,
      },
      billing,
      /at most 50: split it/,
    ],
    ['a 5-digit billing ZIP', {}, { ...billing, address: { ...billing.address, zip: '12345' } }, /9 digits/],
    [
      'a subscriber-patient without an address',
      { subscriber: { ...good.subscriber, address: undefined } },
      billing,
      /patient’s street address, city, state and ZIP are missing/,
    ],
    [
      'a dependent patient without an address',
      { patient: { relationship: '19', lastName: 'Doe', firstName: 'Kim' } },
      billing,
      /patient’s street address/,
    ],
    [
      'a credential in the rendering provider’s last name',
      { rendering: { npi: '1987654328', lastName: 'THERAPIST, OT', firstName: 'OLGA' } },
      billing,
      /last name without the credential/,
    ],
    [
      'a referring NPI that fails its check digit',
      { referring: { npi: '1245319598', lastName: 'Okafor' } },
      billing,
      /referring provider's NPI 1245319598 fails/,
    ],
  ])('holds back %s', (_name, patch, bp, message) => {
    const r = scrubClaim({ ...good, ...patch }, bp);
    expect(r.ok).toBe(false);
    expect(r.errors.map((e) => e.message).join('\n')).toMatch(message);
  });

  it('holds back on an error finding from the rule engine, and passes warnings through', () => {
    const r = scrubClaim(good, billing, [
      {
        visitId: 'V2',
        finding: { rule: 'ncci-pair', severity: 'error', message: '97140 with 97530 needs 59.', service: 1 },
      },
      { visitId: 'V2', finding: { rule: 'vague-description', severity: 'warning', message: 'Say what task.' } },
    ]);
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual([{ where: 'visit V2 service 1', message: 'ncci-pair: 97140 with 97530 needs 59.' }]);
    expect(r.warnings).toHaveLength(1);
  });
});

describe('claim status', () => {
  it.each([
    ['draft', 'scrub-passed', 'ready'],
    ['ready', 'exported', 'exported'],
    ['exported', 'paid', 'paid'],
    ['exported', 'partly-paid', 'partly-paid'],
    ['exported', 'denied', 'denied'],
    ['denied', 'corrected', 'corrected'],
    ['paid', 'voided', 'voided'],
    ['partly-paid', 'reversed', 'exported'],
  ] as const)('%s + %s → %s', (from, event, to) => {
    expect(nextStatus(from, event)).toEqual({ ok: true, status: to });
  });

  it.each([
    ['draft', 'exported'],
    ['voided', 'paid'],
    ['corrected', 'edited'],
  ] as const)('%s cannot be %s', (from, event) => {
    const r = nextStatus(from, event);
    expect(r.ok).toBe(false);
  });
});
