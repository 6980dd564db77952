import { describe, expect, it } from 'vitest';
import {
  type ClaimDetailsForm,
  claimDetailsBody,
  claimDetailsOf,
  claimDetailsProblems,
  EMPTY_CLAIM_DETAILS,
} from '../src/patients/intake-form.ts';

const full: ClaimDetailsForm = {
  line1: ' 12 Oak Ave ',
  line2: '',
  city: 'Dayton',
  state: 'oh',
  postalCode: '45402-1234',
  phone: '(937) 555-0142',
  diagnoses: ['M17.11'],
  refFirstName: 'Grace',
  refLastName: 'Okafor',
  refNpi: '1245319599',
};

describe('intake form to API body', () => {
  it('sends a wholly blank address and referral as none, not as empty strings', () => {
    expect(claimDetailsBody(EMPTY_CLAIM_DETAILS)).toEqual({
      address: null,
      phone: null,
      diagnoses: [],
      referringProvider: null,
    });
  });

  it('trims, upper-cases the state, leaves out an empty second line, and round-trips a stored patient', () => {
    const body = claimDetailsBody(full);
    expect(body.address).toEqual({ line1: '12 Oak Ave', city: 'Dayton', state: 'OH', postalCode: '45402-1234' });
    expect(body.referringProvider).toEqual({ firstName: 'Grace', lastName: 'Okafor', npi: '1245319599' });
    const stored = {
      id: 'p',
      address: body.address as { line1: string; city: string; state: string; postalCode: string },
      phone: '(937) 555-0142',
      diagnoses: ['M17.11'],
      referringProvider: { firstName: 'Grace', lastName: 'Okafor', npi: '1245319599' },
    };
    expect(claimDetailsBody(claimDetailsOf(stored))).toEqual(body);
  });

  it('sends a partly filled address as typed, so the server names the missing field', () => {
    expect(claimDetailsBody({ ...EMPTY_CLAIM_DETAILS, city: 'Dayton' }).address).toEqual({
      line1: '',
      city: 'Dayton',
      state: '',
      postalCode: '',
    });
  });

  it.each([
    [{ postalCode: '4540' }, 'address.postalCode', 'A ZIP code is five digits, or nine as 12345-6789.'],
    [{ state: 'Ohio' }, 'address.state', 'Use the two-letter state code, such as OH.'],
    [{ refNpi: '1245319598' }, 'referringProvider.npi', /check digit/],
    [{ phone: '555-0142' }, 'phone', 'A phone number has ten digits, such as 937-555-0142.'],
  ])('flags %o as it is typed', (patch, path, message) => {
    const problems = claimDetailsProblems({ ...full, ...patch });
    expect(Object.keys(problems)).toEqual([path]);
    expect(problems[path]).toMatch(message);
  });

  it('finds nothing wrong in a sound form, nor in an empty one', () => {
    expect(claimDetailsProblems(full)).toEqual({});
    expect(claimDetailsProblems(EMPTY_CLAIM_DETAILS)).toEqual({});
    expect(claimDetailsProblems({ ...full, phone: '1-937-555-0142' })).toEqual({});
  });
});
