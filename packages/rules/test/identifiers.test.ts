import { describe, expect, it } from 'vitest';
import {
  CREDENTIALS,
  credentialProblem,
  DISCIPLINES,
  einProblem,
  npiCheckDigit,
  npiProblem,
  zipProblem,
} from '../src/index.ts';

describe('identifiers', () => {
  it.each([
    ['1234567893', null],
    ['1234567890', 'check digit'],
    ['123456789', 'ten digits'],
    ['3234567893', 'starts with 1 or 2'],
  ])('NPI %s', (npi, problem) => {
    const p = npiProblem(npi);
    if (problem === null) expect(p).toBeNull();
    else expect(p).toContain(problem);
  });
  it('the check digit it computes passes the check', () => {
    for (const first9 of ['123456789', '198765432', '100000000'])
      expect(npiProblem(first9 + npiCheckDigit(first9))).toBeNull();
  });
  it.each([
    ['12-3456789', true],
    ['123456789', true],
    ['12345678', false],
    ['00-1234567', false],
    ['11-1111111', false],
  ])('EIN %s valid: %s', (ein, ok) => expect(einProblem(ein) === null).toBe(ok));
  it.each([
    ['12345', false, true],
    ['12345-6789', false, true],
    ['12345', true, false],
    ['123456789', true, true],
    ['1234', false, false],
  ])('ZIP %s (plus4 required %s) valid: %s', (zip, plus4, ok) => expect(zipProblem(zip, plus4) === null).toBe(ok));
  it.each([
    ['PT', 'PT', null],
    ['PT', 'PTA', null],
    ['OT', 'OTA', null],
    ['SLP', 'SLPA', null],
    ['OT', 'PTA', 'A PTA works in PT, not OT'],
    ['PT', 'SLP', 'An SLP works in SLP, not PT'],
  ] as const)('a %s provider with credential %s: %s', (discipline, credential, problem) => {
    const p = credentialProblem(discipline, credential);
    if (problem === null) expect(p).toBeNull();
    else expect(p).toContain(problem);
  });
  it('every credential fits exactly one discipline', () => {
    for (const c of CREDENTIALS) expect(DISCIPLINES.filter((d) => credentialProblem(d, c) === null)).toHaveLength(1);
  });
});
