import { describe, expect, it } from 'vitest';
import { cleanVisit, findingsOf, withService } from './fixtures.ts';

/**
 * Real-looking descriptions under a billed code: [code, description, vague?]. Since issue 15 a description with no
 * task, no parameters and no assistance at all is an error; one that is specific but misses an element a warning.
 */
const GENERIC = new Set([
  'therapeutic activities as tolerated',
  'Therapeutic activities performed.',
  'Pt tolerated treatment well.',
  'functional mobility training, see flowsheet',
  '',
  'Exercises as per flowsheet.',
  'manual as above',
  'ADLs',
  'Speech therapy per plan',
]);
const TABLE: [string, string, boolean][] = [
  [
    '97530',
    'Pt performed sit to stand transfers from 18in chair x10 with CGA and verbal cues for hand placement',
    false,
  ],
  ['97530', 'Floor-to-waist lifting of a 12 lb box x8 with SBA, cues for hip hinge and load close to body', false],
  ['97530', 'Carrying a 10 lb laundry basket 60 feet over carpet and tile with CGA and verbal cues for pacing', false],
  ['97530', 'Car transfer simulation x5 with min A; tactile cues for sequencing and leg management', false],
  ['97530', 'Overhead reaching to place cans on a 20-inch shelf x12 with supervision to simulate kitchen tasks', false],
  ['97530', 'therapeutic activities as tolerated', true],
  ['97530', 'Therapeutic activities performed.', true],
  ['97530', 'Pt tolerated treatment well.', true],
  ['97530', 'functional mobility training, see flowsheet', true],
  ['97530', 'Transfers', true],
  ['97530', 'Worked on balance.', true],
  ['97530', '', true],
  ['97110', 'Bridges 3x12 and clamshells with red band 3x10 for hip strength', false],
  ['97110', 'Exercises as per flowsheet.', true],
  ['97110', 'Strengthening', true],
  ['97112', 'Static standing balance on foam 30 seconds x5 with CGA, eyes open and closed', false],
  ['97112', 'Balance activities', true],
  ['97116', 'Gait training 150 ft x2 with RW on level tile, CGA, verbal cues for step length', false],
  ['97116', 'gait training', true],
  ['97140', 'Soft tissue mobilization to the lumbar paraspinals for 8 minutes to reduce guarding', false],
  ['97140', 'manual as above', true],
  [
    '97535',
    'Upper body dressing training with a button-up shirt using one-handed technique, min A, verbal cues',
    false,
  ],
  ['97535', 'ADLs', true],
  ['92507', 'Word retrieval tasks in structured conversation, 70% accuracy with min semantic cues', false],
  ['92507', 'Speech therapy per plan', true],
  ['92526', 'Swallowing exercises: effortful swallow x10, chin tuck against resistance x10 with verbal cues', false],
];

