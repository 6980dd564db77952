import type { Discipline } from '../types.ts';

/**
 * One code of the catalog. Summaries are our own plain-language words: AMA's CPT descriptors are
 * copyrighted and never copied here (shared/design.md, Vocabulary).
 */
export interface CodeInfo {
  code: string;
  /** Short name in our words. */
  name: string;
  /** Billed per 15 minutes (true) or once per session (false). Pub. 100-04 Ch. 5 §20.2. */
  timed: boolean;
  /** Requires direct one-on-one contact for its minutes (CPT 97110–97546 section guidance; rules.md §2.1). */
  oneOnOne: boolean;
  /** Disciplines that bill it. */
  disciplines: readonly Discipline[];
  /** On CMS's "always therapy" list: needs GP/GO/GN whoever furnishes it (rules.md §3.1, [S48]). */
  alwaysTherapy: boolean;
  /** What it is for, in our words. */
  summary: string;
  /** What the note must show to support it. */
  documentation: string;
  /** The code is an add-on of another (e.g. 97130 after 97129). */
  addOnTo?: string;
  /** Evaluation-type code (one per discipline per day). */
  evaluation?: boolean;
  /** Group code (two or more patients at once). */
  group?: boolean;
}

const ALL: readonly Discipline[] = ['PT', 'OT', 'SLP'];
const PT_OT: readonly Discipline[] = ['PT', 'OT'];
const SLP: readonly Discipline[] = ['SLP'];

function timed(
  code: string,
  name: string,
  disciplines: readonly Discipline[],
  summary: string,
  documentation: string,
  extra: Partial<CodeInfo> = {},
): CodeInfo {
  return {
    code,
    name,
    timed: true,
    oneOnOne: true,
    disciplines,
    alwaysTherapy: true,
    summary,
    documentation,
    ...extra,
  };
}

function untimed(
  code: string,
  name: string,
  disciplines: readonly Discipline[],
  summary: string,
  documentation: string,
  extra: Partial<CodeInfo> = {},
): CodeInfo {
  return {
    code,
    name,
    timed: false,
    oneOnOne: false,
    disciplines,
    alwaysTherapy: true,
    summary,
    documentation,
    ...extra,
  };
}

const EVAL_DOC =
  'History, examination of body systems and activity limitations, clinical presentation, decision making, and a plan of care with measurable goals.';

