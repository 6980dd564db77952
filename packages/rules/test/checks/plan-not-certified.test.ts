import { describe, expect, it } from 'vitest';
import type { PlanOfCare } from '../../src/index.ts';
import { cleanVisit, findingsOf, medicarePatient } from './fixtures.ts';

const withPlan = (change: Partial<PlanOfCare>) => {
  const p = medicarePatient();
  const plan = p.plansOfCare?.[0] as PlanOfCare;
  return medicarePatient({ plansOfCare: [{ ...plan, ...change }] });
};

describe('plan-not-certified', () => {
  it('fires (error) when the plan is unsigned more than 30 days after its start', () => {
    const f = findingsOf(
      'plan-not-certified',
      cleanVisit({ date: '2026-02-10' }),
      withPlan({ certifiedDate: undefined }),
    );
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', citation: 'Pub. 100-02 Ch. 15 §220.1.3' });
    expect(f[0]?.message).toContain('due by 2026-02-04');
    expect(f[0]?.message).toContain('order');
  });

  it('only reminds (info) while still inside the 30 days', () => {
    const f = findingsOf(
      'plan-not-certified',
      cleanVisit({ date: '2026-01-20' }),
      withPlan({ certifiedDate: undefined }),
    );
    expect(f.map((x) => x.severity)).toEqual(['info']);
  });

  it('warns when certified late (delayed certification needs its reason)', () => {
    const f = findingsOf('plan-not-certified', cleanVisit(), withPlan({ certifiedDate: '2026-02-20' }));
    expect(f.map((x) => x.severity)).toEqual(['warning']);
  });

  it('does not fire when certified on day 30, nor for a payer without the rule', () => {
    expect(findingsOf('plan-not-certified', cleanVisit(), withPlan({ certifiedDate: '2026-02-04' }))).toEqual([]);
    const commercial = withPlan({ certifiedDate: undefined });
    expect(findingsOf('plan-not-certified', cleanVisit(), { ...commercial, payer: 'commercial' })).toEqual([]);
  });
});
