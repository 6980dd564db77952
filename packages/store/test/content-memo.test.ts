import { describe, expect, it } from 'vitest';
import { ContentMemo } from '../src/repos/content-memo.ts';

describe('ContentMemo', () => {
  const digest = ContentMemo.digest({ services: [{ code: '97110', minutes: 23 }], nonBillable: [] } as never);

  it('holds a digest only at the version it was written at, and forgets on request', () => {
    const m = new ContentMemo();
    m.set('c1:v1', 2, digest);
    expect(m.holds('c1:v1', 2, digest)).toBe(true);
    expect(m.holds('c1:v1', 1, digest)).toBe(false);
    expect(m.holds('c1:v1', 2, 'other')).toBe(false);
    m.forget('c1:v1');
    expect(m.holds('c1:v1', 2, digest)).toBe(false);
  });

  it('keeps the 10,000 latest writes: the oldest write goes first, however often it was checked', () => {
    const m = new ContentMemo();
    for (let i = 0; i < 10_000; i++) m.set(`v${i}`, 1, digest);
    expect(m.holds('v0', 1, digest)).toBe(true);
    m.set('v10000', 1, digest);
    expect(m.holds('v0', 1, digest)).toBe(false);
    expect(m.holds('v1', 1, digest)).toBe(true);
    expect(m.holds('v10000', 1, digest)).toBe(true);
  });
});