/** The code catalog, keyed by code. Flags per CMS therapy code list and Pub. 100-04 Ch. 5 §20 (rules.md §1.2, §3.1). */
export const CODES: ReadonlyMap<string, CodeInfo> = new Map(
  [
    timed(
      '97530',
      'Therapeutic activities',
      ALL,
      'Dynamic, functional activities done one-on-one to improve how the patient performs real tasks: transfers, lifting, carrying, reaching, bending, stepping.',
      'The functional task, its parameters (distance, load, surface, repetitions or time), the assistance or cueing given, and the goal it serves.',
    ),
    timed(
      '97110',
      'Therapeutic exercise',
      PT_OT,
      'Exercise to build strength, endurance, range of motion or flexibility in one or more body areas.',
      'The exercises with sets, repetitions, load or time, the body areas, and why skilled delivery was needed.',
    ),
    timed(
      '97112',
      'Neuromuscular re-education',
      PT_OT,
      'Training of balance, coordination, posture, kinesthetic sense and proprioception.',
      'The balance or coordination task, its conditions (surface, base of support, perturbation), and the cueing or assistance given.',
    ),
    timed(
      '97116',
      'Gait training',
      PT_OT,
      'Training in walking, including stairs, with or without an assistive device.',
      'Distance, device, surfaces or stairs, gait deviations addressed, and the assistance or cueing given.',
    ),
    timed(
      '97140',
      'Manual therapy',
      PT_OT,
      'Hands-on techniques such as mobilization, manipulation, manual traction or soft-tissue work, on one or more regions.',
      'The technique, the region, the grade or method, and the response.',
    ),
    timed(
      '97535',
      'Self-care and home management training',
      ALL,
      'Training in daily living tasks: dressing, bathing, grooming, toileting, meal preparation, safety at home, use of adaptive equipment.',
      'The daily living task, the adaptive equipment or strategy taught, and the assistance or cueing given.',
    ),
    untimed(
      '97150',
      'Group therapeutic procedures',
      ALL,
      'Therapy given to two or more patients at the same time; the therapist is in constant attendance but not one-on-one.',
      'The group size, the activities, and each patient’s participation and response.',
      { group: true },
    ),
    timed(
      '97750',
      'Physical performance test',
      PT_OT,
      'A measured test of physical performance, such as a functional capacity evaluation, with a written report.',
      'The tests given, the measurements, and the written report.',
    ),
    timed(
      '97760',
      'Orthotic management and training, first encounter',
      PT_OT,
      'Assessing, fitting and training for an orthosis at its first encounter.',
      'The orthosis, the fitting, and the training given with the patient’s response.',
    ),
    timed(
      '97763',
      'Orthotic or prosthetic management, later encounter',
      PT_OT,
      'Later check-outs and training with an orthosis or prosthesis.',
      'The device, the adjustments, and the training given with the patient’s response.',
    ),
    timed(
      '97129',
      'Cognitive function intervention, first 15 minutes',
      ALL,
      'Direct work on attention, memory, reasoning or executive function; the first 15 minutes of the day.',
      'The cognitive skills trained, the tasks used, and the cueing given. Billed once per day.',
      { alwaysTherapy: false },
    ),
    timed(
      '97130',
      'Cognitive function intervention, each further 15 minutes',
      ALL,
      'Each further 15 minutes of cognitive function intervention after the first.',
      'As for 97129; reported only with 97129 on the same day.',
      { alwaysTherapy: false, addOnTo: '97129' },
    ),
    untimed(
      '97161',
      'PT evaluation, low complexity',
      ['PT'],
      'A physical therapy evaluation of low complexity.',
      EVAL_DOC,
      {
        evaluation: true,
      },
    ),
    untimed(
      '97162',
      'PT evaluation, moderate complexity',
      ['PT'],
      'A physical therapy evaluation of moderate complexity.',
      EVAL_DOC,
      { evaluation: true },
    ),
    untimed(
      '97163',
      'PT evaluation, high complexity',
      ['PT'],
      'A physical therapy evaluation of high complexity.',
      EVAL_DOC,
      {
        evaluation: true,
      },
    ),
    untimed(
      '97164',
      'PT re-evaluation',
      ['PT'],
      'A re-evaluation of an established plan of care after a change in condition.',
      'What changed, the updated findings, and the revised plan and goals.',
      { evaluation: true },
    ),
    untimed(
      '97165',
      'OT evaluation, low complexity',
      ['OT'],
      'An occupational therapy evaluation of low complexity.',
      EVAL_DOC,
      {
        evaluation: true,
      },
    ),
    untimed(
      '97166',
      'OT evaluation, moderate complexity',
      ['OT'],
      'An occupational therapy evaluation of moderate complexity.',
      EVAL_DOC,
      { evaluation: true },
    ),
    untimed(
      '97167',
      'OT evaluation, high complexity',
      ['OT'],
      'An occupational therapy evaluation of high complexity.',
      EVAL_DOC,
      { evaluation: true },
    ),
    untimed(
      '97168',
      'OT re-evaluation',
      ['OT'],
      'A re-evaluation of an established occupational therapy plan of care.',
      'What changed, the updated findings, and the revised plan and goals.',
      { evaluation: true },
    ),
    untimed(
      '92507',
      'Speech, language, voice or communication treatment, individual',
      SLP,
      'Individual treatment of speech, language, voice, communication or auditory processing disorders; billed per session.',
      'The targets, the tasks, accuracy or cueing levels, and progress toward goals.',
    ),
    untimed(
      '92508',
      'Speech, language, voice or communication treatment, group',
      SLP,
      'The same treatment given to two or more patients at once; billed per session.',
      'The group size, the targets, and each patient’s performance.',
      { group: true },
    ),
    untimed(
      '92521',
      'Evaluation of speech fluency',
      SLP,
      'Evaluation of stuttering or other fluency disorders.',
      EVAL_DOC,
      { evaluation: true },
    ),
    untimed(
      '92522',
      'Evaluation of speech sound production',
      SLP,
      'Evaluation of articulation, phonology, apraxia or dysarthria.',
      EVAL_DOC,
      { evaluation: true },
    ),
    untimed(
      '92523',
      'Evaluation of speech sound production with language',
      SLP,
      'Evaluation of speech sound production together with receptive and expressive language.',
      EVAL_DOC,
      { evaluation: true },
    ),
    untimed(
      '92524',
      'Analysis of voice and resonance',
      SLP,
      'Behavioural and qualitative analysis of voice and resonance.',
      EVAL_DOC,
      { evaluation: true },
    ),
    untimed(
      '92526',
      'Treatment of swallowing dysfunction',
      SLP,
      'Treatment of swallowing or oral function for feeding; billed per session.',
      'The swallowing strategies and exercises, diet levels trialled, cueing, and the response.',
    ),
    untimed(
      '97010',
      'Hot or cold packs',
      PT_OT,
      'Application of hot or cold packs. Medicare bundles it into other services and does not pay it separately.',
      'The area and the purpose, as part of a skilled treatment.',
    ),
    untimed(
      '97012',
      'Mechanical traction',
      PT_OT,
      'Supervised mechanical traction.',
      'The region, the force and the duration.',
    ),
    untimed(
      '97014',
      'Electrical stimulation, unattended',
      PT_OT,
      'Supervised electrical stimulation not needing constant attendance. Medicare pays G0283 instead.',
      'The region, the parameters and the purpose.',
    ),
    untimed(
      'G0283',
      'Electrical stimulation, unattended (Medicare)',
      PT_OT,
      'Medicare’s code for unattended electrical stimulation other than wound care.',
      'The region, the parameters and the purpose.',
    ),
    timed(
      '97032',
      'Electrical stimulation, attended',
      PT_OT,
      'Electrical stimulation with the therapist in constant attendance, per 15 minutes.',
      'The region, the parameters, and why constant attendance was needed.',
      { oneOnOne: false },
    ),
    timed(
      '97035',
      'Ultrasound',
      PT_OT,
      'Therapeutic ultrasound with the therapist in constant attendance, per 15 minutes.',
      'The region, the frequency and intensity, and the purpose.',
      { oneOnOne: false },
    ),
    timed(
      '97542',
      'Wheelchair management',
      PT_OT,
      'Assessment, fitting and training in wheelchair use and propulsion.',
      'The wheelchair task, the adjustments, and the assistance or cueing given.',
    ),
  ].map((c) => [c.code, c]),
);

/**
 * Looks a code up in the catalog.
 * @param code - a CPT/HCPCS code such as `"97530"`
 * @returns the entry, or undefined when the code is not in the catalog
 */
export function lookupCode(code: string): CodeInfo | undefined {
  return CODES.get(code);
}

/**
 * Whether a code is billed per 15 minutes. Codes outside the catalog are treated as untimed.
 * @param code - a CPT/HCPCS code
 */
export function isTimedCode(code: string): boolean {
  return CODES.get(code)?.timed === true;
}
