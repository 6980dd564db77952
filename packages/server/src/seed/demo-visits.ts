import { type Discipline, isTimedCode, type Service } from '@unitwise/rules';

/**
 * The demo's visit services, composed the way a real caseload varies: each visit picks its codes, minutes and
 * wording from the discipline's repertoire with a generator seeded by patient and visit, so a fresh demo is the
 * same every time but no two notes read alike. Descriptions name the task, its parameters, the assistance and the
 * cueing and the goal it serves (what the description checks look for; rules.md §2.1).
 */

/** A deterministic generator (mulberry32): the same patient and visit always get the same note. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
const between = (r: Rand, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));

/** How one code is written up: a task with placeholders, a dose, assistance, cues and a purpose. */
interface Repertoire {
  code: string;
  /** Treatment minutes, inclusive range (untimed codes: none). */
  minutes?: [number, number];
  /** The goal (index into the discipline's goals) the code usually serves. */
  goal: number;
  tasks: readonly string[];
  doses: readonly string[];
  assists: readonly string[];
  cues: readonly string[];
  purposes: readonly string[];
}

const ASSIST = ['min assist', 'contact guard', 'stand-by assist', 'supervision', 'mod assist of one'];

const PT: readonly Repertoire[] = [
  {
    code: '97530',
    minutes: [18, 38],
    goal: 1,
    tasks: [
      'Sit-to-stand transfers from a {h}-inch chair',
      'Floor-to-waist lifting of a {w} lb laundry basket',
      'Reaching to an overhead shelf while standing',
      'Car transfer practice with a simulated car seat',
      'Carrying a {w} lb grocery bag {d} feet across the gym',
      'Squat-to-lift of a {w} lb box from a low shelf',
    ],
    doses: ['{s} sets of {r}', '{r} trials', '{r} repetitions in {m} minutes'],
    assists: ASSIST,
    cues: [
      'verbal cues for weight shift',
      'tactile cues for hip hinge',
      'cues for sequencing',
      'cues for pacing',
      'visual cues for foot placement',
    ],
    purposes: [
      'to rise from the sofa without help',
      'to carry shopping in from the car',
      'to get in and out of the car for appointments',
      'to put groceries away',
    ],
  },
  {
    code: '97110',
    minutes: [8, 23],
    goal: 0,
    tasks: [
      'Quadriceps sets and straight leg raises with a {w} lb weight',
      'Seated hamstring curls with a green band',
      'Standing heel raises',
      'Bridging with a ball squeeze',
      'Side-lying hip abduction with a {w} lb cuff weight',
    ],
    doses: ['{s} sets of {r}', '{s} sets of {r} with a 3-second hold', '{s} sets of {r}, slow tempo'],
    assists: ['independent after demonstration', 'supervision', 'stand-by assist'],
    cues: [
      'verbal cues for terminal knee extension',
      'cues for slow eccentric control',
      'cues to keep the knees straight',
      'cues for breathing and pacing',
    ],
    purposes: [
      'to build quadriceps strength',
      'to build ankle plantarflexor strength',
      'to build hip abductor strength',
      'to improve knee range of motion',
    ],
  },
  {
    code: '97112',
    minutes: [8, 20],
    goal: 0,
    tasks: [
      'Tandem stance and single-leg stance on foam',
      'Standing weight shifts with eyes closed',
      'Romberg progression on a compliant surface',
      'Perturbation training in standing',
    ],
    doses: ['{r} trials of 20 seconds', '{s} sets of {r}', '{r} passes'],
    assists: ['contact guard', 'stand-by assist', 'min assist'],
    cues: ['cues for hip strategy', 'cues for an upright trunk', 'cues for ankle strategy'],
    purposes: ['to improve postural control', 'to improve balance reactions', 'to steady standing balance'],
  },
  {
    code: '97140',
    minutes: [8, 15],
    goal: 2,
    tasks: [
      'Grade III tibiofemoral mobilisation in prone',
      'Soft tissue mobilisation to the lateral thigh with patellar glides',
      'Grade II talocrural mobilisation in supine',
      'Manual stretching of the hamstrings with contract-relax',
    ],
    doses: ['{s} bouts of 30 seconds', '{m} minutes', '{r} oscillations per bout, {s} bouts'],
    assists: ['patient relaxed in supported position'],
    cues: ['cues for relaxation and breathing'],
    purposes: [
      'to gain knee flexion range for stairs',
      'to reduce pain before gait training',
      'to gain ankle dorsiflexion for stair climbing',
    ],
  },
];

