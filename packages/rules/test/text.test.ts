import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  agree,
  analyzeDescription,
  article,
  descriptionKey,
  FEATURE_KINDS,
  hasMoreWordsThan,
  PATTERNS,
  plural,
  SCAN_KINDS,
  textFingerprint,
  wordCount,
} from '../src/index.ts';

/** The reference reading: one alternation of every kind, markers last, matched at word starts, first kind wins. */
const REFERENCE = new RegExp(
  String.raw`\b(?:${SCAN_KINDS.map((k) => `(${PATTERNS[k].join('|')})`).join('|')})(?![a-z0-9])`,
  'gi',
);
function reference(text: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  REFERENCE.lastIndex = 0;
  for (let m = REFERENCE.exec(text); m !== null; m = REFERENCE.exec(text)) {
    const k = SCAN_KINDS.findIndex((_, i) => m?.[i + 1] !== undefined);
    const kind = SCAN_KINDS[k] as string;
    out[kind] = [...(out[kind] ?? []), m[k + 1] as string];
  }
  return out;
}
const VOCABULARY = [
  'sit',
  'to',
  'stand',
  'transfers',
  'x10',
  '3x10',
  'with',
  'CGA',
  'min',
  'A',
  'verbal',
  'cues',
  'for',
  '18in',
  'chair',
  'step',
  'ups',
  'squat',
  'retrieve',
  '10',
  'lb',
  'ft',
  'rest',
  'breaks',
  'included',
  'not',
  'billed',
  'hot',
  'pack',
  'while',
  'waiting',
  'gait',
  'RW',
  'SBA',
  'dressing',
  'sock',
  'aid',
  'therex',
  'as',
  'above',
  'pt',
  'tolerated',
  'well',
  'balance',
  'foam',
  'STM',
  'grade',
  'III',
  '50%',
  'assist',
  'toilet',
  'then',
  'noted',
  'improve',
  'setup',
  'preparing',
  'area',
  'trials',
  '80%',
  'phonemic',
  '#',
  '-',
  ',',
];

describe('analyzeDescription', () => {
  it('reads a 97530 note: task, parameters, assistance and cues, quoting the phrases', () => {
    const f = analyzeDescription(
      'Pt performed sit to stand transfers from 18in chair x10 with CGA and verbal cues for hand placement',
    );
    expect(f.task).toEqual(['sit to stand transfers']);
    expect(f.parameters).toEqual(['18in chair', 'x10']);
    expect(f.assistance).toEqual(['CGA']);
    expect(f.cues).toEqual(['verbal cues']);
    expect(f.exercise).toEqual([]);
    expect(f.filler).toEqual([]);
  });

  it.each([
    ['step ups 3x10, bridges 2x15', 'exercise', ['step ups', 'bridges']],
    ['step ups 3x10, bridges 2x15', 'setsReps', ['3x10', '2x15']],
    ['dressing training: donning socks with sock aid, min A', 'adl', ['dressing', 'donning', 'socks', 'sock aid']],
    ['dressing training: donning socks with sock aid, min A', 'assistance', ['min A']],
    ['Squat to retrieve 10 lb box from floor x8', 'task', ['Squat to retrieve']],
    ['mini squats 2x10', 'exercise', ['mini squats']],
    ['Toilet transfers x4 with 50% assist', 'task', ['Toilet transfers']],
    ['Toilet transfers x4 with 50% assist', 'assistance', ['50% assist']],
    ['pt tolerated tx well, see flowsheet', 'filler', ['pt tolerated tx well', 'see flowsheet']],
    ['therex as above', 'filler', ['therex as above']],
    ['Gait 150 ft x2 with RW on uneven surfaces', 'parameters', ['150 ft', 'x2', 'uneven surfaces']],
    ['Tandem stance 30 sec x4 on foam, eyes closed', 'balance', ['Tandem stance', 'eyes closed']],
    ['STM and grade III PA glides to L4-5', 'manual', ['STM', 'grade III', 'PA glides']],
    ['lifting with rest breaks included', 'inactive', ['rest breaks included']],
    ['hot pack while waiting for the bike', 'inactive', ['hot pack while', 'waiting for']],
    ['Word retrieval in conversation, 80% accuracy with phonemic cues', 'speech', ['Word retrieval', 'conversation']],
    ['Word retrieval in conversation, 80% accuracy with phonemic cues', 'parameters', ['80% accuracy']],
    ['chin tuck against resistance x10, effortful swallow', 'swallow', ['chin tuck', 'effortful swallow']],
  ] as const)('"%s" → %s %j', (text, kind, expected) => {
    expect(analyzeDescription(text)[kind]).toEqual(expected);
  });

  it.each([
    // [text, lead phrases, their kinds]: the head of each clause; words after "for", "while"... are not heads.
    ['Sit to stand x10 with CGA for dynamic standing balance', ['Sit to stand'], ['task']],
    ['Tandem stance 30 s x4, then sit to stand x5', ['Tandem stance', 'sit to stand'], ['balance', 'task']],
    ['Transfers x4 with min A; balance noted improved', ['Transfers'], ['task']],
    ['Pt seen for gait training', ['gait training'], ['gait']],
    ['/s/ in word-initial position, 20 trials', ['s/'], ['speech']],
  ] as const)('structure of "%s": leads %j', (text, lead, kinds) => {
    const f = analyzeDescription(text);
    expect(f.lead).toEqual(lead);
    expect(f.leadKinds).toEqual(kinds);
  });

  it.each([
    ['/r/ in initial position, 20 trials, 85% accuracy with mirror feedback', 'speech', ['r/', 'initial position']],
    ['Easy onset at sentence level with DAF, fading cues', 'cues', ['DAF', 'fading cues']],
    ['Minimal pairs, 40 productions, 70% correct with verbal model', 'parameters', ['40 productions', '70% correct']],
    ['Lingual press with IOPI 3 sets of 10', 'oralMotor', ['Lingual press', 'IOPI']],
    [
      'Grooming with setup assist, then toilet transfer with stand-by assist',
      'assistance',
      ['setup assist', 'stand-by assist'],
    ],
    [
      'Minutes include preparing the treatment area and fetching the walker',
      'inactive',
      ['preparing the treatment area', 'fetching the walker'],
    ],
  ] as const)('SLP/OT vocabulary: "%s" → %s %j', (text, kind, expected) => {
    expect(analyzeDescription(text)[kind]).toEqual(expected);
  });

  it('is deterministic: the same text gives the same result', () => {
    const a = analyzeDescription('Carrying 10 lb basket 50 ft with SBA');
    expect(analyzeDescription('Carrying 10 lb basket 50 ft with SBA')).toEqual(a);
  });

  it('finds exactly what one alternation of every pattern finds (the word-start scanner is only faster)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...VOCABULARY), { maxLength: 14 }),
        fc.constantFrom(' ', '  ', ', '),
        (words, sep) => {
          const text = words.join(sep);
          const f = analyzeDescription(text);
          const r = reference(text);
          for (const k of FEATURE_KINDS) expect([...f[k]]).toEqual(r[k] ?? []);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never throws and finds nothing in empty text', () => {
    expect(analyzeDescription('').task).toEqual([]);
    expect(analyzeDescription(undefined).filler).toEqual([]);
    fc.assert(
      fc.property(fc.string(), (s) => {
        const f = analyzeDescription(s);
        for (const k of FEATURE_KINDS) for (const e of f[k]) expect(s).toContain(e);
        for (const e of f.lead) expect(s).toContain(e);
        expect(f.leadKinds.length).toBe(f.lead.length);
      }),
    );
  });
});

