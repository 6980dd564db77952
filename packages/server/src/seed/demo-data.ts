import type { Credential, Discipline } from '@unitwise/rules';
import type { Role } from '@unitwise/store';

/** The demo clinic's fixed id: its presence means the seed has run. */
export const DEMO_CLINIC_ID = 'demo-clinic';
export const DEMO_CLINIC_NAME = 'Riverside Therapy (demo)';

/** The demo sign-ins' shared password; demo data only, printed at start-up, never for real accounts. */
export const DEMO_PASSWORD = 'unitwise-demo';

export interface DemoStaff {
  key: string;
  name: string;
  email: string;
  roles: Role[];
  /** A clinician: discipline, credential and a check-digit-valid NPI (test range, not a real provider). */
  provider?: { discipline: Discipline; credential: Credential; npi: string };
}

// NPIs below pass the Luhn check with the 80840 prefix (45 CFR 162.406) and are not issued numbers.
export const DEMO_STAFF: DemoStaff[] = [
  { key: 'owner', name: 'Olivia Owner', email: 'owner@demo.unitwise.test', roles: ['owner'] },
  {
    key: 'pt',
    name: 'Paul Therapist, PT',
    email: 'pt@demo.unitwise.test',
    roles: ['therapist'],
    provider: { discipline: 'PT', credential: 'PT', npi: '1234567893' },
  },
  {
    key: 'ot',
    name: 'Olga Therapist, OT',
    email: 'ot@demo.unitwise.test',
    roles: ['therapist'],
    provider: { discipline: 'OT', credential: 'OT', npi: '1245319599' },
  },
  {
    key: 'slp',
    name: 'Sam Pathologist, SLP',
    email: 'slp@demo.unitwise.test',
    roles: ['therapist'],
    provider: { discipline: 'SLP', credential: 'SLP', npi: '1679576722' },
  },
  {
    key: 'pta',
    name: 'Andy Assistant, PTA',
    email: 'pta@demo.unitwise.test',
    roles: ['assistant'],
    provider: { discipline: 'PT', credential: 'PTA', npi: '1568432375' },
  },
  { key: 'biller', name: 'Bea Biller', email: 'biller@demo.unitwise.test', roles: ['biller'] },
  { key: 'auditor', name: 'Ari Auditor', email: 'auditor@demo.unitwise.test', roles: ['auditor'] },
];

/** Demo payers: the three built-in policies (ids from @unitwise/rules' built-in policies). */
export const DEMO_PAYERS = [
  { key: 'medicare', name: 'Medicare Part B (demo)', policyId: 'medicare', x12PayerId: 'DEMO-MCR' },
  { key: 'medicaid', name: 'State Medicaid (demo)', policyId: 'medicaid', x12PayerId: 'DEMO-MCD' },
  { key: 'commercial', name: 'Acme Health Plan (demo)', policyId: 'commercial', x12PayerId: 'DEMO-ACME' },
] as const;

/** Invented names (no real people); patients are numbered through these. */
export const FIRST_NAMES = ['Ada', 'Ben', 'Cora', 'Dev', 'Elle', 'Finn', 'Gia', 'Hal', 'Iris', 'Jon'];
export const LAST_NAMES = ['Archer', 'Brook', 'Cole', 'Dale', 'Ember', 'Frost', 'Glen', 'Hale', 'Ivory', 'Jade'];

/** Goals with a measurable target (the check `goal-not-measurable` passes them). */
export const GOALS: Record<Discipline, string[]> = {
  PT: [
    'Patient will walk 300 feet with a single-point cane and supervision within 6 weeks.',
    'Patient will rise from a standard chair 5 times in under 15 seconds without arm use within 4 weeks.',
    'Patient will climb 12 stairs with one rail and modified independence within 6 weeks.',
  ],
  OT: [
    'Patient will dress the upper body with supervision in 4/5 trials within 4 weeks.',
    'Patient will complete a shower transfer with a tub bench and supervision within 6 weeks.',
  ],
  SLP: [
    'Patient will swallow thin liquids by cup without signs of aspiration in 9/10 trials within 6 weeks.',
    'Patient will name 8 of 10 common objects with minimal cues within 4 weeks.',
  ],
};

/** A goal without a measurable target: a realistic mistake for the demo. */
export const VAGUE_GOAL = 'Patient will improve strength and function.';

