import { describe, expect, it } from 'vitest';
import {
  createCaseFileChecker,
  isClockTime,
  isIsoDate,
  parseCaseFile,
  parsePatient,
  parseVisit,
} from '../src/schema/index.ts';

const visit = (over: Record<string, unknown> = {}) => ({
  id: 'v1',
  patientId: 'p1',
  date: '2026-03-02',
  discipline: 'PT',
  provider: { credential: 'PT' },
  timeIn: '09:00',
  timeOut: '09:45',
  services: [{ code: '97530', minutes: 38, modifiers: ['GP'], description: 'Sit-to-stand x10 with min assist' }],
  ...over,
});
const patient = { id: 'p1', payer: 'medicare' };

describe('dates and times', () => {
  it.each([
    ['2026-03-02', true],
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['2025-02-29', false],
    ['1900-02-29', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-3-2', false],
    ['2026/03/02', false],
    ['20260302xx', false],
  ])('isIsoDate(%s) = %s', (s, ok) => {
    expect(isIsoDate(s)).toBe(ok);
  });
  it.each([
    ['00:00', true],
    ['23:59', true],
    ['24:00', false],
    ['09:60', false],
    ['9:30', false],
    ['09-30', false],
  ])('isClockTime(%s) = %s', (s, ok) => {
    expect(isClockTime(s)).toBe(ok);
  });
});

describe('parseVisit', () => {
  it('accepts a valid visit and drops unknown fields', () => {
    const r = parseVisit(visit({ extra: 'x' }), 'visits[0]');
    expect(r.errors).toEqual([]);
    expect(r.value?.id).toBe('v1');
    expect(r.value).not.toHaveProperty('extra');
  });

  it.each<[Record<string, unknown>, string, string]>([
    [{ services: [{ code: '97530', minutes: -1 }] }, 'visits[3].services[0].minutes', 'must not be negative'],
    [{ services: [{ code: '97530', minutes: 12.5 }] }, 'visits[3].services[0].minutes', 'must be a whole number'],
    [{ services: [{ code: '97530', minutes: '12' }] }, 'visits[3].services[0].minutes', 'must be a number'],
    [{ services: [{ minutes: 12 }] }, 'visits[3].services[0].code', 'is required'],
    [{ services: [{ code: '97999', minutes: 12 }] }, 'visits[3].services[0].code', 'not a code Unitwise knows'],
    [{ services: [{ code: '9753', minutes: 12 }] }, 'visits[3].services[0].code', 'five-character code'],
    [{ date: '2026-02-30' }, 'visits[3].date', 'real date'],
    [{ date: undefined }, 'visits[3].date', 'is required'],
    [{ timeIn: '9:00' }, 'visits[3].timeIn', 'HH:MM'],
    [{ timeIn: '10:00', timeOut: '09:00' }, 'visits[3].timeOut', 'before timeIn'],
    [{ discipline: 'PTA' }, 'visits[3].discipline', 'one of PT, OT, SLP'],
    [{ provider: { credential: 'MD' } }, 'visits[3].provider.credential', 'one of'],
    [{ noteType: 'weekly' }, 'visits[3].noteType', 'one of'],
    [{ services: 'none' }, 'visits[3].services', 'must be a list'],
    [
      { services: [{ code: '97530', minutes: 8, modifiers: ['GP', 'CQ', '59', 'KX', 'XU'] }] },
      'visits[3].services[0].modifiers',
      'at most four',
    ],
    [
      { services: [{ code: '97530', minutes: 8, modifiers: ['G'] }] },
      'visits[3].services[0].modifiers[0]',
      'two-character',
    ],
    [{ nonBillable: [{ kind: 'nap', minutes: 3 }] }, 'visits[3].nonBillable[0].kind', 'one of'],
  ])('reports %j at its path', (over, where, message) => {
    const r = parseVisit(visit(over), 'visits[3]');
    expect(r.value).toBeUndefined();
    expect(r.errors).toContainEqual({ where, message: expect.stringContaining(message) });
  });

  it('reports a non-object visit at its own path', () => {
    expect(parseVisit(42, 'visits[0]').errors).toEqual([
      { where: 'visits[0]', message: 'must be an object (found number 42)' },
    ]);
  });
});

describe('parsePatient', () => {
  it('checks plan-of-care dates and planned codes', () => {
    const r = parsePatient(
      {
        id: 'p1',
        payer: 'medicare',
        plansOfCare: [
          { id: 'poc', discipline: 'PT', startDate: '2026-03-01', endDate: '2026-02-01', goals: [] },
          {
            id: 'poc2',
            discipline: 'PT',
            startDate: '2026-03-01',
            endDate: '2026-05-01',
            goals: [],
            plannedCodes: ['12345'],
          },
        ],
      },
      'patients[0]',
    );
    expect(r.errors).toEqual([
      { where: 'patients[0].plansOfCare[0].endDate', message: 'must not be before startDate' },
    ]);
    const r2 = parsePatient(
      {
        id: 'p1',
        payer: 'medicare',
        plansOfCare: [
          {
            id: 'poc2',
            discipline: 'PT',
            startDate: '2026-03-01',
            endDate: '2026-05-01',
            goals: [],
            plannedCodes: ['12345'],
          },
        ],
      },
      'patients[0]',
    );
    expect(r2.errors[0]?.where).toBe('patients[0].plansOfCare[0].plannedCodes[0]');
  });
});

describe('parseCaseFile', () => {
  it('keeps valid records and reports each invalid one', () => {
    const { file, errors } = parseCaseFile({
      patients: [patient, { id: 'p2', payer: 'acme' }, { id: 'p1', payer: 'medicaid' }],
      visits: [
        visit(),
        visit({ id: 'v2', patientId: 'nobody' }),
        visit({ id: 'v3', patientId: 'p2' }),
        visit({ id: 'v4', date: '2026-02-30' }),
        visit({ id: 'v1' }),
      ],
    });
    expect(file.patients.map((p) => p.id)).toEqual(['p1']);
    expect(file.visits.map((v) => v.id)).toEqual(['v1']);
    expect(errors).toEqual([
      { where: 'patients[1].payer', message: expect.stringContaining("unknown payer 'acme'") },
      { where: 'patients[2].id', message: "duplicate patient id 'p1' (first at patients[0])" },
      { where: 'visits[1].patientId', message: expect.stringContaining("unknown patient 'nobody'") },
      { where: 'visits[2].patientId', message: expect.stringContaining('has input errors (see patients[1])') },
      { where: 'visits[3].date', message: 'must be a real date written YYYY-MM-DD' },
      { where: 'visits[4].id', message: "duplicate visit id 'v1' (first at visits[0])" },
    ]);
  });

  it('accepts a payer the file defines', () => {
    const { errors } = parseCaseFile({
      payers: [{ id: 'acme', basedOn: 'commercial', unitMethod: 'per-code-15' }],
      patients: [{ id: 'p2', payer: 'acme' }],
      visits: [visit({ patientId: 'p2' })],
    });
    expect(errors).toEqual([]);
  });

  it('rejects a bad payer with its path, and the patients who name it', () => {
    const { file, errors } = parseCaseFile({
      payers: [
        { id: 'acme', unitMethod: 'per-minute' },
        { id: 'beta', unitMethod: 'ama' },
      ],
      patients: [
        { id: 'p1', payer: 'acme' },
        { id: 'p2', payer: 'beta' },
      ],
      visits: [],
    });
    expect(file.payers?.map((p) => p.id)).toEqual(['beta']);
    expect(file.patients.map((p) => p.id)).toEqual(['p2']);
    expect(errors).toEqual([
      { where: 'payers[0].unitMethod', message: expect.stringContaining('per-minute') },
      { where: 'patients[0].payer', message: expect.stringContaining("unknown payer 'acme'") },
    ]);
  });

  it('streams records through a checker: patients before visits, duplicates not tracked when asked', () => {
    const c = createCaseFileChecker({ trackVisitIds: false });
    expect(c.addVisit(visit(), 'line 1: visit').errors).toEqual([
      { where: 'line 1: visit.patientId', message: "unknown patient 'p1'; add it to patients" },
    ]);
    expect(c.addPatient(patient, 'line 2: patient').errors).toEqual([]);
    expect(c.hasPatient('p1')).toBe(true);
    expect(c.addVisit(visit(), 'line 3: visit').value?.id).toBe('v1');
    expect(c.addVisit(visit(), 'line 4: visit').value?.id).toBe('v1');
  });

  it.each([
    [[], '(file)'],
    ['text', '(file)'],
    [{ visits: [] }, 'patients'],
    [{ patients: {}, visits: [] }, 'patients'],
  ])('rejects a file shaped %j', (raw, where) => {
    expect(parseCaseFile(raw).errors[0]?.where).toBe(where);
  });
});
