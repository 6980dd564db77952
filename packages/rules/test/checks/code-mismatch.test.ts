import { describe, expect, it } from 'vitest';
import { cleanVisit, findingsOf } from './fixtures.ts';

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
