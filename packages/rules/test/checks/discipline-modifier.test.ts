import { describe, expect, it } from 'vitest';
import { cleanVisit, findingsOf, medicarePatient, withService } from './fixtures.ts';

describe('discipline-modifier', () => {
  it('fires (error) when an always-therapy code lacks GP under Medicare', () => {
    const f = findingsOf('discipline-modifier', withService(cleanVisit(), 0, { modifiers: [] }));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ service: 0, severity: 'error' });
    expect(f[0]?.message).toContain('Add GP');
  });

  it('fires when the modifier does not match the plan discipline (GO on a PT visit), whatever the payer', () => {
    const v = withService(cleanVisit(), 1, { modifiers: ['GO'] });
    expect(findingsOf('discipline-modifier', v)[0]?.message).toContain('use GP');
    expect(findingsOf('discipline-modifier', v, medicarePatient({ payer: 'commercial' }))).toHaveLength(1);
  });

  it('reads modifiers without regard to case', () => {
    expect(findingsOf('discipline-modifier', withService(cleanVisit(), 0, { modifiers: ['gp'] }))).toEqual([]);
    expect(findingsOf('discipline-modifier', withService(cleanVisit(), 0, { modifiers: ['go'] }))).toHaveLength(1);
  });

  it('fires when a line carries two of GP/GO/GN', () => {
    expect(findingsOf('discipline-modifier', withService(cleanVisit(), 0, { modifiers: ['GP', 'GN'] }))).toHaveLength(
      1,
    );
  });

  it('warns only on a "sometimes therapy" code (97129) without a modifier', () => {
    const v = cleanVisit({
      services: [
        { code: '97129', minutes: 15, modifiers: [], goalIds: ['g1'], description: 'attention tasks 80% accuracy' },
      ],
    });
    expect(findingsOf('discipline-modifier', v).map((f) => f.severity)).toEqual(['warning']);
  });

  it('does not fire on the clean visit, nor for a missing modifier where the payer does not require it', () => {
    expect(findingsOf('discipline-modifier', cleanVisit())).toEqual([]);
    const v = withService(cleanVisit(), 0, { modifiers: [] });
    expect(findingsOf('discipline-modifier', v, medicarePatient({ payer: 'commercial' }))).toEqual([]);
  });
});
