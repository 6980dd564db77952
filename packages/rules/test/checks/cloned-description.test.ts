import { describe, expect, it } from 'vitest';
import { createAuditor } from '../../src/index.ts';
import { cleanVisit, medicarePatient, withService } from './fixtures.ts';

describe('cloned-description', () => {
  it('fires on the second visit with the same description (case and spacing aside), naming the first', () => {
    const a = createAuditor({ patients: [medicarePatient()] });
    expect(a.auditVisit(cleanVisit()).findings.filter((f) => f.rule === 'cloned-description')).toEqual([]);
    const second = withService(cleanVisit({ id: 'v2', date: '2026-02-04' }), 0, {
      description:
        'PT PERFORMED  sit to stand transfers from 18in chair x10 with CGA and verbal cues for hand   placement',
    });
    const f = a.auditVisit(second).findings.filter((x) => x.rule === 'cloned-description');
    expect(f.map((x) => x.service)).toEqual([0, 1]);
    expect(f[0]?.message).toContain('the visit on 2026-02-02');
    expect(f[0]?.message).not.toContain('v1');
  });

  it('does not fire for changed text, other patients, or short descriptions', () => {
    const other = medicarePatient({ id: 'p2' });
    const a = createAuditor({ patients: [medicarePatient(), other] });
    const first = cleanVisit({
      services: [
        ...cleanVisit().services,
        { code: '97010', modifiers: ['GP'], goalIds: ['g1'], description: 'moist heat low back' },
      ],
    });
    a.auditVisit(first);
    const changed = withService(cleanVisit({ id: 'v2', date: '2026-02-04', services: first.services }), 0, {
      description: 'Sit to stand transfers from 17in chair x12 with SBA and verbal cues for hand placement',
    });
    const rest = { ...changed, services: changed.services.slice(0, 1).concat(first.services.slice(2)) };
    expect(a.auditVisit(rest).findings.filter((f) => f.rule === 'cloned-description')).toEqual([]);
    const p2 = cleanVisit({ id: 'v3', patientId: 'p2', date: '2026-02-05' });
    expect(a.auditVisit(p2).findings.filter((f) => f.rule === 'cloned-description')).toEqual([]);
  });
});
