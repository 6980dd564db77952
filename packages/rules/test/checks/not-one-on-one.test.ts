import { describe, expect, it } from 'vitest';
import { cleanVisit, findingsOf, withService } from './fixtures.ts';

describe('not-one-on-one', () => {
  it('fires for 97530 documented with 3 patients at once, pointing to 97150', () => {
    const f = findingsOf('not-one-on-one', withService(cleanVisit(), 0, { groupSize: 3 }));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ service: 0, severity: 'error' });
    expect(f[0]?.message).toContain('97150');
  });

  it('does not fire for one patient, or for 97150 itself, or for supervised modalities', () => {
    expect(findingsOf('not-one-on-one', withService(cleanVisit(), 0, { groupSize: 1 }))).toEqual([]);
    const group = cleanVisit({
      services: [
        {
          code: '97150',
          groupSize: 4,
          modifiers: ['GP'],
          goalIds: ['g1'],
          description: 'group of 4: sit to stand x10',
        },
        { code: '97035', minutes: 8, groupSize: 2, modifiers: ['GP'], goalIds: ['g1'] },
      ],
    });
    expect(findingsOf('not-one-on-one', group)).toEqual([]);
  });
});
