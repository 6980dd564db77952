import { describe, expect, it } from 'vitest';
import { missingForSigning, type Visit } from '../../src/index.ts';
import { cleanVisit, withService } from '../checks/fixtures.ts';

const empty: Visit = {
  id: 'v0',
  patientId: 'p1',
  date: '2026-02-02',
  discipline: 'PT',
  provider: { credential: 'PT' },
  totalTimedMinutes: 0,
  totalTreatmentMinutes: 0,
  services: [{ code: '97530', minutes: 0, description: '' }],
};

const paths = (v: Visit): string[] => missingForSigning(v).map((g) => g.path);

describe('missingForSigning', () => {
  const cases: [string, Visit, string[]][] = [
    ['the clean visit', cleanVisit(), []],
    [
      'an empty note: times, minutes and the description',
      empty,
      ['timeIn', 'timeOut', 'services.0.description', 'services'],
    ],
    ['no services at all', { ...empty, services: [] }, ['timeIn', 'timeOut', 'services']],
    [
      'totals without clock times are enough',
      (() => {
        const { timeIn: _i, timeOut: _o, ...v } = cleanVisit();
        return v;
      })(),
      [],
    ],
    ['time in without time out', { ...cleanVisit(), timeOut: '' }, ['timeOut']],
    [
      'an untimed code alone needs no minutes or description',
      { ...empty, timeIn: '09:00', timeOut: '09:45', services: [{ code: '97162' }] },
      [],
    ],
    [
      'a timed service without a description',
      withService(cleanVisit(), 1, { description: '  ' }),
      ['services.1.description'],
    ],
    ['an unknown code', withService(cleanVisit(), 0, { code: '97999' }), ['services.0.code']],
    [
      'only an unknown code: nothing counts',
      { ...cleanVisit(), services: [{ code: '12345', minutes: 20, description: 'x' }] },
      ['services.0.code', 'services'],
    ],
  ];
  it.each(cases)('%s', (_, visit, expected) => {
    expect(paths(visit)).toEqual(expected);
  });

  it('names the activity and its code in plain words', () => {
    const g = missingForSigning(withService(cleanVisit(), 1, { description: '' }));
    expect(g[0]?.message).toBe('Describe what was done in activity 2 (97116).');
  });
});