const OT: readonly Repertoire[] = [
  {
    code: '97535',
    minutes: [15, 30],
    goal: 0,
    tasks: [
      'Upper-body dressing with a button-up shirt using one-handed technique',
      'Tub bench transfer training with a hand-held shower',
      'Lower-body dressing with a reacher and sock aid',
      'Meal preparation: making a sandwich at the counter',
      'Grooming at the sink in standing',
    ],
    doses: ['{r} trials', 'one complete task, {m} minutes', '{r} repetitions of the hardest step'],
    assists: ASSIST,
    cues: ['verbal cues for sequencing', 'cues for leg management', 'cues for energy conservation'],
    purposes: ['to dress at home without help', 'to shower safely at home', 'to prepare lunch alone'],
  },
  {
    code: '97530',
    minutes: [10, 25],
    goal: 1,
    tasks: [
      'Kitchen task: reaching into an upper cabinet and carrying a pot to the counter',
      'Standing reach across midline to move {w} lb cans from the counter to an upper shelf',
      'Carrying a {w} lb basket between two tables {d} feet apart',
    ],
    doses: ['{r} trials', '{s} sets of {r}', '{m} minutes of continuous task'],
    assists: ['stand-by assist', 'supervision', 'contact guard'],
    cues: ['cues for body mechanics', 'cues for trunk rotation', 'cues for pacing'],
    purposes: ['to put groceries away', 'to carry items between rooms safely'],
  },
  {
    code: '97110',
    minutes: [8, 15],
    goal: 0,
    tasks: [
      'Shoulder flexion with a {w} lb dowel',
      'Theraputty grip strengthening',
      'Scapular retraction with a yellow band',
    ],
    doses: ['{s} sets of {r}', '{s} sets of {r} with a 3-second hold'],
    assists: ['supervision', 'independent after demonstration'],
    cues: ['cues for scapular set', 'cues for slow controlled motion'],
    purposes: ['to build shoulder flexor strength', 'to build grip strength', 'to improve scapular control'],
  },
];

const SLP: readonly Repertoire[] = [
  {
    code: '92526',
    goal: 0,
    tasks: [
      'Swallowing treatment: chin tuck with thin liquids by cup',
      'Swallowing treatment: effortful swallow with puree',
      'Swallowing treatment: Mendelsohn manoeuvre with soft solids',
      'Swallowing treatment: supraglottic swallow with thin liquids by straw',
    ],
    doses: ['{r} trials', '{r} trials, {s} coughs observed', '{r} boluses'],
    assists: ['moderate cues', 'minimal cues', 'maximal cues faded to moderate'],
    cues: ['visual cues from a mirror', 'tactile cues at the chin', 'verbal reminders to clear twice'],
    purposes: ['to drink safely at meals', 'to return to a regular diet', 'to reduce coughing at meals'],
  },
  {
    code: '92507',
    goal: 1,
    tasks: [
      'Naming treatment with semantic feature analysis, {r} objects',
      'Word retrieval with phonemic cueing hierarchy, {r} pictures',
      'Sentence completion and responsive naming, {r} items',
    ],
    doses: ['{s} of {r} correct', '{s} of {r} on first attempt'],
    assists: ['minimal cues', 'moderate cues'],
    cues: ['semantic cues', 'phonemic cues', 'written first-letter cues'],
    purposes: ['to name family members and objects at home', 'to order at a café', 'to use the phone'],
  },
];