describe('vague-description', () => {
  it.each(TABLE)('%s "%s" vague=%s', (code, description, vague) => {
    const v = cleanVisit({
      discipline: code.startsWith('925') ? 'SLP' : 'PT',
      services: [{ code, minutes: 15, units: 1, modifiers: ['GP'], goalIds: ['g1'], description }],
    });
    const f = findingsOf('vague-description', v);
    expect(f.length).toBe(vague ? 1 : 0);
    if (vague) {
      expect(f[0]).toMatchObject({ service: 0, severity: GENERIC.has(description) ? 'error' : 'warning' });
      expect(f[0]?.message).toMatch(/write /);
    }
  });

  it('quotes the filler it found', () => {
    const f = findingsOf(
      'vague-description',
      withService(cleanVisit(), 0, { description: 'therapeutic activities as tolerated' }),
    );
    expect(f[0]?.message).toContain('"therapeutic activities"');
    expect(f[0]?.message).toContain('"as tolerated"');
  });

  it('an empty description ("therapy session", the seed example) is an error naming the three missing elements', () => {
    const f = findingsOf('vague-description', withService(cleanVisit(), 0, { description: 'therapy session' }));
    expect(f).toHaveLength(1);
    expect(f[0]?.severity).toBe('error');
    expect(f[0]?.message).toContain('no task, no parameters and no assistance');
    expect(f[0]?.message).toContain('"therapy session"');
  });

  it('a specific description missing one element is a warning that quotes what was read', () => {
    const noDose = findingsOf('vague-description', withService(cleanVisit(), 0, { description: 'Car transfers' }));
    expect(noDose[0]).toMatchObject({ severity: 'warning' });
    expect(noDose[0]?.message).toContain('"Car transfers"');
    expect(noDose[0]?.message).toContain('no parameters');
    const noTask = findingsOf('vague-description', withService(cleanVisit(), 0, { description: 'x10 with CGA' }));
    expect(noTask[0]).toMatchObject({ severity: 'warning' });
    expect(noTask[0]?.message).toContain('no functional task is named');
    expect(noTask[0]?.message).toContain('parameters "x10"');
    expect(noTask[0]?.message).toContain('assistance "CGA"');
  });

  /** Skilled SLP and OT text: a target or task, trials or counts, accuracy, and a cue level (ASHA, AOTA). */
  it.each([
    ['92507', '/r/ in word-final position, 20 trials, 85% accuracy with tactile cues faded to a verbal model'],
    ['92507', 'Minimal pairs for fronting, 30 productions, 70% correct with visual placement cues'],
    ['92507', 'Easy onset in 3-word phrases, 25 phrases, 90% fluent with DAF faded over the session'],
    ['92507', 'Confrontation naming of 20 pictures, 14/20 with phonemic cues, 18/20 with semantic and phonemic'],
    [
      '92526',
      'Chin tuck with thin liquids by cup, 10 of 10 sips without cough; effortful swallow x10 with verbal cues',
    ],
    ['97129', 'Delayed recall of a 4-item list after 10 min, 3/4 with category cues'],
  ])('SLP %s "%s" passes', (code, description) => {
    const v = cleanVisit({
      discipline: 'SLP',
      services: [{ code, minutes: 15, units: 1, modifiers: ['GN'], goalIds: ['g1'], description }],
    });
    expect(findingsOf('vague-description', v)).toEqual([]);
    expect(findingsOf('code-mismatch', v)).toEqual([]);
  });

  it('leaves a clear fit for another code to code-mismatch', () => {
    const v = withService(cleanVisit(), 0, { description: 'step ups 3x10, bridges 2x15' });
    expect(findingsOf('vague-description', v)).toEqual([]);
    expect(findingsOf('code-mismatch', v)).toHaveLength(1);
  });

  it('does not judge evaluations or supervised modalities', () => {
    const v = cleanVisit({
      noteType: 'evaluation',
      services: [
        { code: '97162', modifiers: ['GP'] },
        { code: '97010', modifiers: ['GP'], description: 'hot pack' },
      ],
    });
    expect(findingsOf('vague-description', v)).toEqual([]);
  });

  it('reads the assistance field with the description, as one statement', () => {
    const task = 'Sit to stand transfers';
    const split = withService(cleanVisit(), 0, {
      description: task,
      assistance: 'CGA, verbal cues for hand placement',
    });
    const joined = withService(cleanVisit(), 0, { description: `${task} with CGA and verbal cues for hand placement` });
    const taskOnly = withService(cleanVisit(), 0, { description: task });
    expect(findingsOf('vague-description', split)).toEqual([]);
    expect(findingsOf('vague-description', joined)).toEqual([]);
    // Assistance alone names no task: still vague, but not "has no description".
    const cuesOnly = withService(cleanVisit(), 0, { description: '', assistance: 'min assist, verbal cues' });
    expect(findingsOf('vague-description', cuesOnly)[0]?.message).not.toContain('has no description');
    expect(findingsOf('vague-description', taskOnly)).toHaveLength(1);
  });
});
