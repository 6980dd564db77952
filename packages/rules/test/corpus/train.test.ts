import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type CorpusEntry, isClean, runCorpus, scoreCorpus, TEXT_RULES } from './evaluate.ts';

const train = JSON.parse(readFileSync(new URL('./train.json', import.meta.url), 'utf8')) as CorpusEntry[];
const results = runCorpus(train);

describe('text corpus, training set (the analyser is tuned on this one)', () => {
  it('is a corpus of at least 100 labelled PT, OT and SLP descriptions, about half clean', () => {
    expect(train.length).toBeGreaterThanOrEqual(100);
    for (const d of ['PT', 'OT', 'SLP'] as const)
      expect(train.filter((e) => e.discipline === d).length).toBeGreaterThan(15);
    const clean = train.filter(isClean).length;
    expect(clean / train.length).toBeGreaterThan(0.4);
    expect(new Set(train.map((e) => e.id)).size).toBe(train.length);
  });

  it.each(results.map((r) => [r.entry.id, r.entry.description, r] as const))('%s "%s"', (_id, _d, r) => {
    for (const rule of TEXT_RULES) {
      const want =
        rule === 'vague-description'
          ? !r.entry.specific
          : rule === 'code-mismatch'
            ? r.entry.billed !== r.entry.code
            : r.entry.inactive;
      expect({ rule, fired: r.fired[rule] }).toEqual({ rule, fired: want });
    }
    const vague = r.findings.find((f) => f.rule === 'vague-description');
    if (vague) expect(vague.severity).toBe(r.entry.generic ? 'error' : 'warning');
    if (isClean(r.entry)) expect(r.findings).toEqual([]);
  });

  it('scores: recall 1 on every rule, no clean description flagged', () => {
    const s = scoreCorpus(results);
    for (const rule of TEXT_RULES) expect(s.byRule[rule].recall).toBe(1);
    expect(s.cleanFlagged).toBe(0);
  });
});
