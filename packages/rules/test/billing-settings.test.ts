import { describe, expect, it } from 'vitest';
import {
  type BillingSettingsDraft,
  billingSettingsProblems,
  CODES,
  createPolicyRegistry,
  priceLines,
  SAMPLE_CHARGE_MASTER,
} from '../src/index.ts';

const GOOD: BillingSettingsDraft = {
  billingProvider: {
    name: 'Riverside Therapy',
    npi: '1234567893',
    taxId: '12-3456789',
    address: { line1: '100 Main St', city: 'Anytown', state: 'NY', zip: '12345-0001' },
    taxonomy: '225100000X',
  },
  submitter: { name: 'Riverside Therapy', id: 'RIVERSIDE01', phone: '(555) 555-0100' },
  receiver: { name: 'Example Clearinghouse', id: 'CLEARING01' },
  placeOfService: '11',
  claimIdPrefix: 'RT',
};

/** The draft with one field changed by a path like `billingProvider.address.zip`. */
function withField(path: string, value: string): BillingSettingsDraft {
  const copy = structuredClone(GOOD) as unknown as Record<string, unknown>;
  const keys = path.split('.');
  let at = copy;
  for (const k of keys.slice(0, -1)) at = at[k] as Record<string, unknown>;
  at[keys[keys.length - 1] as string] = value;
  return copy as unknown as BillingSettingsDraft;
}

describe('billingSettingsProblems', () => {
  it('accepts complete, valid settings', () => expect(billingSettingsProblems(GOOD)).toEqual([]));

  it.each([
    ['billingProvider.npi', '1234567890', /check digit/],
    ['billingProvider.npi', '12345', /ten digits/],
    ['billingProvider.npi', '', /ten digits/],
    ['billingProvider.taxId', '1234', /nine digits/],
    ['billingProvider.taxId', '00-1234567', /not one the IRS issues/],
    ['billingProvider.address.zip', '12345', /ZIP\+4/],
    ['billingProvider.address.line1', 'PO Box 12', /street address.*pay-to/],
    ['billingProvider.address.state', 'New York', /two-letter state/],
    ['billingProvider.address.city', '', /Enter the city/],
    ['billingProvider.name', '', /Enter the billing provider’s name/],
    ['billingProvider.taxonomy', '2251', /ten characters ending in X/],
    ['submitter.id', '', /id your clearinghouse gave/],
    ['submitter.id', 'HAS SPACES', /no spaces/],
    ['submitter.phone', '555-0100', /ten digits/],
    ['receiver.id', 'X'.repeat(16), /2 to 15 letters/],
    ['placeOfService', '99', /where the visits take place/],
    ['claimIdPrefix', 'uw-', /capital letters/],
  ])('%s = %j: %s', (path, value, message) => {
    const problems = billingSettingsProblems(withField(path, value));
    expect(problems.map((p) => p.path)).toEqual([path]);
    expect(problems[0]?.message).toMatch(message);
  });

  it('checks a pay-to address when one is given, with a five-digit ZIP allowed', () => {
    const payTo = { line1: 'PO Box 77', city: 'Anytown', state: 'NY', zip: '1234' };
    expect(billingSettingsProblems({ ...GOOD, payTo })).toEqual([
      { path: 'payTo.zip', message: 'A ZIP code is five digits, or nine as 12345-6789.' },
    ]);
    expect(billingSettingsProblems({ ...GOOD, payTo: { ...payTo, zip: '12345' } })).toEqual([]);
  });
});

describe('the illustrative sample charge master', () => {
  it('has a positive whole-dollar charge for every catalog code, and nothing else', () => {
    expect(Object.keys(SAMPLE_CHARGE_MASTER.charges).sort()).toEqual([...CODES.keys()].sort());
    for (const cents of Object.values(SAMPLE_CHARGE_MASTER.charges)) {
      expect(cents).toBeGreaterThan(0);
      expect(cents % 100).toBe(0);
    }
    expect(SAMPLE_CHARGE_MASTER.note).toMatch(/Illustrative/);
  });

  it('sets the PFS-based figures at twice the 2026 national amount, rounded up to the dollar', () => {
    const policy = createPolicyRegistry().resolve('medicare', '2026-06-01');
    if (!policy) throw new Error('no medicare policy in 2026');
    const pfs = Object.entries(SAMPLE_CHARGE_MASTER.basis).filter(([, b]) => b === 'pfs-x2');
    expect(pfs.length).toBeGreaterThan(5);
    for (const [code] of pfs) {
      const allowed = priceLines([{ code, units: 1, modifiers: [] }], { date: '2026-06-01', policy }).allowedCents;
      expect(allowed, code).toBeGreaterThan(0);
      expect(SAMPLE_CHARGE_MASTER.charges[code], code).toBe(Math.ceil((2 * allowed) / 100) * 100);
    }
  });
});
