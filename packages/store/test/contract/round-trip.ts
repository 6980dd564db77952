import type { NonBillable, Service } from '@unitwise/rules';
import { CREDENTIALS, DISCIPLINES, NON_BILLABLE_KINDS, NOTE_TYPES } from '@unitwise/rules';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashVisitContent, type VisitInput } from '../../src/index.ts';
import { seedClinic } from '../helpers/fixtures.ts';
import type { ContractContext } from './context.ts';

/** Text a note might hold: any Unicode but NUL, which PostgreSQL text cannot store. */
const text = fc.string({ unit: 'grapheme', maxLength: 40 }).filter((t) => !t.includes('\u0000'));

/** A Service with every optional field present or absent. */
const service: fc.Arbitrary<Service> = fc.record(
  {
    code: fc.constantFrom('97530', '97110', '97140', '97116', '97161', '92507', 'G0283'),
    minutes: fc.integer({ min: 0, max: 120 }),
    assistantMinutes: fc.integer({ min: 0, max: 120 }),
    units: fc.integer({ min: 0, max: 8 }),
    modifiers: fc.array(fc.constantFrom('GP', 'GO', 'GN', 'CQ', 'CO', 'KX', '59'), { maxLength: 4 }),
    groupSize: fc.integer({ min: 1, max: 6 }),
    description: text,
    goalIds: fc.array(fc.constantFrom('g1', 'g2', 'g3'), { maxLength: 3 }),
  },
  { requiredKeys: ['code'] },
);

const nonBillable: fc.Arbitrary<NonBillable> = fc.record(
  { kind: fc.constantFrom(...NON_BILLABLE_KINDS), minutes: fc.integer({ min: 0, max: 60 }), note: text },
  { requiredKeys: ['kind', 'minutes'] },
);

/** @param ctx - the engine's store */
export function roundTripContract(ctx: ContractContext): void {
  describe('visit content round trip (property)', () => {
    it('whatever clinical content is saved reads back equal, with an equal content hash', async () => {
      const { store } = ctx;
      const s = await seedClinic(store, 'Round trip property');
      const content = fc.record(
        {
          discipline: fc.constantFrom(...DISCIPLINES),
          noteType: fc.constantFrom(...NOTE_TYPES),
          credential: fc.constantFrom(...CREDENTIALS),
          timeIn: fc.constantFrom('08:00', '13:45'),
          timeOut: fc.constantFrom('09:00', '14:30'),
          totalTimedMinutes: fc.integer({ min: 0, max: 240 }),
          totalTreatmentMinutes: fc.integer({ min: 0, max: 240 }),
          services: fc.array(service, { maxLength: 6 }),
          nonBillable: fc.array(nonBillable, { maxLength: 3 }),
          response: text,
        },
        { requiredKeys: ['discipline', 'credential', 'services'] },
      );
      await fc.assert(
        fc.asyncProperty(content, async ({ credential, ...c }) => {
          const input: VisitInput = { ...c, patientId: s.patient.id, date: '2026-01-05', provider: { credential } };
          const created = await store.visits.create(s.clinic.id, input);
          if (!created.ok) throw new Error(created.reason);
          const read = await store.visits.get(s.clinic.id, created.value.id);
          expect(read).toEqual(created.value);
          expect(read?.services).toEqual(input.services);
          expect(read?.nonBillable).toEqual(input.nonBillable ?? []);
          expect(read?.response).toEqual(input.response);
          expect(read && hashVisitContent(read)).toBe(hashVisitContent({ ...input, id: created.value.id }));
        }),
        { numRuns: 40 },
      );
    });
  });
}
