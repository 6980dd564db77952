import type { FeatureKind } from './patterns.ts';

/**
 * What an auditor finds in one service description: for each kind of evidence, the phrases matched, in
 * the order they appear. Empty kinds share one frozen empty array, so a short description costs little.
 */
export type DescriptionFeatures = { readonly [K in FeatureKind]: readonly string[] } & {
  /** The phrase heading each clause: what that part of the description was about, in order. */
  readonly lead: readonly string[];
  /** The kind of each phrase in `lead`. */
  readonly leadKinds: readonly FeatureKind[];
};

/** Shared empty evidence list. */
export const NO_EVIDENCE: readonly string[] = Object.freeze([]);

/**
 * Whether the description names anything a code can rest on (a task, exercise, technique, target...).
 * @param f - analysed description
 */
export function hasClinicalContent(f: DescriptionFeatures): boolean {
  return (
    f.task.length +
      f.adl.length +
      f.exercise.length +
      f.setsReps.length +
      f.gait.length +
      f.balance.length +
      f.manual.length +
      f.wheelchair.length +
      f.orthotic.length +
      f.modality.length +
      f.cognitive.length +
      f.swallow.length +
      f.speech.length +
      f.oralMotor.length +
      f.test.length >
    0
  );
}

/**
 * Whether the description gives a measure of how the task was done: parameters, assistance or cueing.
 * @param f - analysed description
 */
export function hasDosage(f: DescriptionFeatures): boolean {
  return f.parameters.length + f.setsReps.length + f.assistance.length + f.cues.length > 0;
}
