import { describe, expect, it } from 'vitest';
import { cleanVisit, findingsOf, medicarePatient } from './fixtures.ts';

const long97112 = (minutes: number, units?: number) =>
  cleanVisit({
    timeIn: '08:00',
    timeOut: '10:00',
    totalTimedMinutes: minutes,
    totalTreatmentMinutes: minutes,
    nonBillable: [],
    services: [
      {
        code: '97112',
        minutes,
        units,
        modifiers: ['GP'],
        goalIds: ['g2'],
        description: 'Tandem stance on foam 30 sec x10 with CGA, eyes closed',
      },
    ],
  });

describe('mue-exceeded', () => {
  it('fires when 97112 is billed for 5 units (MUE 4, MAI 3)', () => {
    const f = findingsOf('mue-exceeded', long97112(75));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', service: 0 });
    expect(f[0]?.message).toContain('allows 4 units');
    expect(f[0]?.citation).toContain('data/mue.json');
  });

  it('fires for a second PT evaluation unit (MUE 1, MAI 2)', () => {
    const v = cleanVisit({ noteType: 'evaluation', services: [{ code: '97162', units: 2, modifiers: ['GP'] }] });
    expect(findingsOf('mue-exceeded', v)[0]?.message).toContain('cannot be appealed');
  });

  it('does not fire at the limit, nor for a payer without NCCI', () => {
    expect(findingsOf('mue-exceeded', long97112(60))).toEqual([]);
    expect(findingsOf('mue-exceeded', long97112(75), medicarePatient({ payer: 'commercial' }))).toEqual([]);
  });
});
