import { splitPersonName } from '@unitwise/rules';
import { describe, expect, it } from 'vitest';
import {
  buildClaims,
  type Claim,
  type ClaimBatch,
  read837,
  type SignedVisit,
  tokenize,
  write837,
} from '../src/index.ts';
import { THERAPY_BATCH } from './fixtures/therapy-batch.ts';
import { nodeX12Segments, normaliseControls } from './helpers.ts';

// The demo's OT as the clinic stores her: display name with credential, parts apart (migration 0010).
const olga = { npi: '1245319599', ...splitPersonName('Olga Therapist, OT'), taxonomy: '225X00000X' };

const signed: SignedVisit = {
  visit: {
    id: 'V1',
    patientId: 'P1',
    date: '2026-03-02',
    discipline: 'OT',
    provider: { id: 'ot1', credential: 'OT' },
    services: [{ code: '97535', minutes: 38 }],
  },
  patient: {
    id: 'P1',
    lastName: 'Lane',
    firstName: 'Ida',
    birthDate: '1951-07-04',
    sex: 'F',
    address: { line1: '12 Oak Ave', line2: 'Apt 3', city: 'Dayton', state: 'OH', zip: '45402-1234' },
    coverage: { memberId: '1EG4TE5MK73', filingIndicator: 'MB' },
  },
  payer: { id: '15202', name: 'CGS J15', policyId: 'medicare' },
  rendering: olga,
  referring: { npi: '1679576722', lastName: 'Okafor', firstName: 'Grace' },
  diagnoses: ['I69.351', 'R26.89'],
};

function batchOf(claims: Claim[]): ClaimBatch {
  return { ...THERAPY_BATCH, claims };
}

function segmentsOf(text: string): string[][] {
  return tokenize(text).segments;
}

describe('837P subscriber address and provider names', () => {
  const [built] = buildClaims({
    visits: [signed],
    billingProvider: THERAPY_BATCH.billingProvider,
    chargeMaster: { '97535': 6000 },
    period: 'visit',
    claimIdPrefix: 'UW',
    firstSequence: 1,
  });
  const claim = built?.claim as Claim;
  const text = write837(batchOf([claim]));
  const segs = segmentsOf(text);

  it('writes N3/N4 right after NM1*IL in 2010BA, from the patient’s address (ZIP without the hyphen)', () => {
    const il = segs.findIndex((s) => s[0] === 'NM1' && s[1] === 'IL');
    expect(segs[il]?.slice(0, 5)).toEqual(['NM1', 'IL', '1', 'LANE', 'IDA']);
    expect(segs[il + 1]).toEqual(['N3', '12 OAK AVE', 'APT 3']);
    expect(segs[il + 2]).toEqual(['N4', 'DAYTON', 'OH', '454021234']);
    expect(segs[il + 3]?.[0]).toBe('DMG');
  });

  it('writes NM1*82 with last name and first name apart, no credential, then PRV*PE', () => {
    const r = segs.findIndex((s) => s[0] === 'NM1' && s[1] === '82');
    expect(segs[r]).toEqual(['NM1', '82', '1', 'THERAPIST', 'OLGA', '', '', '', 'XX', '1245319599']);
    expect(segs[r + 1]).toEqual(['PRV', 'PE', 'PXC', '225X00000X']);
    expect(text).not.toContain('THERAPIST,');
  });

  it('writes the referring provider as 2310A NM1*DN after HI and before 2310B', () => {
    const tags = segs.map((s) => (s[0] === 'NM1' ? `NM1*${s[1]}` : s[0]));
    const dn = tags.indexOf('NM1*DN');
    expect(segs[dn]).toEqual(['NM1', 'DN', '1', 'OKAFOR', 'GRACE', '', '', '', 'XX', '1679576722']);
    expect(tags.indexOf('HI')).toBeLessThan(dn);
    expect(dn).toBeLessThan(tags.indexOf('NM1*82'));
  });

  it('round trip: our 837P reader gets the address and names back, with no structural error', () => {
    const f = read837(text);
    expect(f.errors).toEqual([]);
    const c = f.claims[0];
    expect(c?.subscriberAddress).toEqual({
      line1: '12 OAK AVE',
      line2: 'APT 3',
      city: 'DAYTON',
      state: 'OH',
      zip: '454021234',
    });
    expect(c?.rendering).toEqual({ lastName: 'THERAPIST', firstName: 'OLGA', npi: '1245319599' });
    expect(c?.referring).toEqual({ lastName: 'OKAFOR', firstName: 'GRACE', npi: '1679576722' });
    expect(c?.diagnoses).toEqual([
      { qualifier: 'ABK', code: 'I69351' },
      { qualifier: 'ABF', code: 'R2689' },
    ]);
  });

  it('round trip: node-x12 reads the same segments, N3/N4 and both NM1s included', () => {
    const peer = normaliseControls(nodeX12Segments(text));
    expect(peer).toEqual(normaliseControls(segs));
    expect(peer.filter((s) => s[0] === 'N3').map((s) => s[1])).toContain('12 OAK AVE');
    expect(peer.find((s) => s[0] === 'NM1' && s[1] === '82')?.slice(3, 5)).toEqual(['THERAPIST', 'OLGA']);
  });

  it('a dependent patient’s address goes in 2010CA, and the subscriber’s own in 2010BA', () => {
    const dependent: Claim = {
      ...claim,
      subscriber: {
        ...claim.subscriber,
        lastName: 'Lane',
        firstName: 'Sam',
        address: { line1: '9 Elm St', city: 'Dayton', state: 'OH', zip: '45403' },
      },
      patient: {
        relationship: '19',
        lastName: 'Lane',
        firstName: 'Ida',
        address: { line1: '12 Oak Ave', city: 'Dayton', state: 'OH', zip: '45402' },
      },
    };
    const s = segmentsOf(write837(batchOf([dependent])));
    const il = s.findIndex((x) => x[0] === 'NM1' && x[1] === 'IL');
    const qc = s.findIndex((x) => x[0] === 'NM1' && x[1] === 'QC');
    expect(s[il + 1]).toEqual(['N3', '9 ELM ST']);
    expect(s[qc + 1]).toEqual(['N3', '12 OAK AVE']);
    expect(read837(write837(batchOf([dependent]))).claims[0]?.subscriberAddress?.line1).toBe('9 ELM ST');
  });
});
