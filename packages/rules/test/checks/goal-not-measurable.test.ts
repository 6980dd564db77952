import { describe, expect, it } from 'vitest';
import { createAuditor, judgeGoal, type PlanOfCare } from '../../src/index.ts';
import { cleanVisit, findingsOf, medicarePatient } from './fixtures.ts';

const GOALS: [string, boolean][] = [
  ['Sit-to-stand from a standard chair independently x5 in 6 weeks', true],
  ['Walk 300 ft with SPC and SBA on level surfaces in 6 weeks', true],
  ['Improve TUG to under 13.5 sec in 4 weeks', true],
  ['Lift 20 lb floor to waist with proper mechanics by discharge', true],
  ['Name 8/10 common objects with min cues in 8 weeks', true],
  ['Knee flexion AROM to 110° in 4 weeks', true],
  ['Improve balance', false],
  ['Increase strength in 4 weeks', false],
  ['Patient will be able to return to prior level of function', false],
  ['Improve safety with ADLs', false],
];

describe('goal-not-measurable', () => {
  it.each(GOALS)('"%s" measurable=%s', (text, measurable) => {
    expect(judgeGoal(text).target !== undefined).toBe(measurable);
  });

  it('fires once per plan for a goal without a target, naming the goal', () => {
    const base = medicarePatient();
    const plan = base.plansOfCare?.[0] as PlanOfCare;
    const patient = medicarePatient({
      plansOfCare: [{ ...plan, goals: [...plan.goals, { id: 'g3', text: 'Improve balance' }] }],
    });
    const f = findingsOf('goal-not-measurable', cleanVisit(), patient);
    expect(f).toHaveLength(1);
    // Named by its words, never by its id.
    expect(f[0]?.message).toContain('A goal of the PT plan of care');
    expect(f[0]?.message).toContain('("Improve balance")');
    expect(f[0]?.message).not.toContain('g3');
    expect(f[0]?.message).toContain('timeframe');
    const a = createAuditor({ patients: [patient] });
    a.auditVisit(cleanVisit());
    expect(
      a
        .auditVisit(cleanVisit({ id: 'v2', date: '2026-02-04' }))
        .findings.filter((x) => x.rule === 'goal-not-measurable'),
    ).toEqual([]);
  });

  it('does not fire for measurable goals', () => {
    expect(findingsOf('goal-not-measurable', cleanVisit())).toEqual([]);
  });
});
