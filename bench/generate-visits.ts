/**
 * Deterministic generator of realistic therapy visits for benchmarks and streaming tests: patients under
 * mixed payers with a plan of care, 2–5 services a visit described from templates, and a share of visits
 * carrying the mistakes auditors find (rules.md §4.5). Same seed, same output, on every machine.
 */
import { computeUnits, type Discipline, type Patient, type Service, type Visit } from '@unitwise/rules';

/**
 * mulberry32: a tiny, fast, seedable PRNG (public domain, Tommy Ettinger). Returns numbers in [0, 1).
 * @param seed - any 32-bit integer; the same seed gives the same sequence
 */
export function createRandom(seed: number): () => number {
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

const TASKS_97530 = [
  'Sit-to-stand transfers from a {h}-inch chair x{n} with {a} and {c} cues for hand placement',
  'Floor-to-waist lifting of a {w} lb box x{n} with {a}, cues for hip hinge and load close to body',
  'Overhead reaching to place cans on a {h}-inch shelf x{n} with {a} to simulate kitchen tasks',
  'Carrying a {w} lb laundry basket {d} feet over carpet and tile with {a} and {c} cues for pacing',
  'Car transfer simulation x{n} with {a}; {c} cues for sequencing and leg management',
  'Stepping over obstacles during a {d}-foot functional course with {a} to prepare for community walking',
];
const TASKS_97110 = [
  'Seated knee extension with {w} lb cuff weight 3x{n} to improve quadriceps strength',
  'Bridges 3x{n} and clamshells with red band 3x{n} for hip strength',
  'Standing heel raises 3x{n} and mini squats 2x{n} for lower extremity strength',
  'Shoulder flexion AAROM with wand 3x{n} to increase range for overhead reach',
];
const TASKS_97112 = [
  'Static standing balance on foam {t} seconds x{n} with {a}, eyes open and closed',
  'Tandem walking {d} feet x{n} with {a} and {c} cues for postural control',
  'Single-leg stance {t} seconds x{n} with {a} to reduce fall risk',
];
const TASKS_97140 = [
  'Soft tissue mobilization to the lumbar paraspinals for {t} minutes to reduce guarding before activity',
  'Grade III posterior glides to the glenohumeral joint, {n} oscillations x3 sets, to restore flexion',
];
const TASKS_97535 = [
  'Upper body dressing training with a button-up shirt using one-handed technique, {a}, {c} cues',
  'Tub transfer bench training x{n} with {a}; instructed in bathing sequence and long-handled sponge use',
  'Meal preparation task at counter height for {t} minutes with {a} for safety and energy conservation',
];
const TASKS_92507 = [
  'Word retrieval tasks in structured conversation, {p}% accuracy with {c} semantic cues',
  'Sentence-level articulation of /r/ blends, {p}% accuracy with {c} cues',
];
const TASKS_92526 = [
  'Swallowing exercises: effortful swallow x{n}, chin tuck against resistance x{n}; diet trials with {c} cues',
];
const TASKS_97129 = ['Attention and sequencing tasks for medication management, {p}% accuracy with {c} cues'];
const VAGUE = [
  'Therapeutic activities performed.',
  'Pt tolerated treatment well.',
  'Exercises as per flowsheet.',
  'Worked on balance.',
];
const ASSIST = [
  'minimal assistance',
  'moderate assistance',
  'contact guard assistance',
  'stand-by assistance',
  'supervision',
];
const CUES = ['verbal', 'tactile', 'visual', 'minimal verbal', 'moderate verbal'];
const RESPONSES = [
  'Patient improved sit-to-stand from mod A to min A; progressing toward goal 1.',
  'Reports less pain with lifting (4/10 from 6/10); tolerated increased load; on track for goals.',
  'Needed fewer cues for sequencing than last session; goal 2 progressing.',
  'Fatigued after 20 minutes; rest breaks given (not billed). Balance improved on foam.',
];

function fill(r: Rand, template: string): string {
  return template
    .replaceAll('{h}', String(between(r, 14, 24)))
    .replaceAll('{n}', String(between(r, 5, 15)))
    .replaceAll('{w}', String(between(r, 2, 25)))
    .replaceAll('{d}', String(between(r, 20, 300)))
    .replaceAll('{t}', String(between(r, 10, 60)))
    .replaceAll('{p}', String(between(r, 50, 95)))
    .replaceAll('{a}', pick(r, ASSIST))
    .replaceAll('{c}', pick(r, CUES));
}

const TREATMENT: Record<Discipline, { code: string; weight: number; templates: readonly string[] }[]> = {
  PT: [
    { code: '97530', weight: 5, templates: TASKS_97530 },
    { code: '97110', weight: 3, templates: TASKS_97110 },
    { code: '97112', weight: 2, templates: TASKS_97112 },
    { code: '97140', weight: 1, templates: TASKS_97140 },
  ],
  OT: [
    { code: '97530', weight: 5, templates: TASKS_97530 },
    { code: '97535', weight: 3, templates: TASKS_97535 },
    { code: '97110', weight: 1, templates: TASKS_97110 },
    { code: '97112', weight: 1, templates: TASKS_97112 },
  ],
  SLP: [
    { code: '92507', weight: 4, templates: TASKS_92507 },
    { code: '92526', weight: 1, templates: TASKS_92526 },
    { code: '97129', weight: 2, templates: TASKS_97129 },
  ],
};
const EVAL: Record<Discipline, readonly string[]> = {
  PT: ['97161', '97162', '97163'],
  OT: ['97165', '97166', '97167'],
  SLP: ['92521', '92522', '92523'],
};
const MODIFIER: Record<Discipline, string> = { PT: 'GP', OT: 'GO', SLP: 'GN' };
const ASSISTANT: Record<Discipline, { credential: 'PTA' | 'OTA' | 'SLPA'; modifier?: string }> = {
  PT: { credential: 'PTA', modifier: 'CQ' },
  OT: { credential: 'OTA', modifier: 'CO' },
  SLP: { credential: 'SLPA' },
};
const PAYERS = ['medicare', 'medicare', 'medicaid', 'commercial', 'commercial'] as const;

function weighted<T extends { weight: number }>(r: Rand, xs: readonly T[]): T {
  let total = 0;
  for (const x of xs) total += x.weight;
  let k = r() * total;
  for (const x of xs) {
    k -= x.weight;
    if (k < 0) return x;
  }
  return xs[xs.length - 1] as T;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** One generated patient with their visits, in date order. */
export interface GeneratedPatient {
  patient: Patient;
  visits: Visit[];
}

export interface GenerateOptions {
  /** Number of visits to produce in all. */
  visits: number;
  /** PRNG seed (default 20260101). */
  seed?: number;
  /** Share of visits given a documentation mistake (default 0.2). */
  mistakeRate?: number;
}

/**
 * Yields patients one at a time, each with 6–20 visits over a few weeks, until `visits` visits are made.
 * Memory stays flat: nothing is kept between patients except the PRNG.
 * @param options - how many visits, the seed and the mistake rate
 * @example
 * for (const { patient, visits } of generateVisits({ visits: 1000 })) write(patient, visits);
 */
export function* generateVisits(options: GenerateOptions): Generator<GeneratedPatient> {
  const r = createRandom(options.seed ?? 20260101);
  const mistakeRate = options.mistakeRate ?? 0.2;
  let made = 0;
  let p = 0;
  while (made < options.visits) {
    p += 1;
    const discipline = pick(r, ['PT', 'PT', 'PT', 'OT', 'OT', 'SLP'] as const);
    const payer = pick(r, PAYERS);
    const start = addDays('2026-01-05', between(r, 0, 300));
    const patientId = `P${p}`;
    const goals = [
      { id: 'g1', text: 'Sit-to-stand from standard chair independently in 4 weeks' },
      { id: 'g2', text: 'Walk 300 feet with a cane and supervision in 6 weeks' },
    ];
    const patient: Patient = {
      id: patientId,
      payer,
      plansOfCare: [
        {
          id: `${patientId}-poc`,
          discipline,
          startDate: start,
          endDate: addDays(start, 89),
          certifiedDate: addDays(start, between(r, 1, r() < 0.05 ? 45 : 20)),
          goals,
          diagnoses: ['M62.81'],
        },
      ],
    };
    const count = Math.min(between(r, 6, 20), options.visits - made);
    const visits: Visit[] = [];
    let date = start;
    let lastDescription = '';
    for (let i = 0; i < count; i++) {
      const v = makeVisit(r, patient, discipline, `V${made + i + 1}`, date, i, mistakeRate, lastDescription);
      lastDescription = v.services[v.services.length - 1]?.description ?? '';
      visits.push(v);
      date = addDays(date, pick(r, [1, 2, 2, 3, 4]));
    }
    made += count;
    yield { patient, visits };
  }
}

function makeVisit(
  r: Rand,
  patient: Patient,
  discipline: Discipline,
  id: string,
  date: string,
  index: number,
  mistakeRate: number,
  lastDescription: string,
): Visit {
  const assistant = index > 0 && r() < 0.3;
  const credential = assistant ? ASSISTANT[discipline].credential : discipline;
  const noteType = index === 0 ? 'evaluation' : index % 10 === 9 && r() < 0.85 ? 'progress-report' : 'daily';
  const services: Service[] = [];
  const n = between(r, 2, 5);
  if (index === 0) services.push({ code: pick(r, EVAL[discipline]), modifiers: [MODIFIER[discipline]] });
  const options = [...TREATMENT[discipline]];
  // Distinct codes: a visit documents each code once with its total minutes.
  while (services.length < n && options.length > 0) {
    const kind = weighted(r, options);
    options.splice(options.indexOf(kind), 1);
    services.push({
      code: kind.code,
      minutes: between(r, 6, 30),
      modifiers: [MODIFIER[discipline]],
      description: fill(r, pick(r, kind.templates)),
      goalIds: [pick(r, ['g1', 'g2'])],
    });
  }
  if (assistant && ASSISTANT[discipline].modifier) {
    for (const s of services) {
      s.assistantMinutes = s.minutes;
      s.modifiers?.push(ASSISTANT[discipline].modifier as string);
    }
  }
  let response: string | undefined = pick(r, RESPONSES);
  const nonBillable: Visit['nonBillable'] = r() < 0.3 ? [{ kind: 'rest', minutes: between(r, 2, 6) }] : undefined;
  const method = patient.payer === 'commercial' ? 'ama' : 'cms';
  const units = computeUnits(
    services.map((s) => ({ code: s.code, minutes: s.minutes ?? 0 })),
    method,
  );
  for (const s of services) s.units = units.lines.find((l) => l.code === s.code)?.units ?? 1;
  if (r() < mistakeRate) {
    const s = services[services.length - 1] as Service;
    switch (between(r, 0, 6)) {
      case 0:
        s.description = pick(r, VAGUE);
        break;
      case 1:
        s.units = (s.units ?? 0) + 1;
        break;
      case 2:
        s.modifiers = [];
        break;
      case 3:
        response = undefined;
        break;
      case 4:
        s.description = lastDescription || s.description;
        break;
      case 5:
        if (s.code === '97530') s.groupSize = 3;
        else s.description = 'Rest breaks and setup between exercises';
        break;
      default:
        s.units = Math.max(0, (s.units ?? 1) - 1);
    }
  }
  const timed = units.totalTimedMinutes;
  let untimedMinutes = 0;
  for (const l of units.lines) if (!l.timed) untimedMinutes += l.minutes > 0 ? l.minutes : 30;
  const rest = nonBillable?.[0]?.minutes ?? 0;
  const startMinute = between(r, 7 * 60, 16 * 60);
  return {
    id,
    patientId: patient.id,
    date,
    discipline,
    noteType,
    provider: { id: assistant ? 'prov-2' : 'prov-1', credential },
    timeIn: clock(startMinute),
    timeOut: clock(startMinute + timed + untimedMinutes + rest + between(r, 0, 3)),
    totalTimedMinutes: timed,
    totalTreatmentMinutes: timed + untimedMinutes,
    services,
    ...(nonBillable ? { nonBillable } : {}),
    ...(response ? { response } : {}),
  };
}
