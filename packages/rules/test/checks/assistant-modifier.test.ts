import { describe, expect, it } from 'vitest';
import { cleanVisit, findingsOf, medicarePatient, withService } from './fixtures.ts';

describe('assistant-modifier', () => {
  it('fires when a PTA furnished more than 10% of the minutes and CQ is missing (X-8: PTA 23 of 36)', () => {
    const v = withService(cleanVisit(), 0, { minutes: 36, assistantMinutes: 23 });
    const f = findingsOf('assistant-modifier', v);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ service: 0, severity: 'error', citation: 'SSA §1834(v); CMS CQ/CO billing examples' });
    expect(f[0]?.message).toContain('CQ');
  });

  it('treats a whole visit by a PTA as the assistant’s, and asks for CO on an OTA visit', () => {
    const pta = cleanVisit({ provider: { credential: 'PTA' } });
    expect(findingsOf('assistant-modifier', pta)).toHaveLength(2);
    const ota = cleanVisit({
      discipline: 'OT',
      provider: { credential: 'OTA' },
      services: [{ code: '97535', minutes: 20, modifiers: ['GO'], description: 'LB dressing with sock aid, min A' }],
    });
    expect(findingsOf('assistant-modifier', ota)[0]?.message).toContain('CO');
  });

  it('does not fire at 10% or less, or with CQ present when needed', () => {
    expect(
      findingsOf('assistant-modifier', withService(cleanVisit(), 0, { minutes: 30, assistantMinutes: 3 })),
    ).toEqual([]);
    const ok = withService(cleanVisit(), 0, { minutes: 36, assistantMinutes: 23, modifiers: ['GP', 'CQ'] });
    expect(findingsOf('assistant-modifier', ok)).toEqual([]);
  });

  it('warns when CQ is present but the assistant furnished 10% or less, and errors on CO with GP', () => {
    const extra = withService(cleanVisit(), 0, { modifiers: ['GP', 'CQ'] });
    expect(findingsOf('assistant-modifier', extra).map((f) => f.severity)).toEqual(['warning']);
    const wrong = withService(cleanVisit(), 0, { modifiers: ['GP', 'CO'], assistantMinutes: 20 });
    expect(findingsOf('assistant-modifier', wrong)[0]?.message).toContain('Use CQ');
  });

  it('is not judged for a payer without the CQ/CO rule', () => {
    const v = cleanVisit({ provider: { credential: 'PTA' } });
    expect(findingsOf('assistant-modifier', v, medicarePatient({ payer: 'commercial' }))).toEqual([]);
  });
});
