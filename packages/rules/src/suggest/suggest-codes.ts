import { lookupCode } from '../catalog/codes.ts';
import { analyzeDescription } from '../text/analyze.ts';
import type { DescriptionFeatures } from '../text/features.ts';
import type { FeatureKind } from '../text/patterns.ts';
import type { Discipline } from '../types.ts';
import { SUGGESTABLE_CODES, scoreCode } from './score.ts';

/** One suggested code with the evidence behind it. */
export interface CodeSuggestion {
  code: string;
  score: number;
  reasons: string[];
}

const LABELS: Partial<Record<FeatureKind, string>> = {
  task: 'functional task',
  adl: 'self-care or home task',
  exercise: 'named exercise',
  setsReps: 'sets and reps',
  balance: 'balance or coordination',
  gait: 'gait',
  manual: 'hands-on technique',
  wheelchair: 'wheelchair skill',
  group: 'group treatment',
  test: 'test or measure',
  orthotic: 'orthosis or prosthesis',
  cognitive: 'cognitive target',
  speech: 'speech or language target',
  swallow: 'swallowing target',
  modality: 'modality',
  parameters: 'parameters',
  assistance: 'assistance level',
  cues: 'cueing',
};

// Which evidence each code rests on, for the reasons.
const EVIDENCE: Record<string, readonly FeatureKind[]> = {
  '97530': ['task', 'parameters', 'assistance', 'cues'],
  '97110': ['exercise', 'setsReps', 'parameters'],
  '97112': ['balance', 'parameters', 'assistance', 'cues'],
  '97116': ['gait', 'parameters', 'assistance', 'cues'],
  '97140': ['manual'],
  '97535': ['adl', 'assistance', 'cues'],
  '97542': ['wheelchair'],
  '97150': ['group'],
  '97750': ['test'],
  '97760': ['orthotic'],
  '97129': ['cognitive', 'cues'],
  '92507': ['speech', 'parameters', 'cues'],
  '92526': ['swallow', 'parameters', 'cues'],
  '97010': ['modality'],
  '97012': ['modality'],
  '97035': ['modality'],
  G0283: ['modality'],
};

/**
 * Quotes the evidence for a code as reasons, e.g. `functional task: "sit to stand transfers"`.
 * @param f - analysed description
 * @param code - a code from SUGGESTABLE_CODES
 */
export function reasonsFor(f: DescriptionFeatures, code: string): string[] {
  const out: string[] = [];
  for (const kind of EVIDENCE[code] ?? []) {
    const ev = f[kind];
    if (ev.length) out.push(`${LABELS[kind] ?? kind}: ${ev.map((e) => `"${e}"`).join(', ')}`);
  }
  return out;
}

/**
 * Suggests the codes a service description supports, best first, each with the phrases that support it.
 * Deterministic: the same text always gives the same list.
 * @param description - what was done, as written in the note
 * @param discipline - keep only codes this discipline bills
 * @example
 * suggestCodes('step ups 3x10, bridges 2x15')[0].code // '97110'
 */
export function suggestCodes(description: string, discipline?: Discipline): CodeSuggestion[] {
  const f = analyzeDescription(description);
  const out: CodeSuggestion[] = [];
  for (const code of SUGGESTABLE_CODES) {
    const score = scoreCode(f, code);
    if (score <= 0) continue;
    if (discipline && !lookupCode(code)?.disciplines.includes(discipline)) continue;
    out.push({ code, score, reasons: reasonsFor(f, code) });
  }
  // Stable sort keeps catalog order among equal scores.
  return out.sort((a, b) => b.score - a.score);
}