/** Services per discipline with descriptions that support the code (task, parameters, assistance, cues). */
export const SERVICE_TEMPLATES: Record<Discipline, { code: string; descriptions: string[] }[]> = {
  PT: [
    {
      code: '97530',
      descriptions: [
        'Sit-to-stand transfers from a low chair, 3 sets of 5, min assist with verbal cues for weight shift, to prepare for toilet transfers.',
        'Floor-to-waist lifting of a 5 lb laundry basket, 10 repetitions, contact guard with tactile cues for hip hinge.',
        'Curb stepping practice with a cane, 8 trials, min assist, cues for sequencing to reach the bus stop safely.',
        'Reaching to overhead shelf while standing, 3 sets of 6, stand-by assist, cues for balance to put away groceries.',
      ],
    },
    {
      code: '97110',
      descriptions: [
        'Quadriceps sets and straight leg raises, 3 sets of 10 with a 2 lb weight, verbal cues for terminal knee extension.',
        'Seated hamstring curls with a green band, 3 sets of 12, cues for slow eccentric control.',
        'Heel raises at the counter, 3 sets of 15, cues to keep knees straight, to build ankle strength for gait.',
      ],
    },
    {
      code: '97112',
      descriptions: [
        'Tandem stance and single-leg stance on foam, 5 trials of 20 seconds, contact guard, cues for hip strategy.',
        'Standing weight shifts with eyes closed, 3 sets of 10, stand-by assist, to improve postural control.',
      ],
    },
    {
      code: '97140',
      descriptions: [
        'Grade III tibiofemoral mobilisation in prone, 3 bouts of 30 seconds, to gain knee flexion range.',
        'Soft tissue mobilisation to the lateral thigh and patellar glides, to reduce pain before gait training.',
      ],
    },
  ],
  OT: [
    {
      code: '97535',
      descriptions: [
        'Upper-body dressing with a button-up shirt, one-handed technique, min assist with verbal cues for sequencing.',
        'Tub bench transfer training with a hand-held shower, contact guard, cues for leg management.',
      ],
    },
    {
      code: '97530',
      descriptions: [
        'Kitchen task: reaching into upper cabinet and carrying a pot to the counter, 6 trials, stand-by assist, cues for body mechanics.',
        'Standing reach across midline to move 2 lb cans from counter to an upper shelf, 3 sets of 8, supervision, cues for trunk rotation, to prepare for putting groceries away.',
      ],
    },
    {
      code: '97110',
      descriptions: [
        'Shoulder flexion with a 1 lb dowel, 3 sets of 10, cues for scapular set, to reach overhead for grooming.',
      ],
    },
  ],
  SLP: [
    {
      code: '92526',
      descriptions: [
        'Swallowing treatment: chin tuck with thin liquids by cup, 20 trials, moderate cues, 2 coughs observed.',
      ],
    },
    {
      code: '92507',
      descriptions: ['Naming treatment with semantic feature analysis, 10 objects, 6 of 10 with minimal cues.'],
    },
  ],
};

/** Patient responses that record progress toward the goals. */
export const RESPONSES = [
  'Tolerated treatment well; sit-to-stand now 5 in 18 seconds, progressing toward goal.',
  'Reported pain 3/10 after session, down from 5/10; walked 200 feet with cane, progressing.',
  'Fatigued after 20 minutes but completed all tasks; needs fewer cues than last visit.',
  'Good carry-over of technique from last session; goal partly met.',
];

/** Invented street addresses in one real town's ZIP area (no real residents), for the 837P's 2010BA N3/N4. */
export const DEMO_STREETS = [
  'Maple Ave',
  'Oak St',
  'Cedar Ln',
  'Birch Rd',
  'Elm St',
  'Walnut Dr',
  'Pine Ct',
  'Ash Way',
];
export const DEMO_TOWNS = [
  { city: 'Dayton', state: 'OH', postalCode: '45402' },
  { city: 'Kettering', state: 'OH', postalCode: '45429' },
  { city: 'Xenia', state: 'OH', postalCode: '45385' },
] as const;

/** Referring physicians (invented; NPIs pass the check digit and are not issued numbers), 837P 2310A. */
export const DEMO_REFERRERS = [
  { firstName: 'Grace', lastName: 'Okafor', npi: '1887654329' },
  { firstName: 'Martin', lastName: 'Silva', npi: '1912345679' },
  { firstName: 'Helen', lastName: 'Park', npi: '1666555440' },
] as const;

/** Intake diagnoses per discipline, principal first (ICD-10-CM, data/icd10cm-therapy.json). */
export const DEMO_DIAGNOSES: Record<Discipline, string[]> = {
  PT: ['M17.11', 'R26.89'],
  OT: ['I69.351', 'R27.8'],
  SLP: ['R13.12', 'I69.391'],
};
