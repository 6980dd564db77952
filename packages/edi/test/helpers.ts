import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type X12Interchange, X12Parser } from 'node-x12';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The monorepo root. */
export const repoRoot = path.resolve(here, '../../..');
/** Our own fixtures. */
export const fixtures = path.join(here, 'fixtures');
/** The third-party X12 samples, beside the repository (shared/fixtures/x12). */
export const sharedX12 = path.resolve(repoRoot, '../shared/fixtures/x12');
/** Whether ../shared is present (it is absent on a fresh clone outside the team machine). */
export const hasShared = existsSync(sharedX12);

/**
 * Parses X12 with node-x12 (the peer) and flattens it to `[tag, ...values]` segments. node-x12 turns ISA13 and
 * IEA02 into plain integers, so callers normalise those two before comparing.
 * @param text - the X12 text
 */
export function nodeX12Segments(text: string): string[][] {
  const i = new X12Parser(true).parse(text) as X12Interchange;
  const out: string[][] = [];
  const seg = (s: { tag: string; elements: { value: string }[] }) =>
    out.push([s.tag, ...s.elements.map((e) => e.value)]);
  seg(i.header);
  for (const g of i.functionalGroups) {
    seg(g.header);
    for (const t of g.transactions) {
      seg(t.header);
      for (const s of t.segments) seg(s);
      seg(t.trailer);
    }
    seg(g.trailer);
  }
  seg(i.trailer);
  return out;
}

/**
 * Makes ISA13 and IEA02 plain integers, as node-x12 reports them.
 * @param segs - segments
 */
export function normaliseControls(segs: string[][]): string[][] {
  return segs.map((s) => {
    if (s[0] === 'ISA' && s[13] !== undefined) return [...s.slice(0, 13), String(Number(s[13])), ...s.slice(14)];
    if (s[0] === 'IEA' && s[2] !== undefined) return [s[0], s[1] as string, String(Number(s[2]))];
    return s;
  });
}
