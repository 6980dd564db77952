import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Authorization,
  authorizationUsage,
  type CountedVisit,
  coveringAuthorizations,
} from '../src/authorizations/index.ts';

const auth: Authorization = {
  id: 'a1',
  number: 'AUTH-1',
  startDate: '2026-01-01',
  endDate: '2026-03-31',
  visits: 3,
  units: 10,
  codes: ['97110', '97530'],
  discipline: 'PT',
};

const visit = (id: string, date: string, services: Array<[string, number]>, discipline: 'PT' | 'OT' = 'PT') =>
  ({ id, date, discipline, services: services.map(([code, units]) => ({ code, units })) }) satisfies CountedVisit;

describe('authorizationUsage', () => {
  it.each([
    [
      'a visit with two covered codes counts once, units of both',
      [
        visit('v1', '2026-01-05', [
          ['97110', 2],
          ['97530', 2],
        ]),
      ],
      1,
      4,
      [],
    ],
    [
      'an uncovered code adds no units',
      [
        visit('v1', '2026-01-05', [
          ['97110', 2],
          ['97140', 3],
        ]),
      ],
      1,
      2,
      [],
    ],
    ['a visit with only uncovered codes does not count', [visit('v1', '2026-01-05', [['97140', 3]])], 0, 0, []],
    ['outside the dates does not count', [visit('v1', '2026-04-01', [['97110', 2]])], 0, 0, []],
    ['another discipline does not count', [visit('v1', '2026-01-05', [['97110', 2]], 'OT')], 0, 0, []],
    [
      'the same visit twice counts once',
      [visit('v1', '2026-01-05', [['97110', 2]]), visit('v1', '2026-01-05', [['97110', 2]])],
      1,
      2,
      [],
    ],
    [
      'the fourth visit exceeds the visits',
      ['v1', 'v2', 'v3', 'v4'].map((id, i) => visit(id, `2026-01-0${i + 1}`, [['97110', 1]])),
      4,
      4,
      ['v4'],
    ],
    [
      'units exceed before visits do',
      [visit('v1', '2026-01-02', [['97110', 6]]), visit('v2', '2026-01-03', [['97530', 5]])],
      2,
      11,
      ['v2'],
    ],
  ] as const)('%s', (_name, visits, visitsUsed, unitsUsed, exceededBy) => {
    const u = authorizationUsage(auth, visits);
    expect(u.visitsUsed).toBe(visitsUsed);
    expect(u.unitsUsed).toBe(unitsUsed);
    expect(u.exceededBy).toEqual(exceededBy);
    expect(u.visitsLeft).toBe(Math.max(0, 3 - visitsUsed));
    expect(u.unitsLeft).toBe(Math.max(0, 10 - unitsUsed));
  });

  it('starts from what was used before the file', () => {
    const u = authorizationUsage(auth, [visit('v1', '2026-01-05', [['97110', 2]])], { visits: 3, units: 2 });
    expect(u).toMatchObject({ visitsUsed: 4, unitsUsed: 4, visitsLeft: 0, exceededBy: ['v1'] });
  });

  it('codes empty means every code, and no limit leaves nothing "left"', () => {
    const open: Authorization = { id: 'a2', number: 'X', startDate: '2026-01-01', endDate: '2026-12-31', codes: [] };
    const u = authorizationUsage(open, [visit('v1', '2026-02-01', [['92507', 1]], 'OT')]);
    expect(u).toMatchObject({ visitsUsed: 1, unitsUsed: 1, exceededBy: [] });
    expect(u.visitsLeft).toBeUndefined();
    expect(u.unitsLeft).toBeUndefined();
  });

  const arbVisit = fc.record({
    id: fc.constantFrom('v1', 'v2', 'v3', 'v4', 'v5', 'v6'),
    date: fc.constantFrom('2025-12-31', '2026-01-01', '2026-02-14', '2026-03-31', '2026-04-01'),
    discipline: fc.constantFrom('PT' as const, 'OT' as const),
    services: fc.array(
      fc.record({ code: fc.constantFrom('97110', '97530', '97140'), units: fc.integer({ min: -2, max: 6 }) }),
      { maxLength: 4 },
    ),
  });

  it('never goes below zero, counts a visit at most once, and does not depend on input order', () => {
    fc.assert(
      fc.property(fc.array(arbVisit, { maxLength: 12 }), fc.integer(), (visits, seed) => {
        // One visit id has one content, as in the store.
        const byId = new Map(visits.map((v) => [v.id, v]));
        const list = visits.map((v) => byId.get(v.id) as CountedVisit);
        const u = authorizationUsage(auth, list);
        expect(u.visitsUsed).toBeGreaterThanOrEqual(0);
        expect(u.unitsUsed).toBeGreaterThanOrEqual(0);
        expect(u.visitsLeft ?? 0).toBeGreaterThanOrEqual(0);
        expect(u.unitsLeft ?? 0).toBeGreaterThanOrEqual(0);
        expect(new Set(u.draws.map((d) => d.visitId)).size).toBe(u.draws.length);
        expect(u.visitsUsed).toBeLessThanOrEqual(byId.size);
        const shuffled = [...list].sort(
          (a, b) => ((a.id.charCodeAt(1) * 31 + seed) % 7) - ((b.id.charCodeAt(1) * 31 + seed) % 7),
        );
        expect(authorizationUsage(auth, shuffled)).toEqual(u);
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});

describe('coveringAuthorizations', () => {
  it('lists the covering ones, the one ending first first', () => {
    const later: Authorization = { ...auth, id: 'a0', endDate: '2026-06-30' };
    expect(coveringAuthorizations([later, auth], '2026-02-01', 'PT', '97110').map((a) => a.id)).toEqual(['a1', 'a0']);
    expect(coveringAuthorizations([later, auth], '2026-05-01', 'PT', '97110').map((a) => a.id)).toEqual(['a0']);
    expect(coveringAuthorizations([later, auth], '2026-02-01', 'PT', '97140')).toEqual([]);
  });
});
