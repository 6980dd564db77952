import { describe, expect, it } from 'vitest';
import { cleanVisit, findingsOf, withService } from './fixtures.ts';

describe('not-in-plan', () => {
  it('fires for a service tied to no goal', () => {
    const f = findingsOf('not-in-plan', withService(cleanVisit(), 1, { goalIds: undefined }));
    expect(f.map((x) => x.service)).toEqual([1]);
    expect(f[0]?.message).toContain('tied to no goal');
  });

  it('fires for goal ids the plan does not have', () => {
    const f = findingsOf('not-in-plan', withService(cleanVisit(), 0, { goalIds: ['g9'] }));
    expect(f[0]?.message).toContain('g9');
  });

  it('fires for a code outside the planned codes', () => {
    const v = withService(cleanVisit(), 1, { code: '97535', description: 'LB dressing with sock aid, min A' });
    const f = findingsOf('not-in-plan', v);
    expect(f).toHaveLength(1);
    expect(f[0]?.message).toContain('not among the codes');
  });

  it('does not fire on the clean visit, nor for evaluation codes', () => {
    expect(findingsOf('not-in-plan', cleanVisit())).toEqual([]);
    const ev = cleanVisit({ noteType: 'evaluation', services: [{ code: '97163', modifiers: ['GP'] }] });
    expect(findingsOf('not-in-plan', ev)).toEqual([]);
  });
});
