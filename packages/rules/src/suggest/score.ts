import { lookupCode } from '../catalog/codes.ts';
import type { DescriptionFeatures } from '../text/features.ts';
import type { FeatureKind } from '../text/patterns.ts';
import type { Discipline } from '../types.ts';

/**
 * Codes a description can point to, each scored from the evidence an auditor would look for
 * (rules.md §2.1: 97530 = a dynamic functional task; sets and reps of exercise = 97110 [S21]; ADL training =
 * 97535; balance and coordination = 97112; walking = 97116; hands-on technique = 97140).
 */
export const SUGGESTABLE_CODES = [
  '97530',
  '97110',
  '97112',
  '97116',
  '97140',
  '97535',
  '97542',
  '97150',
  '97750',
  '97760',
  '97129',
  '92507',
  '92526',
  '97010',
  '97012',
  '97035',
  'G0283',
] as const;

/**
 * The kinds of task or target each code's work is (ASHA: cognitive-communication treatment is billed as 92507
 * or 97129; oral-motor work serves speech and swallowing). Modalities and group are scored apart.
 */
export const CODE_KINDS: Readonly<Record<string, readonly FeatureKind[]>> = {
  '97530': ['task'],
  '97110': ['exercise'],
  '97112': ['balance'],
  '97116': ['gait'],
  '97140': ['manual'],
  '97535': ['adl'],
  '97542': ['wheelchair'],
  '97750': ['test'],
  '97760': ['orthotic'],
  '97129': ['cognitive'],
  '92507': ['speech', 'cognitive', 'oralMotor'],
  '92526': ['swallow', 'oralMotor'],
};

const cap = (n: number, max: number): number => Math.min(n, max);
const MODALITY_HEAT = /pack|heat|ice|cryo|paraffin|fluido|whirlpool/i;
const MODALITY_US = /ultra|phono/i;
const MODALITY_TRACTION = /traction/i;
const MODALITY_ESTIM = /stim|tens|nmes|ifc|interf|premod/i;

function modalityCount(f: DescriptionFeatures, re: RegExp): number {
  let n = 0;
  for (const e of f.modality) if (re.test(e)) n++;
  return n;
}

/**
 * How many clauses of the description a kind heads.
 * @param f - analysed description
 * @param kind - a kind of task or target
 */
export function leadCount(f: DescriptionFeatures, kind: FeatureKind): number {
  let n = 0;
  for (const k of f.leadKinds) if (k === kind) n++;
  return n;
}

/**
 * Support from the structure of the description: 3 for each clause the code's kind heads (up to 3), 1 for each
 * other mention (up to 2: a word inside another task, "for balance"), and when it heads one, 1 for parameters
 * and 1 for assistance or cues. So a transfer with its parameters and assistance outweighs a balance word in it.
 * @param f - analysed description
 * @param mentions - phrases of the code's kinds
 * @param lead - clauses those kinds head
 */
function structuralScore(f: DescriptionFeatures, mentions: number, lead: number): number {
  if (lead === 0) return cap(mentions, 2);
  const dose = f.parameters.length + f.setsReps.length > 0 ? 1 : 0;
  const help = f.assistance.length + f.cues.length > 0 ? 1 : 0;
  return 3 * cap(lead, 3) + cap(mentions - lead, 2) + dose + help;
}

/** Lead count of one kind, read without a scan when nothing heads a clause (most calls). */
const led = (f: DescriptionFeatures, kind: FeatureKind): number => (f.leadKinds.length ? leadCount(f, kind) : 0);

/**
 * How well a description supports a code, 0 for no support; higher is better. Allocation-free; every property is
 * read by name (one shape, no keyed lookups) because the audit calls it for most services.
 * @param f - analysed description
 * @param code - a CPT/HCPCS code
 */
export function scoreCode(f: DescriptionFeatures, code: string): number {
  switch (code) {
    case '97530':
      return f.task.length ? structuralScore(f, f.task.length, led(f, 'task')) : 0;
    case '97110': {
      // Sets and reps are the mark of exercise (rules.md §2.1 [S21]) even without a named exercise heading it.
      const s = f.exercise.length ? structuralScore(f, f.exercise.length, led(f, 'exercise')) : 0;
      return s + (f.setsReps.length > 0 && led(f, 'task') === 0 ? 2 * cap(f.setsReps.length, 3) : 0);
    }
    case '97112':
      return f.balance.length ? structuralScore(f, f.balance.length, led(f, 'balance')) : 0;
    case '97116':
      return f.gait.length ? structuralScore(f, f.gait.length, led(f, 'gait')) : 0;
    case '97140':
      return f.manual.length ? structuralScore(f, f.manual.length, led(f, 'manual')) : 0;
    case '97535':
      return f.adl.length ? structuralScore(f, f.adl.length, led(f, 'adl')) : 0;
    case '97542':
      return f.wheelchair.length ? structuralScore(f, f.wheelchair.length, led(f, 'wheelchair')) : 0;
    case '97750':
      return f.test.length ? structuralScore(f, f.test.length, led(f, 'test')) : 0;
    case '97760':
      return f.orthotic.length ? structuralScore(f, f.orthotic.length, led(f, 'orthotic')) : 0;
    case '97129':
      return f.cognitive.length ? structuralScore(f, f.cognitive.length, led(f, 'cognitive')) : 0;
    case '92507': {
      const n = f.speech.length + f.cognitive.length + f.oralMotor.length;
      return n ? structuralScore(f, n, led(f, 'speech') + led(f, 'cognitive') + led(f, 'oralMotor')) : 0;
    }
    case '92526': {
      const n = f.swallow.length + f.oralMotor.length;
      return n ? structuralScore(f, n, led(f, 'swallow') + led(f, 'oralMotor')) : 0;
    }
    case '97150':
      return 4 * cap(f.group.length, 3);
    case '97010':
      return f.modality.length ? 3 * cap(modalityCount(f, MODALITY_HEAT), 3) : 0;
    case '97012':
      return f.modality.length ? 3 * cap(modalityCount(f, MODALITY_TRACTION), 3) : 0;
    case '97035':
      return f.modality.length ? 3 * cap(modalityCount(f, MODALITY_US), 3) : 0;
    case 'G0283':
      return f.modality.length ? 3 * cap(modalityCount(f, MODALITY_ESTIM), 3) : 0;
    default:
      return 0;
  }
}

/**
 * The best-supported code for a description other than `except`, or undefined when none has support.
 * Ties keep the order of SUGGESTABLE_CODES. Allocation-free.
 * @param f - analysed description
 * @param except - the code billed (left out)
 * @param discipline - only codes this discipline bills
 */
export function bestOtherCode(f: DescriptionFeatures, except: string, discipline?: Discipline): string | undefined {
  let best: string | undefined;
  let bestScore = 0;
  for (const code of SUGGESTABLE_CODES) {
    if (code === except) continue;
    const s = scoreCode(f, code);
    if (s <= bestScore) continue;
    if (discipline && !lookupCode(code)?.disciplines.includes(discipline)) continue;
    best = code;
    bestScore = s;
  }
  return best;
}
