import { describe, expect, it } from 'vitest';
import { judgeGoal } from '../src/text/goal-target.ts';

describe('judgeGoal', () => {
  it.each([
    'Produce /s/ in the initial position of words in 9 of 10 trials within 4 weeks',
    'Name 8 of 10 household objects within 6 weeks',
    'Follow 2-step directions in 4 out of 5 opportunities in 8 weeks',
    'Ambulate 150 ft with a rolling walker and SBA in 4 weeks',
  ])('finds a target and a timeframe in %s', (goal) => {
    const j = judgeGoal(goal);
    expect(j.target).toBeDefined();
    expect(j.timeframe).toBeDefined();
  });

  it.each(['Improve balance', 'Patient will feel better and be more functional at home'])(
    'finds no target in %s',
    (goal) => {
      expect(judgeGoal(goal).target).toBeUndefined();
    },
  );
});
