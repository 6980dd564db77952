import { describe, expect, it } from 'vitest';
import { computeUnits } from '../src/index.ts';

describe('computeUnits (smoke)', () => {
  it('CMS-1: 97112 24 + 97110 23 = 3 units, 2 + 1', () => {
    const r = computeUnits(
      [
        { code: '97112', minutes: 24 },
        { code: '97110', minutes: 23 },
      ],
      'cms',
    );
    expect(r.lines.map((l) => [l.code, l.units])).toEqual([
      ['97112', 2],
      ['97110', 1],
    ]);
  });
});