/** Each discipline's codes, the first one billed on every visit (so a cloned note is noticed on it). */
export const DEMO_REPERTOIRE: Record<Discipline, readonly Repertoire[]> = { PT, OT, SLP };

/** The evaluation code billed on a discipline's evaluation visit (moderate complexity; PT/OT 97162/97166, SLP 92523). */
export const EVALUATION_CODE: Record<Discipline, string> = { PT: '97162', OT: '97166', SLP: '92523' };

/** What an evaluation found, by discipline (varied so two patients' evaluations never read alike). */
const EVALUATION_FINDINGS: Record<Discipline, readonly string[]> = {
  PT: [
    'history, systems review, 30-second chair stand of 6 and a Timed Up and Go of 18 seconds',
    'history, knee range 5 to 95 degrees, quadriceps 3+/5 and a 6-minute walk of 180 metres',
    'history, Berg Balance Scale 41/56 and a gait speed of 0.7 m/s',
  ],
  OT: [
    'occupational profile, upper-limb strength 3/5 on the left and a Barthel Index of 60',
    'occupational profile, Canadian Occupational Performance Measure and grip strength of 12 kg on the left',
  ],
  SLP: [
    'clinical swallow evaluation with cough on thin liquids by cup and oral-motor examination',
    'language screen with naming 4 of 10 objects and a clinical swallow evaluation',
  ],
};

function fill(template: string, r: Rand): string {
  return template
    .replace('{h}', String(between(r, 16, 22)))
    .replace('{w}', String(between(r, 2, 12)))
    .replace('{d}', String(between(r, 4, 12) * 10))
    .replace('{m}', String(between(r, 5, 12)))
    .replace('{s}', String(between(r, 2, 4)))
    .replace('{r}', String(between(r, 6, 15)));
}

function describe(rep: Repertoire, r: Rand): string {
  const parts = [fill(pick(r, rep.tasks), r), fill(pick(r, rep.doses), r), pick(r, rep.assists), pick(r, rep.cues)];
  return `${parts.join(', ')}, ${pick(r, rep.purposes)}.`;
}

/**
 * The services of one demo visit: the discipline's first code always, two or three of the others, varied minutes
 * and a description of its own; the evaluation code (last) on an evaluation visit.
 * @param discipline - the plan's discipline
 * @param patient - the patient's number in the demo
 * @param visit - the visit's number for the patient
 * @param evaluation - true on the evaluation visit
 * @param goalCount - how many goals the plan has
 */
export function demoServices(
  discipline: Discipline,
  patient: number,
  visit: number,
  evaluation: boolean,
  goalCount: number,
): Service[] {
  const r = seededRandom(patient * 1009 + visit * 31 + 7);
  const [first, ...rest] = DEMO_REPERTOIRE[discipline];
  if (!first) return [];
  // A shuffled subset of the other codes: PT bills two or three of them, OT one or two, SLP sometimes both codes.
  const others = [...rest].sort(() => r() - 0.5);
  const extra = discipline === 'PT' ? between(r, 2, 3) : discipline === 'OT' ? between(r, 1, 2) : between(r, 0, 1);
  const chosen = [first, ...others.slice(0, extra)];
  const services: Service[] = chosen.map((rep) => {
    const s: Service = {
      code: rep.code,
      description: describe(rep, r),
      goalIds: [`g${(rep.goal % Math.max(1, goalCount)) + 1}`],
    };
    if (rep.minutes && isTimedCode(rep.code)) s.minutes = between(r, rep.minutes[0], rep.minutes[1]);
    return s;
  });
  if (evaluation)
    services.push({
      code: EVALUATION_CODE[discipline],
      description: `Evaluation: ${pick(r, EVALUATION_FINDINGS[discipline])}; plan of care with measurable goals agreed with the patient, ${between(r, 2, 3)} visits a week for ${between(r, 6, 10)} weeks.`,
      goalIds: ['g1'],
    });
  return services;
}
