import data from '../../data/icd10cm-therapy.json' with { type: 'json' };

/** One ICD-10-CM code with its long description (data/icd10cm-therapy.json, CMS ICD-10-CM FY2026). */
export interface Icd10Code {
  /** As written, with the dot: `M17.11`. */
  code: string;
  description: string;
}

/** Where the code list comes from, for a screen or report to cite. */
export const ICD10CM_SOURCE = `data/icd10cm-therapy.json: ${data.source}`;

interface Entry extends Icd10Code {
  /** The code without the dot, upper case: `M1711`. */
  bare: string;
  /** The description's words, lower case. */
  words: string[];
}

const WORD = /[a-z0-9]+/g;

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

function bareCode(text: string): string {
  return text.replace(/[.\s]/g, '').toUpperCase();
}

const ENTRIES: Entry[] = data.codes.map((c) => ({ ...c, bare: bareCode(c.code), words: wordsOf(c.description) }));
const BY_BARE = new Map(ENTRIES.map((e) => [e.bare, e]));

/**
 * The description of a code in the list, with or without its dot (`M17.11`, `m1711`); undefined when the list does
 * not have it (the list is a subset: a code missing here may still be valid).
 * @param code - an ICD-10-CM code
 */
export function icd10Description(code: string): string | undefined {
  return BY_BARE.get(bareCode(code))?.description;
}

// A query that starts like a code: a letter, a digit (M1, M17.1, r13).
const CODE_LIKE = /^[a-z][0-9][0-9a-z]*\.?[0-9a-z]*$/i;

/**
 * Searches the therapy ICD-10-CM list by code or by words. A code-like query (`M17`, `m17.1`, `R2689`) matches code
 * prefixes, dot or no dot. Otherwise every word of the query must begin a word of the description, in any order
 * (`knee osteo right` finds M17.11; a final s or y is let go on words of five letters or more); results with the query's words earlier and shorter descriptions come first.
 * Pure; the list is in memory.
 * @param query - what was typed
 * @param limit - at most this many results (default 20)
 * @example
 * searchIcd10('dysphagia oral')[0]; // { code: 'R13.11', description: 'Dysphagia, oral phase' }
 */
export function searchIcd10(query: string, limit = 20): Icd10Code[] {
  const q = query.trim();
  if (q.length === 0 || limit <= 0) return [];
  const out: { entry: Entry; score: number }[] = [];
  if (CODE_LIKE.test(q)) {
    const prefix = bareCode(q);
    // Tabular order (the code itself), the exact code first.
    for (const e of ENTRIES) if (e.bare.startsWith(prefix)) out.push({ entry: e, score: e.bare === prefix ? 0 : 1 });
    // A code-like query with no code hit may still be a word ("r" alone is not code-like; "b12" might be text).
    if (out.length > 0) return finish(out, limit);
  }
  const terms = wordsOf(q);
  if (terms.length === 0) return [];
  for (const e of ENTRIES) {
    let score = 0;
    let all = true;
    for (const t of terms) {
      let at = e.words.findIndex((w) => w.startsWith(t));
      let penalty = at >= 0 && e.words[at] === t ? 0 : 5;
      // A crude stem for longer words, so that "unsteady" finds "unsteadiness" and "walks" finds "walking".
      if (at < 0 && t.length >= 5) {
        const stem = t.slice(0, t.endsWith('s') || t.endsWith('y') ? -1 : t.length);
        at = e.words.findIndex((w) => w.startsWith(stem));
        penalty = 8;
      }
      if (at < 0) {
        all = false;
        break;
      }
      // Earlier words and whole-word matches rank higher.
      score += at * 10 + penalty;
    }
    if (all) out.push({ entry: e, score: score * 1000 + e.description.length });
  }
  return finish(out, limit);
}

function finish(found: { entry: Entry; score: number }[], limit: number): Icd10Code[] {
  found.sort((a, b) => a.score - b.score || (a.entry.bare < b.entry.bare ? -1 : 1));
  return found.slice(0, limit).map(({ entry }) => ({ code: entry.code, description: entry.description }));
}
