import { describe, expect, it } from 'vitest';
import { cleanVisit, findingsOf } from './fixtures.ts';

describe('missing-response', () => {
  it.each([undefined, '', '   ', 'Pt tolerated treatment well.', 'tolerated well', 'good session'])(
    'fires for response %j',
    (response) => {
      const f = findingsOf('missing-response', cleanVisit({ response }));
      expect(f).toHaveLength(1);
      expect(f[0]?.severity).toBe('warning');
    },
  );

  it.each([
    'Sit to stand improved from min A to CGA; progressing toward goal 1.',
    'Reports less pain with lifting (4/10 from 6/10).',
    'Needed fewer cues for sequencing than last session.',
    'Pt tolerated treatment well; walked 200 ft vs 150 ft last week.',
  ])('does not fire for "%s"', (response) => {
    expect(findingsOf('missing-response', cleanVisit({ response }))).toEqual([]);
  });

  it('does not judge an evaluation', () => {
    expect(findingsOf('missing-response', cleanVisit({ noteType: 'evaluation', response: undefined }))).toEqual([]);
  });
});
