import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { visitSchema } from '../src/schema/case-file-schemas.ts';
import { isPlainValidVisit } from '../src/schema/fast-visit.ts';

// Each field is mostly a valid value and sometimes a near miss or a wrong type, so that a good share of
// visits are valid (the property is about those) and every check is still crossed in both directions.
const anyJson = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.string({ maxLength: 4 }),
  fc.integer(),
  fc.constant([]),
  fc.constant({}),
);
function mostly<T>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 30, arbitrary: valid }, { weight: 1, arbitrary: fc.oneof(invalid, anyJson) });
}
const id = mostly(fc.constantFrom('v1', 'p1', ' ', 'x'), fc.constant(''));
const text = mostly(fc.string({ maxLength: 6 }), fc.constant(undefined));
const date = mostly(
  fc.constantFrom('2026-03-02', '2024-02-29', '2000-02-29'),
  fc.constantFrom('2025-02-29', '2026-13-01', '2026-3-2'),
);
const timeIn = mostly(fc.constantFrom('00:00', '09:00', '09:45'), fc.constantFrom('24:00', '9:00', '09-00', '23:59'));
const timeOut = mostly(fc.constantFrom('09:45', '10:00', '23:59'), fc.constantFrom('24:00', '9:00', '00:00'));
const minutes = mostly(fc.constantFrom(0, 1, 38, 1440), fc.constantFrom(1441, -1, 2.5));
const code = mostly(fc.constantFrom('97530', '97110', 'G0283', '99999'), fc.constantFrom('9753', '97530 ', 'g0283'));
const modifier = mostly(fc.constantFrom('GP', 'CQ', '59'), fc.constantFrom('gp', 'G', 'GPX'));
const extra = fc.oneof(
  { weight: 15, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.constantFrom('extra', 'notes') },
);

function withExtra<T extends Record<string, unknown>>(arb: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc.tuple(arb, extra).map(([o, k]) => (k ? { ...o, [k]: 1 } : o));
}

const service = withExtra(
  fc.record(
    {
      code,
      minutes,
      assistantMinutes: minutes,
      units: mostly(fc.constantFrom(0, 1, 100), fc.constantFrom(101, -1, 1.5)),
      modifiers: mostly(fc.array(modifier, { maxLength: 4 }), fc.constant(['GP', 'CQ', '59', 'KX', 'XU'])),
      groupSize: mostly(fc.constantFrom(1, 3), fc.constantFrom(0, 1.5)),
      description: text,
      assistance: text,
      goalIds: mostly(fc.array(fc.string({ maxLength: 3 }), { maxLength: 2 }), fc.constant([1])),
    },
    { noNullPrototype: true, requiredKeys: [] },
  ),
);
const nonBillable = withExtra(
  fc.record(
    { kind: mostly(fc.constantFrom('rest', 'setup', 'other'), fc.constant('nap')), minutes, note: text },
    { noNullPrototype: true, requiredKeys: ['kind', 'minutes'] },
  ),
);
const visit = withExtra(
  fc.record(
    {
      id,
      patientId: id,
      date,
      discipline: mostly(fc.constantFrom('PT', 'OT', 'SLP'), fc.constantFrom('PTA', 'pt')),
      noteType: mostly(fc.constantFrom('daily', 'evaluation', 'progress-report'), fc.constant('weekly')),
      provider: mostly(
        withExtra(
          fc.record(
            { id: text, credential: mostly(fc.constantFrom('PT', 'PTA', 'SLPA'), fc.constant('MD')) },
            { noNullPrototype: true, requiredKeys: ['credential'] },
          ),
        ),
        fc.constant({}),
      ),
      timeIn,
      timeOut,
      totalTimedMinutes: minutes,
      totalTreatmentMinutes: minutes,
      services: mostly(fc.array(service, { maxLength: 3 }), fc.constant({})),
      nonBillable: mostly(fc.array(nonBillable, { maxLength: 2 }), fc.constant({})),
      response: text,
    },
    { noNullPrototype: true, requiredKeys: ['id', 'patientId', 'date', 'discipline', 'provider', 'services'] },
  ),
);

describe('the fast visit check agrees with the schema', () => {
  it('whenever it accepts a visit, the schema accepts it and returns an equal visit', () => {
    let accepted = 0;
    fc.assert(
      fc.property(visit, (v) => {
        if (!isPlainValidVisit(v)) return;
        accepted++;
        const r = visitSchema.safeParse(v);
        expect(r.success).toBe(true);
        expect(r.data).toStrictEqual(v);
      }),
      { numRuns: 5_000 },
    );
    // The property must not hold vacuously: a fair share of the generated visits are valid.
    expect(accepted).toBeGreaterThan(200);
  });

  it('whenever the schema accepts a visit without unknown fields, so does the fast check', () => {
    fc.assert(
      fc.property(visit, (v) => {
        const r = visitSchema.safeParse(v);
        const hasExtra = JSON.stringify(v).match(/"(extra|notes)":/);
        if (r.success && !hasExtra) expect(isPlainValidVisit(v)).toBe(true);
      }),
      { numRuns: 5_000 },
    );
  });

  it('accepts a typical valid visit, so the bulk path is really fast', () => {
    const v = {
      id: 'v1',
      patientId: 'p1',
      date: '2026-03-02',
      discipline: 'PT',
      noteType: 'daily',
      provider: { id: 'prov-1', credential: 'PTA' },
      timeIn: '09:00',
      timeOut: '09:45',
      totalTimedMinutes: 38,
      totalTreatmentMinutes: 38,
      services: [
        {
          code: '97530',
          minutes: 38,
          assistantMinutes: 38,
          units: 3,
          modifiers: ['GP', 'CQ'],
          description: 'x',
          goalIds: ['g1'],
        },
      ],
      nonBillable: [{ kind: 'rest', minutes: 4, note: 'seated' }],
      response: 'Improved',
    };
    expect(isPlainValidVisit(v)).toBe(true);
    expect(isPlainValidVisit({ ...v, extra: 1 })).toBe(false);
    expect(visitSchema.safeParse({ ...v, extra: 1 }).success).toBe(true);
  });
});
