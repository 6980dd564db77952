import { describe, expect, it } from 'vitest';
import { CHECKS, HISTORY_RULES, RULE_IDS } from '../src/index.ts';

describe('the check registry', () => {
  it('has one entry per rule id', () => {
    expect(Object.keys(CHECKS).sort()).toEqual([...RULE_IDS].sort());
  });

  it('flags exactly the checks that judge a visit against earlier notes', () => {
    expect([...HISTORY_RULES].sort()).toEqual([
      'cloned-description',
      'evaluation-missing',
      'goal-not-measurable',
      'kx-threshold',
      'progress-report-due',
    ]);
  });
});
