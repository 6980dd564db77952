import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCaseFile, parseVisit } from '../src/schema/index.ts';

const base = {
  id: 'v1',
  patientId: 'p1',
  date: '2026-03-02',
  discipline: 'PT',
  provider: { credential: 'PT' },
  timeIn: '09:00',
  timeOut: '09:45',
  services: [{ code: '97530', minutes: 38, modifiers: ['GP'], description: 'Sit-to-stand x10 with min assist' }],
};
const FIELDS = [
  'id',
  'patientId',
  'date',
  'discipline',
  'provider',
  'timeIn',
  'timeOut',
  'services',
  'noteType',
  'response',
];

describe('schema properties', () => {
  it('any JSON value: parseVisit never throws, and gives a value or errors under its path, never both', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (raw) => {
        const r = parseVisit(raw, 'visits[7]');
        expect(r.value === undefined).toBe(r.errors.length > 0);
        for (const e of r.errors) {
          expect(e.where.startsWith('visits[7]')).toBe(true);
          expect(e.message.length).toBeGreaterThan(0);
        }
      }),
    );
  });

  it('one field of a valid visit replaced by any JSON value: an error, if any, names that field', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FIELDS), fc.jsonValue(), (field, value) => {
        const r = parseVisit({ ...base, [field]: value }, 'visits[0]');
        // A new timeIn may fall after the fixed timeOut, which is reported at timeOut.
        const allowed = field === 'timeIn' ? ['visits[0].timeIn', 'visits[0].timeOut'] : [`visits[0].${field}`];
        for (const e of r.errors) expect(allowed.some((a) => e.where.startsWith(a))).toBe(true);
      }),
    );
  });

  it('minutes: valid exactly when a whole number from 0 to 1440', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -100, max: 2000 }), fc.double({ noNaN: false })), (minutes) => {
        const r = parseVisit({ ...base, services: [{ code: '97530', minutes }] }, 'v');
        const ok = Number.isInteger(minutes) && minutes >= 0 && minutes <= 1440;
        expect(r.errors.length === 0).toBe(ok);
      }),
    );
  });

  it('any JSON value as a case file: parseCaseFile never throws', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (raw) => {
        const r = parseCaseFile(raw);
        expect(Array.isArray(r.file.visits)).toBe(true);
      }),
    );
  });
});
