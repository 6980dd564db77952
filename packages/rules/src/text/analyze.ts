import { type DescriptionFeatures, NO_EVIDENCE } from './features.ts';
import { FEATURE_KINDS, type FeatureKind, PATTERNS, SCAN_KINDS } from './patterns.ts';
import { prefixesOf, splitAlternatives, WILD } from './prefixes.ts';

const KIND_COUNT = FEATURE_KINDS.length;
/** Kinds at or past this index are markers: they steer the structure and keep no phrase. */
const FIRST_MARKER = KIND_COUNT;

/**
 * Characters are folded into a 64-letter alphabet for the prefix table: a-z (case folded), 0-9, and the
 * punctuation the patterns use; everything else is one "other" letter.
 */
const FOLD = new Uint8Array(65536).fill(63);
{
  let next = 0;
  for (const ch of 'abcdefghijklmnopqrstuvwxyz0123456789 \t-/\'"#%.×&()[]:;,+<>=') {
    const i = next++;
    FOLD[ch.charCodeAt(0)] = i;
    const up = ch.toUpperCase().charCodeAt(0);
    if (up !== ch.charCodeAt(0)) FOLD[up] = i;
  }
  for (const ws of '\n\r\f\v\u00a0') FOLD[ws.charCodeAt(0)] = FOLD[32] as number;
}
/** Folded letter standing for the end of the text. */
const END = 62;

function foldAt(text: string, i: number): number {
  return i < text.length ? (FOLD[text.charCodeAt(i)] as number) : END;
}

/**
 * For every folded three-character start, a bit per kind that has an alternative able to begin with it. A
 * word whose start has no bit cannot begin a phrase, so no regular expression runs for it; otherwise only
 * the kinds whose bit is set are tried, in priority order.
 */
function buildKindMasks(): Uint32Array {
  const masks = new Uint32Array(64 * 64 * 64);
  const all = Array.from({ length: 64 }, (_, i) => i);
  const expand = (ch: string | undefined): number[] => {
    if (ch === undefined || ch === WILD) return all;
    const f = FOLD[ch.charCodeAt(0)] as number;
    // An "other" letter in a pattern must still match any character folded to "other".
    return [f];
  };
  SCAN_KINDS.forEach((kind, k) => {
    const bit = 1 << k;
    for (const source of PATTERNS[kind]) {
      for (const alt of splitAlternatives(source)) {
        for (const prefix of prefixesOf(alt, 3)) {
          for (const a of expand(prefix[0])) {
            for (const b of expand(prefix[1])) {
              for (const c of expand(prefix[2]))
                masks[(a << 12) | (b << 6) | c] = (masks[(a << 12) | (b << 6) | c] as number) | bit;
            }
          }
        }
      }
    }
  });
  return masks;
}

const MASKS = buildKindMasks();

/**
 * Sticky matchers per kind and folded two-character start, each holding only the kind's alternatives that can
 * begin with those two characters, in their order (so the first that matches is the one the whole alternation
 * would pick); a match may not end inside a word. `test` builds no result array. Equal alternations share one
 * RegExp.
 */
function buildMatchers(): (RegExp | undefined)[] {
  const out: (RegExp | undefined)[] = new Array(SCAN_KINDS.length << 12).fill(undefined);
  const all = Array.from({ length: 64 }, (_, i) => i);
  const expand = (ch: string | undefined): number[] =>
    ch === undefined || ch === WILD ? all : [FOLD[ch.charCodeAt(0)] as number];
  const shared = new Map<string, RegExp>();
  SCAN_KINDS.forEach((kind, k) => {
    const byStart = new Map<number, string[]>();
    for (const source of PATTERNS[kind]) {
      for (const alt of splitAlternatives(source)) {
        const starts = new Set<number>();
        for (const prefix of prefixesOf(alt, 2))
          for (const a of expand(prefix[0])) for (const b of expand(prefix[1])) starts.add((a << 6) | b);
        for (const st of starts) {
          const list = byStart.get(st);
          if (list) list.push(alt);
          else byStart.set(st, [alt]);
        }
      }
    }
    for (const [st, alts] of byStart) {
      const src = `(?:${alts.join('|')})(?![a-z0-9])`;
      let re = shared.get(src);
      if (!re) {
        re = new RegExp(src, 'iy');
        shared.set(src, re);
      }
      out[(k << 12) | st] = re;
    }
  });
  return out;
}

const MATCHERS = buildMatchers();

// Evidence lists of the call in progress, emptied before it returns (calls never nest).
const SCRATCH: (string[] | undefined)[] = new Array(KIND_COUNT).fill(undefined);

/** Letters, digits and underscore: the word characters of `\b`. */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/** Kinds that name what was done (a task or target); the rest are parameters, help, settings or markers. */
const CONTENT_KINDS: readonly FeatureKind[] = [
  'test',
  'orthotic',
  'exercise',
  'task',
  'adl',
  'wheelchair',
  'gait',
  'balance',
  'manual',
  'modality',
  'cognitive',
  'swallow',
  'oralMotor',
  'speech',
];
let contentMask = 0;
for (const k of CONTENT_KINDS) contentMask |= 1 << FEATURE_KINDS.indexOf(k);
const CONTENT = contentMask;
const PURPOSE = SCAN_KINDS.indexOf('purpose');
const OBSERVATION = SCAN_KINDS.indexOf('observation');
const CLAUSE_BREAK = SCAN_KINDS.indexOf('clauseBreak');
/** Most content phrases one clause keeps for choosing its head (a clause longer than this is a list). */
const CLAUSE_MAX = 32;

