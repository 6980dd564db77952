import type { DescriptionFeatures } from './features.ts';
import type { FeatureKind } from './patterns.ts';

/** The kinds that name a task or target, in the order a reading lists them. */
const TASK_KINDS: readonly FeatureKind[] = [
  'task',
  'adl',
  'exercise',
  'gait',
  'balance',
  'wheelchair',
  'manual',
  'orthotic',
  'modality',
  'test',
  'cognitive',
  'speech',
  'swallow',
  'oralMotor',
];

/**
 * The three elements of a skilled description as an auditor reads them (rules.md §4.5; APTA, AOTA and ASHA
 * documentation guidance): what was done (the task or target), its parameters (counts, trials, accuracy,
 * distance, time, load, reps, surface) and the assistance or cueing level; plus the generic words seen.
 */
export interface DescriptionReading {
  task: string[];
  parameters: string[];
  assistance: string[];
  generic: readonly string[];
}

/**
 * Reads the three elements out of an analysed description, quoting the words, for messages.
 * @param f - analysed description
 */
export function readDescription(f: DescriptionFeatures): DescriptionReading {
  const task: string[] = [];
  for (const k of TASK_KINDS) for (const e of f[k]) task.push(e);
  return {
    task,
    parameters: [...f.setsReps, ...f.parameters],
    assistance: [...f.assistance, ...f.cues],
    generic: f.filler,
  };
}

/**
 * Quotes phrases for a message: `"a", "b"`, at most `max` of them (then "...").
 * @param list - phrases
 * @param max - how many to quote
 */
export function quotePhrases(list: readonly string[], max = 4): string {
  const shown = list.slice(0, max).map((e) => `"${e}"`);
  return list.length > max ? `${shown.join(', ')}...` : shown.join(', ');
}
