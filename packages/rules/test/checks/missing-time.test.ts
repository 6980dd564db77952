import { describe, expect, it } from 'vitest';
import { createAuditor, type DocumentationRules } from '../../src/index.ts';
import { cleanVisit, findingsOf, medicarePatient, withService } from './fixtures.ts';

const LAX_DOCS: DocumentationRules = {
  progressReportEveryTreatmentDays: null,
  certificationWithinDays: null,
  requiresDisciplineModifier: false,
  requiresAssistantModifier: false,
  requiresTotalMinutes: false,
  appliesKxThreshold: false,
  appliesNcci: false,
};

describe('missing-time', () => {
  it('fires for a timed code without minutes', () => {
    const f = findingsOf('missing-time', withService(cleanVisit(), 1, { minutes: undefined }));
    expect(f.map((x) => x.service)).toEqual([1]);
    expect(f[0]?.severity).toBe('error');
  });

  it('fires when Medicare requires total timed and total treatment minutes and the note lacks them', () => {
    const f = findingsOf(
      'missing-time',
      cleanVisit({ totalTimedMinutes: undefined, totalTreatmentMinutes: undefined }),
    );
    expect(f).toHaveLength(1);
    expect(f[0]?.message).toContain('total timed minutes and no total treatment minutes');
  });

  it('does not fire on the clean visit, or for an untimed code without minutes', () => {
    expect(findingsOf('missing-time', cleanVisit())).toEqual([]);
    const evalVisit = cleanVisit({
      noteType: 'evaluation',
      totalTimedMinutes: undefined,
      services: [{ code: '97162', modifiers: ['GP'] }],
    });
    expect(findingsOf('missing-time', evalVisit)).toEqual([]);
  });

  it('does not ask for totals when the payer does not require them', () => {
    const lax = medicarePatient({ payer: 'lax' });
    const a = createAuditor({
      patients: [lax],
      payers: [{ id: 'lax', versions: [{ documentation: LAX_DOCS }] }],
    });
    const f = a
      .auditVisit(cleanVisit({ totalTimedMinutes: undefined, totalTreatmentMinutes: undefined }))
      .findings.filter((x) => x.rule === 'missing-time');
    expect(f).toEqual([]);
  });
});
