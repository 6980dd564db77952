import type { DescriptionFeatures } from '../text/features.ts';

/** What a code's description must name, and whether it must also give parameters, assistance or cues. */
interface Family {
  /** Kinds of evidence that show the code's own content. */
  content: readonly (keyof DescriptionFeatures)[];
  /** In a therapist's words, what to name. */
  what: string;
  /** What the code's task or target is called in a message ("no functional task is named"). */
  kind: string;
  /** Parameters, assistance or cueing required too. */
  needsDosage: boolean;
}

const DOSE = 'its parameters (distance, reps, load, surface, time) and the assistance or cues you gave';

/**
 * Documentation content per code (catalog `documentation`; rules.md §2.1 and §4.5). Codes absent here
 * (evaluations, supervised modalities) are not judged on their description.
 */
export const CODE_FAMILIES: Readonly<Record<string, Family>> = {
  '97530': {
    content: ['task', 'adl', 'gait', 'wheelchair'],
    what: `the functional task (e.g. sit-to-stand, lifting, carrying, reaching), ${DOSE}`,
    kind: 'functional task',
    needsDosage: true,
  },
  '97110': {
    content: ['exercise', 'setsReps'],
    what: 'the exercises with sets, reps, load or time and the body area',
    kind: 'exercise',
    needsDosage: true,
  },
  '97112': {
    content: ['balance'],
    what: 'the balance or coordination task, its conditions (surface, base of support, eyes closed) and the assistance or cues',
    kind: 'balance or coordination task',
    needsDosage: true,
  },
  '97116': {
    content: ['gait'],
    what: 'the distance, device, surfaces or stairs, deviations worked on, and the assistance or cues',
    kind: 'walking or stair task',
    needsDosage: true,
  },
  '97140': {
    content: ['manual'],
    what: 'the technique, the region and its grade or method',
    kind: 'hands-on technique',
    needsDosage: false,
  },
  '97535': {
    content: ['adl', 'task'],
    what: 'the self-care or home task, the equipment or strategy taught, and the assistance or cues',
    kind: 'self-care or home task',
    needsDosage: true,
  },
  '97542': {
    content: ['wheelchair'],
    what: 'the wheelchair skill, the adjustments made, and the assistance or cues',
    kind: 'wheelchair skill',
    needsDosage: true,
  },
  '97750': { content: ['test'], what: 'the tests given and their measurements', kind: 'test', needsDosage: false },
  '97760': {
    content: ['orthotic'],
    what: 'the orthosis, its fitting and the training given',
    kind: 'orthosis',
    needsDosage: false,
  },
  '97763': {
    content: ['orthotic'],
    what: 'the device, the adjustments and the training given',
    kind: 'device',
    needsDosage: false,
  },
  '97129': {
    content: ['cognitive'],
    what: 'the cognitive skill trained, the task, and the accuracy or cueing level',
    kind: 'cognitive task',
    needsDosage: true,
  },
  '97130': {
    content: ['cognitive'],
    what: 'the cognitive skill trained, the task, and the accuracy or cueing level',
    kind: 'cognitive task',
    needsDosage: true,
  },
  '92507': {
    content: ['speech', 'cognitive', 'oralMotor'],
    what: 'the speech or language target, the task, and the accuracy or cueing level',
    kind: 'speech, language or voice target',
    needsDosage: true,
  },
  '92526': {
    content: ['swallow', 'oralMotor'],
    what: 'the swallowing strategies or exercises, diet levels trialled, and the cueing',
    kind: 'swallowing strategy or exercise',
    needsDosage: true,
  },
  '97150': {
    content: ['task', 'exercise', 'setsReps', 'balance', 'gait', 'adl'],
    what: 'the group size and the activities',
    kind: 'activity',
    needsDosage: false,
  },
  '92508': {
    content: ['speech', 'cognitive'],
    what: 'the group size and the targets',
    kind: 'target',
    needsDosage: false,
  },
};

/**
 * Whether the features hold any of a family's content.
 * @param f - analysed description
 * @param kinds - the family's content kinds
 */
export function hasAny(f: DescriptionFeatures, kinds: readonly (keyof DescriptionFeatures)[]): boolean {
  for (const k of kinds) if (f[k].length > 0) return true;
  return false;
}