// The clause being read: its content phrases, their kinds, and whether each came after a purpose word.
const clausePhrases: string[] = new Array(CLAUSE_MAX).fill('');
const clauseKinds = new Int8Array(CLAUSE_MAX);
const clauseAside = new Uint8Array(CLAUSE_MAX);
let clauseLength = 0;
let purposeOpen = false;
let observed = false;
let leads: string[] | undefined;
let leadKinds: FeatureKind[] | undefined;
// The first phrase of a clause that named content only after a purpose word: the head if no clause has one.
let fallbackPhrase: string | undefined;
let fallbackKind = 0;

/**
 * Ends a clause: its head is its first content phrase not after a purpose word ("sit to stand ... for balance":
 * the transfer). A clause with content only after a purpose word ("cues for balance") or that reports a result
 * ("balance noted improved") has none; the first of those heads the description only if nothing else does.
 */
function endClause(): void {
  if (clauseLength > 0 && !observed) {
    let h = 0;
    while (h < clauseLength && clauseAside[h] === 1) h++;
    if (h < clauseLength) {
      if (leads === undefined || leadKinds === undefined) {
        leads = [];
        leadKinds = [];
      }
      leads.push(clausePhrases[h] as string);
      leadKinds.push(FEATURE_KINDS[clauseKinds[h] as number] as FeatureKind);
    } else if (fallbackPhrase === undefined) {
      fallbackPhrase = clausePhrases[0];
      fallbackKind = clauseKinds[0] as number;
    }
  }
  clauseLength = 0;
  purposeOpen = false;
  observed = false;
}

/** Punctuation that ends a clause: , ; . ! ? and line breaks. */
function endsClause(c: number): boolean {
  return c === 44 || c === 59 || c === 46 || c === 33 || c === 63 || c === 10 || c === 13;
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
    oralMotor: found[19] ?? e,
    speech: found[20] ?? e,
    parameters: found[21] ?? e,
    lead: leads ?? e,
    leadKinds: leadKinds ?? (e as readonly FeatureKind[]),
  } satisfies Record<FeatureKind, readonly string[]> & Pick<DescriptionFeatures, 'lead' | 'leadKinds'>;
}

/** Features of an empty description. */
export const EMPTY_FEATURES: DescriptionFeatures = Object.freeze(features([]));

/**
 * Reads a service description the way an auditor does, in one pass over its words: the functional task, its
 * parameters, the assistance and cueing, named exercises with sets and reps, ADL training, balance, gait,
 * manual therapy, modalities, SLP and cognitive targets, inactive time, and generic filler. At each word
 * start the kinds are tried in priority order (FEATURE_KINDS) and the first that matches takes the phrase,
 * exactly as one alternation of every kind would. In the same pass it reads the sentence structure: each
 * clause (split at , ; . and "then") is headed by its first task or target, and words after "for", "while",
 * "to improve"... only say what the task served, so one balance word inside a transfer task does not make it
 * balance work (`lead`, `leadKinds`). Deterministic; the matched phrases are returned so messages can quote
 * them. Treat the result as read-only.
 * @param text - the service description as written
 * @example
 * analyzeDescription('Sit to stand from 18in chair x10 with CGA').task // ['Sit to stand']
 */
export function analyzeDescription(text: string | undefined): DescriptionFeatures {
  if (!text) return EMPTY_FEATURES;
  let any = false;
  clauseLength = 0;
  purposeOpen = observed = false;
  fallbackPhrase = undefined;
  const found = SCRATCH;
  const len = text.length;
  let p = 0;
  while (p < len) {
    const c = text.charCodeAt(p);
    if (!isWordChar(c)) {
      if (endsClause(c)) endClause();
      p++;
      continue;
    }
    const start2: number = (foldAt(text, p) << 6) | foldAt(text, p + 1);
    let mask = MASKS[(start2 << 6) | foldAt(text, p + 2)] as number;
    let end = -1;
    while (mask !== 0) {
      const k = 31 - Math.clz32(mask & -mask); // lowest set bit: the highest-priority kind left
      mask &= mask - 1;
      const re: RegExp | undefined = MATCHERS[(k << 12) | start2];
      if (re === undefined) continue;
      re.lastIndex = p;
      if (re.test(text)) {
        end = re.lastIndex;
        any = true;
        if (k >= FIRST_MARKER) {
          if (k === PURPOSE) purposeOpen = true;
          else if (k === OBSERVATION) observed = true;
          else if (k === CLAUSE_BREAK) endClause();
          break;
        }
        const list = found[k];
        const phrase = text.slice(p, end);
        if (list) list.push(phrase);
        else found[k] = [phrase];
        if (((1 << k) & CONTENT) !== 0) {
          if (clauseLength < CLAUSE_MAX) {
            clausePhrases[clauseLength] = phrase;
            clauseKinds[clauseLength] = k;
            clauseAside[clauseLength] = purposeOpen ? 1 : 0;
            clauseLength++;
          }
        }
        break;
      }
    }
    if (end > p) {
      p = end;
      continue;
    }
    // No phrase starts here: skip to the end of the word (phrases begin only at word starts).
    p++;
    while (p < len && isWordChar(text.charCodeAt(p))) p++;
  }
  // No memo: measured on the benchmark, hashing and keeping texts cost more than scanning them again.
  if (!any) return EMPTY_FEATURES;
  endClause();
  if (leads === undefined && fallbackPhrase !== undefined) {
    leads = [fallbackPhrase];
    leadKinds = [FEATURE_KINDS[fallbackKind] as FeatureKind];
  }
  const result = features(found);
  found.fill(undefined);
  leads = undefined;
  leadKinds = undefined;
  fallbackPhrase = undefined;
  return result;
}
