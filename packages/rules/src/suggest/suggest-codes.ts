import { lookupCode } from '../catalog/codes.ts';
import { analyzeDescription } from '../text/analyze.ts';
import type { DescriptionFeatures } from '../text/features.ts';
import type { FeatureKind } from '../text/patterns.ts';
import { quotePhrases } from '../text/reading.ts';
import type { Discipline } from '../types.ts';
import { CODE_KINDS, SUGGESTABLE_CODES, scoreCode } from './score.ts';

/** One suggested code with the evidence behind it. */
export interface CodeSuggestion {
  code: string;
  score: number;
  reasons: string[];
}

/** Plain names of the kinds of evidence, for messages. */
export const KIND_LABELS: Partial<Record<FeatureKind, string>> = {
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
  oralMotor: 'oral-motor target',
  modality: 'modality',
  parameters: 'parameters',
  assistance: 'assistance level',
  cues: 'cueing',
};

/**
 * Quotes the evidence for a code as reasons, the words that led first: e.g. `functional task: "sit to stand
 * transfers" (with "car transfer")`, then sets and reps, parameters and the assistance or cueing (at most three
 * phrases each, so a message stays short).
 * @param f - analysed description
 * @param code - a code from SUGGESTABLE_CODES
 */
export function reasonsFor(f: DescriptionFeatures, code: string): string[] {
  const out: string[] = [];
  const kinds = CODE_KINDS[code];
  if (kinds) {
    const aside: string[] = [];
    let first = '';
    for (const kind of kinds) {
      const led: string[] = [];
      for (let i = 0; i < f.leadKinds.length; i++) if (f.leadKinds[i] === kind) led.push(f.lead[i] as string);
      if (led.length) out.push(`${KIND_LABELS[kind] ?? kind}: ${quotePhrases(led, 3)}`);
      else if (!first && f[kind].length) first = KIND_LABELS[kind] ?? kind;
      for (const e of f[kind]) if (!led.includes(e)) aside.push(e);
    }
    if (aside.length) {
      if (out.length) out[out.length - 1] += ` (with ${quotePhrases(aside, 3)})`;
      else out.push(`${first}: ${quotePhrases(aside, 3)}`);
    }
    if (code === '97110' && f.setsReps.length) out.push(`sets and reps: ${quotePhrases(f.setsReps, 3)}`);
    if (out.length && f.parameters.length) out.push(`parameters: ${quotePhrases(f.parameters, 3)}`);
    const help = [...f.assistance, ...f.cues];
    if (out.length && help.length) out.push(`assistance: ${quotePhrases(help, 3)}`);
    return out;
  }
  const only = code === '97150' ? f.group : f.modality;
  if (only.length) out.push(`${code === '97150' ? 'group treatment' : 'modality'}: ${quotePhrases(only, 3)}`);
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
