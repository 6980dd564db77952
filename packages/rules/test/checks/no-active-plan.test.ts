import { describe, expect, it } from 'vitest';
import { cleanVisit, findingsOf, medicarePatient } from './fixtures.ts';

describe('no-active-plan', () => {
  it('fires (error, Medicare) when the plan ended before the date of service', () => {
    const f = findingsOf('no-active-plan', cleanVisit({ date: '2026-04-20' }));
    expect(f).toHaveLength(1);
    expect(f[0]?.severity).toBe('error');
    expect(f[0]?.message).toContain('ended on 2026-04-04');
  });

  it('fires for a discipline without a plan, as a warning under a commercial plan', () => {
    const v = cleanVisit({
      discipline: 'OT',
      services: cleanVisit().services.map((s) => ({ ...s, modifiers: ['GO'] })),
    });
    const f = findingsOf('no-active-plan', v, medicarePatient({ payer: 'commercial' }));
    expect(f).toHaveLength(1);
    expect(f[0]?.severity).toBe('warning');
  });

  it('does not fire inside the interval, or on an evaluation (where the plan is written)', () => {
    expect(findingsOf('no-active-plan', cleanVisit())).toEqual([]);
    const ev = cleanVisit({
      date: '2026-05-01',
      noteType: 'evaluation',
      services: [{ code: '97162', modifiers: ['GP'] }],
    });
    expect(findingsOf('no-active-plan', ev)).toEqual([]);
  });
});
