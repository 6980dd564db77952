import { describe, expect, it } from 'vitest';
import { suggestCodes } from '../src/index.ts';

describe('suggestCodes', () => {
  it.each([
    ['Pt performed sit to stand transfers from 18in chair x10 with CGA and verbal cues for hand placement', '97530'],
    ['step ups 3x10, bridges 2x15', '97110'],
    ['dressing training: donning socks with sock aid, min A', '97535'],
    ['Tandem stance on foam 30 sec x5 with CGA, eyes closed', '97112'],
    ['Gait training 150 ft x2 with RW, CGA', '97116'],
    ['STM to lumbar paraspinals, grade III PA glides L4-5', '97140'],
    ['Wheelchair propulsion 100 ft with supervision, brakes management', '97542'],
    ['Word finding in conversation 80% accuracy with phonemic cues', '92507'],
    ['Effortful swallow x10, thin liquid trials with chin tuck', '92526'],
    ['Moist hot pack to low back 10 min', '97010'],
    ['Group of 3 patients: seated exercise', '97150'],
  ])('"%s" → %s first', (text, code) => {
    const s = suggestCodes(text);
    expect(s[0]?.code).toBe(code);
    expect(s[0]?.reasons.length).toBeGreaterThan(0);
  });

  it('sorts best first and quotes its reasons', () => {
    const s = suggestCodes('Sit to stand x10 with CGA, then bridges 2x15');
    expect(s.map((x) => x.code).slice(0, 2)).toEqual(['97530', '97110']);
    expect(s[0]?.reasons.join(' ')).toContain('"Sit to stand"');
    for (let i = 1; i < s.length; i++) expect((s[i - 1]?.score ?? 0) >= (s[i]?.score ?? 0)).toBe(true);
  });

  it('keeps only the discipline’s codes', () => {
    const s = suggestCodes('step ups 3x10, bridges 2x15', 'SLP');
    expect(s.map((x) => x.code)).not.toContain('97110');
  });

  it('suggests nothing for filler', () => {
    expect(suggestCodes('pt tolerated treatment well')).toEqual([]);
  });
});
