import { type DescriptionFeatures, NO_EVIDENCE } from './features.ts';
import { firstChars, splitAlternatives } from './first-chars.ts';
import { FEATURE_KINDS, type FeatureKind, PATTERNS } from './patterns.ts';
import { prefixesOf, WILD } from './prefixes.ts';

const KIND_COUNT = FEATURE_KINDS.length;

/** One scanner per starting character: only the alternatives that can start with it, kinds kept in order. */
interface Bucket {
  re: RegExp;
  /** Kind index of each capture group (group g + 1). */
  kinds: number[];
}

/**
 * Builds the per-character scanners. Each is sticky and tries, in priority order, the kinds' alternatives
 * that can start with that character; a match may not end inside a word. Matching every alternative at a
 * word start in one big alternation gives the same matches, only slower.
 */
function buildBuckets(): (Bucket | undefined)[] {
  const perChar = new Map<number, Map<number, string[]>>();
  const anyStart: [number, string][] = [];
  FEATURE_KINDS.forEach((kind, k) => {
    for (const source of PATTERNS[kind]) {
      for (const alt of splitAlternatives(source)) {
        const first = firstChars(alt);
        if (first === null) {
          anyStart.push([k, alt]);
          continue;
        }
        for (const ch of first) {
          const code = ch.charCodeAt(0);
          let kinds = perChar.get(code);
          if (!kinds) {
            kinds = new Map();
            perChar.set(code, kinds);
          }
          const list = kinds.get(k);
          if (list) list.push(alt);
          else kinds.set(k, [alt]);
        }
      }
    }
  });
  const buckets: (Bucket | undefined)[] = new Array(128);
  for (let code = 0; code < 128; code++) {
    const kinds = perChar.get(code) ?? new Map<number, string[]>();
    for (const [k, alt] of anyStart) {
      const list = kinds.get(k) ?? [];
      list.push(alt);
      kinds.set(k, list);
    }
    if (kinds.size === 0) continue;
    const order = [...kinds.keys()].sort((a, b) => a - b);
    const source = order.map((k) => `(${(kinds.get(k) as string[]).join('|')})`).join('|');
    buckets[code] = { re: new RegExp(`(?:${source})(?![a-z0-9])`, 'iy'), kinds: order };
  }
  return buckets;
}

const BUCKETS = buildBuckets();

/** Lower-case ASCII code of a character for the prefix table; 127 for anything beyond ASCII. */
function low(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c < 128 ? c : 127;
}

/**
 * Which three-character starts (lower case, 0 past the end of the text) some phrase can begin with: a word
 * whose first three characters are not in the table cannot start a match, so no regex runs for it.
 */
function buildPrefixTable(): Uint8Array {
  const table = new Uint8Array(1 << 21);
  const expand = (ch: string | undefined): number[] => {
    if (ch === undefined || ch === WILD) return Array.from({ length: 128 }, (_, i) => i);
    return [low(ch.charCodeAt(0))];
  };
  for (const kind of FEATURE_KINDS) {
    for (const source of PATTERNS[kind]) {
      for (const alt of splitAlternatives(source)) {
        for (const prefix of prefixesOf(alt, 3)) {
          for (const a of expand(prefix[0])) {
            for (const b of expand(prefix[1])) for (const c of expand(prefix[2])) table[(a << 14) | (b << 7) | c] = 1;
          }
        }
      }
    }
  }
  return table;
}

const PREFIX_TABLE = buildPrefixTable();

/** Letters, digits and underscore: the word characters of `\b`. */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

function features(found: (string[] | undefined)[]): DescriptionFeatures {
  const e = NO_EVIDENCE;
  // One object literal with every kind: one hidden class for every result (FEATURE_KINDS order).
  return {
    filler: found[0] ?? e,
    inactiveExcluded: found[1] ?? e,
    inactive: found[2] ?? e,
    group: found[3] ?? e,
    test: found[4] ?? e,
    setsReps: found[5] ?? e,
    assistance: found[6] ?? e,
    cues: found[7] ?? e,
    orthotic: found[8] ?? e,
    exercise: found[9] ?? e,
    task: found[10] ?? e,
    adl: found[11] ?? e,
    wheelchair: found[12] ?? e,
    gait: found[13] ?? e,
    balance: found[14] ?? e,
    manual: found[15] ?? e,
    modality: found[16] ?? e,
    cognitive: found[17] ?? e,
    swallow: found[18] ?? e,
    speech: found[19] ?? e,
    parameters: found[20] ?? e,
  } satisfies Record<FeatureKind, readonly string[]>;
}

/** Features of an empty description. */
export const EMPTY_FEATURES: DescriptionFeatures = Object.freeze(features([]));

/**
 * Reads a service description the way an auditor does, in one pass over its words: the functional task, its
 * parameters, the assistance and cueing, named exercises with sets and reps, ADL training, balance, gait,
 * manual therapy, modalities, SLP and cognitive targets, inactive time, and generic filler. Deterministic;
 * the matched phrases are returned so messages can quote them. Treat the result as read-only.
 * @param text - the service description as written
 * @example
 * analyzeDescription('Sit to stand from 18in chair x10 with CGA').task // ['Sit to stand']
 */
export function analyzeDescription(text: string | undefined): DescriptionFeatures {
  if (!text) return EMPTY_FEATURES;
  const found: (string[] | undefined)[] = new Array(KIND_COUNT);
  const len = text.length;
  let p = 0;
  while (p < len) {
    const c = text.charCodeAt(p);
    if (!isWordChar(c)) {
      p++;
      continue;
    }
    const c1 = low(c);
    const c2 = p + 1 < len ? low(text.charCodeAt(p + 1)) : 0;
    const c3 = p + 2 < len ? low(text.charCodeAt(p + 2)) : 0;
    const bucket = PREFIX_TABLE[(c1 << 14) | (c2 << 7) | c3] === 1 ? BUCKETS[c1] : undefined;
    if (bucket) {
      const re = bucket.re;
      re.lastIndex = p;
      const m = re.exec(text);
      if (m !== null) {
        for (let g = 1; g < m.length; g++) {
          const s = m[g];
          if (s === undefined) continue;
          const k = bucket.kinds[g - 1] as number;
          const list = found[k];
          if (list) list.push(s);
          else found[k] = [s];
          break;
        }
        p = re.lastIndex > p ? re.lastIndex : p + 1;
        continue;
      }
    }
    // No phrase starts here: skip to the end of the word (matches begin only at word starts).
    p++;
    while (p < len && isWordChar(text.charCodeAt(p))) p++;
  }
  // No memo: measured on the benchmark, hashing and keeping texts cost more than scanning them again.
  return features(found);
}