describe('textFingerprint', () => {
  it('ignores case and runs of whitespace, not words', () => {
    expect(textFingerprint('Sit to  stand\tx10 ')).toBe(textFingerprint('sit TO stand x10'));
    expect(textFingerprint('sit to stand x10')).not.toBe(textFingerprint('sit to stand x12'));
    expect(textFingerprint('   ')).toBe(0);
  });

  it('equal normalised texts always have equal fingerprints', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[A-Za-z0-9]{1,8}$/), { minLength: 1, maxLength: 8 }), (words) => {
        expect(textFingerprint(words.join('  ').toUpperCase())).toBe(textFingerprint(words.join(' ').toLowerCase()));
      }),
    );
  });

  it('descriptionKey is the fingerprint for texts of enough words, 0 otherwise', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(descriptionKey(s, 3)).toBe(wordCount(s) >= 3 ? textFingerprint(s) : 0);
      }),
    );
  });

  it('counts words', () => {
    expect(wordCount('  a b\tc  ')).toBe(3);
    expect(wordCount('')).toBe(0);
  });

  it('property: hasMoreWordsThan(s, n) is wordCount(s) > n', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z \t\n\u00a0]{0,40}$/), fc.nat(8), (s, n) => {
        expect(hasMoreWordsThan(s, n)).toBe(wordCount(s) > n);
      }),
    );
  });
});

describe('plural and agree', () => {
  it.each([
    [0, 'note', undefined, '0 notes'],
    [1, 'note', undefined, '1 note'],
    [2, 'note', undefined, '2 notes'],
    [1, 'activity', 'activities', '1 activity'],
    [3, 'activity', 'activities', '3 activities'],
  ])('plural(%i, %s)', (n, one, many, out) => expect(plural(n, one, many)).toBe(out));
  it('agrees the verb with the count', () => {
    expect(`${plural(1, 'unsigned note')} still ${agree(1, 'has', 'have')}`).toBe('1 unsigned note still has');
    expect(`${plural(4, 'unsigned note')} still ${agree(4, 'has', 'have')}`).toBe('4 unsigned notes still have');
  });
  it.each([
    ['PT', 'a'],
    ['PTA', 'a'],
    ['OT', 'an'],
    ['SLP', 'an'],
    ['SLPA', 'an'],
    ['evaluation', 'an'],
    ['re-evaluation', 'a'],
    ['exported', 'an'],
    ['daily', 'a'],
    ['progress-report', 'a'],
  ])('article(%s) is %s', (word, a) => expect(article(word)).toBe(a));
});
