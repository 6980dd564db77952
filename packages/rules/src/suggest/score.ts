import { lookupCode } from '../catalog/codes.ts';
import type { DescriptionFeatures } from '../text/features.ts';
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

const cap = (n: number): number => Math.min(n, 3);
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
 * How well a description supports a code, 0 for no support; higher is better. Allocation-free.
 * @param f - analysed description
 * @param code - a CPT/HCPCS code
 */
export function scoreCode(f: DescriptionFeatures, code: string): number {
  const dose = f.parameters.length + f.setsReps.length > 0 ? 1 : 0;
  const help = f.assistance.length + f.cues.length > 0 ? 1 : 0;
  switch (code) {
    case '97530':
      return f.task.length > 0 ? 3 * cap(f.task.length) + dose + help : 0;
    case '97110':
      return f.exercise.length + f.setsReps.length > 0 ? 2 * cap(f.exercise.length) + 2 * cap(f.setsReps.length) : 0;
    case '97112':
      return f.balance.length > 0 ? 3 * cap(f.balance.length) + (dose || help) : 0;
    case '97116':
      return f.gait.length > 0 ? 3 * cap(f.gait.length) + (dose || help) : 0;
    case '97140':
      return 3 * cap(f.manual.length);
    case '97535':
      return f.adl.length > 0 ? 3 * cap(f.adl.length) + help : 0;
    case '97542':
      return 3 * cap(f.wheelchair.length);
    case '97150':
      return 4 * cap(f.group.length);
    case '97750':
      return f.test.length > 0 ? 2 + cap(f.test.length) : 0;
    case '97760':
      return 3 * cap(f.orthotic.length);
    case '97129':
      return 3 * cap(f.cognitive.length);
    case '92507':
      return f.speech.length > 0 ? 3 * cap(f.speech.length) + (dose || help) : 0;
    case '92526':
      return f.swallow.length > 0 ? 3 * cap(f.swallow.length) + (dose || help) : 0;
    case '97010':
      return f.modality.length ? 3 * cap(modalityCount(f, MODALITY_HEAT)) : 0;
    case '97012':
      return f.modality.length ? 3 * cap(modalityCount(f, MODALITY_TRACTION)) : 0;
    case '97035':
      return f.modality.length ? 3 * cap(modalityCount(f, MODALITY_US)) : 0;
    case 'G0283':
      return f.modality.length ? 3 * cap(modalityCount(f, MODALITY_ESTIM)) : 0;
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
