import { type DescriptionFeatures, NO_EVIDENCE } from './features.ts';
import { FEATURE_KINDS, type FeatureKind, PATTERNS } from './patterns.ts';

// One regular expression for every kind: group k+1 is FEATURE_KINDS[k]; leftmost-first alternation gives the
// kinds' priority. Matches start at a word boundary and may not end inside a word.
const SCANNER = new RegExp(
  String.raw`\b(?:${FEATURE_KINDS.map((k) => `(${PATTERNS[k].join('|')})`).join('|')})(?![a-z0-9])`,
  'gi',
);
const KIND_COUNT = FEATURE_KINDS.length;

// Bulk audits see the same template text again and again; a bounded memo makes repeats free.
const CACHE_LIMIT = 4096;
const cache = new Map<string, DescriptionFeatures>();

/** Features of an empty description. */
export const EMPTY_FEATURES: DescriptionFeatures = Object.freeze(
  Object.fromEntries(FEATURE_KINDS.map((k) => [k, NO_EVIDENCE])) as Record<FeatureKind, readonly string[]>,
);

/**
 * Reads a service description the way an auditor does, in one pass: the functional task, its parameters,
 * the assistance and cueing, named exercises with sets and reps, ADL training, balance, gait, manual
 * therapy, modalities, SLP and cognitive targets, inactive time, and generic filler. Deterministic; the
 * matched phrases are returned so messages can quote them. Results are shared and must not be mutated.
 * @param text - the service description as written
 * @example
 * analyzeDescription('Sit to stand from 18in chair x10 with CGA').task // ['Sit to stand']
 */
export function analyzeDescription(text: string | undefined): DescriptionFeatures {
  if (!text) return EMPTY_FEATURES;
  const hit = cache.get(text);
  if (hit) return hit;
  const found: (string[] | undefined)[] = new Array(KIND_COUNT);
  SCANNER.lastIndex = 0;
  for (let m = SCANNER.exec(text); m !== null; m = SCANNER.exec(text)) {
    for (let k = 0; k < KIND_COUNT; k++) {
      const g = m[k + 1];
      if (g !== undefined) {
        const list = found[k];
        if (list) list.push(g);
        else found[k] = [g];
        break;
      }
    }
  }
  const out: Record<string, readonly string[]> = {};
  for (let k = 0; k < KIND_COUNT; k++) out[FEATURE_KINDS[k] as FeatureKind] = found[k] ?? NO_EVIDENCE;
  const features = out as DescriptionFeatures;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, features);
  return features;
}
