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
  const line = good.lines[0] as Claim['lines'][number];

  it('passes a sound claim', () => {
    expect(scrubClaim(good, billing)).toEqual({ ok: true, errors: [], warnings: [] });
  });

  it('warns, without holding back, on a Medicare claim with no referring provider', () => {
    const r = scrubClaim({ ...good, referring: undefined }, billing);
    expect(r.ok).toBe(true);
    expect(r.warnings.map((w) => w.where)).toEqual(['Jane Doe, 2025-01-06']);
    expect(r.warnings[0]?.message).toContain('No referring provider');
    expect(
      scrubClaim({ ...good, referring: undefined, subscriber: { ...good.subscriber, filingIndicator: 'CI' } }, billing)
        .warnings,
    ).toEqual([]);
  });

  // Each message names the patient, the date of service and the code (where), says what to fix and where in the
  // app; none carries an API path, a rule id or a record id.
  it.each([
    [
      'a bad billing NPI check digit',
      {},
      { ...billing, npi: '1234567890' },
      'Jane Doe, 2025-01-06',
      'Billing provider NPI "1234567890": The last digit of this NPI does not match the others (check digit): check for a typo. Fix it in Billing settings → Billing provider → NPI.',
    ],
    [
      'a tax id of eight digits',
      {},
      { ...billing, taxId: '12345678' },
      'Jane Doe, 2025-01-06',
      'Billing provider tax id "12345678": A tax id (EIN) is nine digits, written 12-3456789. Fix it in Billing settings → Billing provider → Tax id (EIN).',
    ],
    [
      'a 5-digit billing ZIP',
      {},
      { ...billing, address: { ...billing.address, zip: '12345' } },
      'Jane Doe, 2025-01-06',
      'The billing address needs a ZIP+4: nine digits, 12345-6789. Fix it in Billing settings → Billing provider → ZIP+4.',
    ],
    [
      'a bad rendering NPI',
      { rendering: { npi: '1987654320', lastName: 'Lee', firstName: 'Jordan' } },
      billing,
      'Jane Doe, 2025-01-06',
      'The treating provider’s NPI (Jordan Lee, "1987654320"): The last digit of this NPI does not match the others (check digit): check for a typo. Ask the clinic owner to correct it in Administration → Providers.',
    ],
    [
      'a non-ICD-10 diagnosis',
      { diagnoses: ['724.2', 'M62.81'] },
      billing,
      'Jane Doe, 2025-01-06',
      '"724.2" is not an ICD-10-CM code (a letter, a digit, then up to five letters or digits, e.g. M17.11): correct the diagnosis in Jane Doe’s plan of care (Patients → Jane Doe → Plans of care), then rebuild the claim.',
    ],
    [
      'no diagnosis',
      { diagnoses: [], lines: [{ ...line, diagnosisPointers: [] }], chargeCents: undefined },
      billing,
      'Jane Doe, 2025-01-06',
      'No diagnosis: add the ICD-10-CM diagnosis to Jane Doe’s plan of care (Patients → Jane Doe → Plans of care), then rebuild the claim.',
    ],
    [
      'a missing member id',
      { subscriber: { ...good.subscriber, memberId: ' ' } },
      billing,
      'Jane Doe, 2025-01-06',
      'The member id is missing: copy it from the insurance card into Patients → Jane Doe → Coverage.',
    ],
    [
      'a missing payer id',
      { payer: { name: 'Example MAC', id: '' } },
      billing,
      'Jane Doe, 2025-01-06',
      'Example MAC has no payer id: enter the id your clearinghouse lists for it in Billing settings → Payers, then rebuild the claim.',
    ],
    [
      'a code without a charge',
      { lines: [{ ...line, chargeCents: 0 }], chargeCents: undefined },
      billing,
      'Jane Doe, 2025-01-06, 97530',
      'No charge is set for 97530 (Therapeutic activities): enter your charge per unit in Billing settings → Charges, then rebuild the claim.',
    ],
    [
      'a malformed modifier',
      { lines: [{ ...line, modifiers: ['G'] }], chargeCents: undefined },
      billing,
      'Jane Doe, 2025-01-06, 97530',
      'Modifier "G" on 97530 is not a two-character modifier: ask the therapist to correct the note (Patients → Jane Doe → the visit of 2025-01-06).',
    ],
    [
      'a total that is not the sum of lines',
      { chargeCents: 15000 },
      billing,
      'Jane Doe, 2025-01-06',
      'The claim total ($150.00) does not equal the sum of its lines ($155.00): rebuild the claim.',
    ],
    [
      'a replacement without the payer claim number',
      { frequency: '7' as const },
      billing,
      'Jane Doe, 2025-01-06',
      'A corrected or voided claim needs the payer’s claim number from its remittance (835): post the payer’s 835 for the original claim first.',
    ],
    [
      '51 lines',
      {
        lines: Array.from({ length: 51 }, (_, i) => ({ ...line, controlNumber: `L${i}` })),
        chargeCents: undefined,
      },
      billing,
      'Jane Doe, 2025-01-06',
      'The claim has 51 lines and a claim takes at most 50: split it by billing each visit date on its own claim (Billing settings → Claims → One claim per).',
    ],
    [
      'a subscriber-patient without an address',
      { subscriber: { ...good.subscriber, address: undefined } },
      billing,
      'Jane Doe, 2025-01-06',
      'Jane Doe’s street address, city, state and ZIP are missing: add them in Patients → Jane Doe.',
    ],
    [
      'a credential in the rendering provider’s last name',
      { rendering: { npi: '1987654328', lastName: 'THERAPIST, OT', firstName: 'OLGA' } },
      billing,
      'Jane Doe, 2025-01-06',
      'The treating provider’s name "THERAPIST, OT" must be a last name without the credential (837P NM1*82): correct it in Administration → Providers.',
    ],
    [
      'a referring NPI that fails its check digit',
      { referring: { npi: '1245319598', lastName: 'Okafor' } },
      billing,
      'Jane Doe, 2025-01-06',
      'The referring provider’s NPI ("1245319598"): The last digit of this NPI does not match the others (check digit): check for a typo. Correct it in Patients → Jane Doe → Referring provider.',
    ],
  ])('holds back %s, saying what to fix and where', (_name, patch, bp, where, message) => {
    const r = scrubClaim({ ...good, ...patch }, bp);
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual([{ where, message }]);
    expect(message).not.toMatch(/\/api\/|PUT |[0-9a-f]{8}-[0-9a-f]{4}/);
  });

  it('says once that billing settings were never saved, instead of one message per empty field', () => {
    const empty = { name: '', npi: '', taxId: '', address: { line1: '', city: '', state: '', zip: '' } };
    const r = scrubClaim(good, empty, [], [], { settingsUnset: true });
    expect(r.errors).toEqual([
      {
        where: 'Jane Doe, 2025-01-06',
        message:
          'The billing settings are not filled in: enter the billing provider, submitter and receiver in Billing settings, then rebuild the claims.',
      },
    ]);
  });

  it('holds back on an error finding from the rule engine, naming patient, date and code; warnings pass through', () => {
    const r = scrubClaim(good, billing, [
      {
        visitId: 'V2',
        date: '2025-01-08',
        code: '97140',
        finding: { rule: 'ncci-pair', severity: 'error', message: '97140 with 97530 needs 59.', service: 1 },
      },
      { visitId: 'V2', finding: { rule: 'vague-description', severity: 'warning', message: 'Say what task.' } },
    ]);
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual([
      {
        where: 'Jane Doe, 2025-01-08, 97140',
        message:
          '97140 with 97530 needs 59. The note needs the therapist’s correction (Patients → Jane Doe → the visit of 2025-01-08).',
      },
    ]);
    expect(r.warnings).toEqual([{ where: 'Jane Doe, 2025-01-06', message: 'Say what task.' }]);
  });

  it('gives the built findings their visit date and code', () => {
    const withFinding: SignedVisit = {
      ...(visits[0] as SignedVisit),
      findings: [{ rule: 'vague-description', severity: 'warning', message: 'Say what task.', service: 1 }],
    };
    const [b] = buildClaims({ ...input('visit'), visits: [withFinding] });
    expect(b?.findings).toEqual([
      { visitId: 'V1', date: '2025-01-06', code: '97110', finding: withFinding.findings?.[0] },
    ]);
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
