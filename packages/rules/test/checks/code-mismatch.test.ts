import { describe, expect, it } from 'vitest';
import { cleanVisit, findingsOf, withService } from './fixtures.ts';

/** [billed code, description, expected better code or null]. */
const TABLE: [string, string, string | null][] = [
  [
    '97530',
    'Pt performed sit to stand transfers from 18in chair x10 with CGA and verbal cues for hand placement',
    null,
  ],
  ['97530', 'step ups 3x10, bridges 2x15', '97110'],
  ['97530', 'SLR 2x15, LAQ with 3# 2x10, heel raises x20', '97110'],
  ['97530', 'dressing training: donning socks with sock aid, min A', '97535'],
  ['97530', 'LB dressing and bathing training with long-handled sponge, mod A, verbal cues for sequencing', '97535'],
  ['97530', 'Toilet transfers x4 with CGA, then LB dressing with min A', null],
  ['97530', 'Tandem stance 30 sec x4 and SLS 10 sec x5 on foam with CGA', '97112'],
  ['97530', 'STM and grade III PA glides to L4-5', '97140'],
  ['97530', 'Squat to retrieve 10 lb box from floor x8, carried 50 ft with SBA', null],
  ['97110', 'Bridges 3x12 and clamshells with red band 3x10 for hip strength', null],
  ['97110', 'Sit to stand transfers from 18in chair x10 with CGA, car transfer x3 with min A', '97530'],
  [
    '97535',
    'Tub transfer bench training x4 with min A; instructed in bathing sequence and long-handled sponge use',
    null,
  ],
  ['97112', 'Tandem walking 40 feet x3 with CGA and verbal cues for postural control', null],
  ['97530', 'therapeutic activities as tolerated', null],
  // One keyword does not move a code (issue 15): a transfer task with its parameters and assistance stays 97530.
  ['97530', 'Sit to stand transfers x10 from 18in chair with CGA, cues for dynamic standing balance', null],
  ['97530', 'Stand pivot transfer bed to w/c x4 with min A; weight shift and balance during the pivot', null],
  ['97530', 'Car transfer x3 with min A, gait belt, cues for balance when lifting legs in', null],
  ['97112', 'Sit to stand transfers x10 with CGA for balance', '97530'],
  ['97530', 'Squat-to-stand to pick up toys from the floor x10 and carrying them 17 feet with contact guard', null],
  ['97112', 'Stand pivot transfers bed to chair x5 with min A; balance noted improved during pivot', '97530'],
  ['97530', 'Tandem walking 20 ft x4, SLS 3x15 s on foam with CGA, eyes closed', '97112'],
];

describe('code-mismatch', () => {
  it.each(TABLE)('%s "%s" → %s', (code, description, better) => {
    const v = cleanVisit({
      services: [{ code, minutes: 15, units: 1, modifiers: ['GP'], goalIds: ['g1'], description }],
    });
    const f = findingsOf('code-mismatch', v);
    if (better === null) expect(f).toEqual([]);
    else {
      expect(f).toHaveLength(1);
      expect(f[0]).toMatchObject({ service: 0, severity: 'warning' });
      expect(f[0]?.message).toContain(`fits ${better} better`);
    }
  });

  it('quotes the evidence: sets and reps for 97110', () => {
    const v = cleanVisit({
      services: [
        { code: '97530', minutes: 15, modifiers: ['GP'], goalIds: ['g1'], description: 'step ups 3x10, bridges 2x15' },
      ],
    });
    const msg = findingsOf('code-mismatch', v)[0]?.message ?? '';
    expect(msg).toContain('"3x10"');
    expect(msg).toContain('"step ups"');
  });

  it('says which words led to the other code and what was read of the billed one', () => {
    const v = cleanVisit({
      services: [
        {
          code: '97112',
          minutes: 15,
          modifiers: ['GP'],
          goalIds: ['g1'],
          description: 'Sit to stand transfers x10 with CGA for balance',
        },
      ],
    });
    const msg = findingsOf('code-mismatch', v)[0]?.message ?? '';
    expect(msg).toContain('functional task: "Sit to stand transfers"');
    expect(msg).toContain('"x10"');
    expect(msg).toContain('"CGA"');
    expect(msg).toContain('for 97112: "balance" only inside another task');
  });

  it('judges SLP codes among themselves: swallowing work billed as 92507 fits 92526', () => {
    const v = cleanVisit({
      discipline: 'SLP',
      services: [
        {
          code: '92507',
          modifiers: ['GN'],
          goalIds: ['g1'],
          description: 'Effortful swallow x10 with puree, chin tuck with thin liquids 8/10 sips, mod verbal cues',
        },
      ],
    });
    expect(findingsOf('code-mismatch', v)[0]?.message).toContain('fits 92526 better');
  });

  it('only suggests codes of the visit discipline', () => {
    const v = cleanVisit({
      discipline: 'SLP',
      services: [
        { code: '92507', minutes: 30, modifiers: ['GN'], goalIds: ['g1'], description: 'bridges 3x10 and SLR 3x10' },
      ],
    });
    expect(findingsOf('code-mismatch', v)).toEqual([]);
  });
});

describe('hyphenated functional tasks', () => {
  it('"Squat-to-lift of a box" is a lifting task (97530), written with hyphens as "squat to lift" is without', () => {
    for (const text of [
      'Squat-to-lift of a 7 lb box from a low shelf, 10 repetitions, supervision, cues for sequencing',
      'Squat to lift a 7 lb box from a low shelf, 10 repetitions, supervision, cues for sequencing',
    ])
      expect(findingsOf('code-mismatch', withService(cleanVisit(), 0, { description: text }))).toEqual([]);
  });
});
