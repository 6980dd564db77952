import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type CorpusEntry, isClean, runCorpus, scoreCorpus, TEXT_RULES } from './evaluate.ts';

const heldOut = JSON.parse(readFileSync(new URL('./held-out.json', import.meta.url), 'utf8')) as CorpusEntry[];

/**
 * Floors a little under the figures measured on the held-out set the first time it was run (README.md in this
 * folder; `npm run bench -- text` prints them). This set is never tuned on: the test only says when a change
 * makes unseen notes read worse. Targets of issue 15 (recall >= 0.95, <= 1 in 50 clean flagged) are not met yet.
 */
const FLOOR = {
  'vague-description': { precision: 0.95, recall: 0.9 },
  'code-mismatch': { precision: 0.65, recall: 0.85 },
  'inactive-time-billed': { precision: 0.7, recall: 0.4 },
} as const;
const MOST_CLEAN_FLAGGED = 4;

describe('text corpus, held-out set (never tuned on)', () => {
  it('is a third of the corpus, about half clean, every discipline', () => {
    const train = JSON.parse(readFileSync(new URL('./train.json', import.meta.url), 'utf8')) as CorpusEntry[];
    expect(heldOut.length / (heldOut.length + train.length)).toBeGreaterThanOrEqual(1 / 3);
    expect(heldOut.filter(isClean).length / heldOut.length).toBeGreaterThan(0.4);
    for (const d of ['PT', 'OT', 'SLP'] as const) expect(heldOut.some((e) => e.discipline === d)).toBe(true);
    const trainText = new Set(train.map((e) => e.description.toLowerCase()));
    expect(heldOut.filter((e) => trainText.has(e.description.toLowerCase()))).toEqual([]);
  });

  it('reports precision and recall of the text rules, above the floors', () => {
    const s = scoreCorpus(runCorpus(heldOut));
    const figures = TEXT_RULES.map(
      (r) => `${r}: precision ${s.byRule[r].precision.toFixed(2)}, recall ${s.byRule[r].recall.toFixed(2)}`,
    );
    console.info(`held-out (${s.entries}): ${figures.join('; ')}; clean flagged ${s.cleanFlagged}/${s.clean}`);
    for (const r of TEXT_RULES) {
      expect(s.byRule[r].precision).toBeGreaterThanOrEqual(FLOOR[r].precision);
      expect(s.byRule[r].recall).toBeGreaterThanOrEqual(FLOOR[r].recall);
    }
    expect(s.cleanFlagged).toBeLessThanOrEqual(MOST_CLEAN_FLAGGED);
  });
});
