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

/**
 * The demo clinic's billing settings, complete so a fresh demo builds claims that can be sent. The NPI passes its
 * check digit (Luhn with prefix 80840, 45 CFR 162.406) and is not an issued number; the EIN, addresses and ids are
 * invented; the taxonomy is NUCC 261QR0400X (clinic/center, rehabilitation); place of service 11, office.
 */
export const DEMO_BILLING = {
  billingProvider: {
    name: 'Riverside Therapy (demo)',
    npi: '1730284910',
    taxId: '84-2714593',
    address: { line1: '2150 River Road', line2: 'Suite 200', city: 'Springfield', state: 'IL', zip: '62704-3319' },
    taxonomy: '261QR0400X',
  },
  // Payments go to the clinic's lockbox, not its street address (2010AB).
  payTo: { line1: 'PO Box 4410', city: 'Springfield', state: 'IL', zip: '62708-4410' },
  submitter: { name: 'Riverside Therapy (demo)', id: 'RIVERSIDE01', contactName: 'Bea Biller', phone: '2175550142' },
  receiver: { name: 'Demo Clearinghouse', id: 'DEMOCLEAR' },
  usage: 'T' as const,
  claimIdPrefix: 'UW',
  period: 'visit' as const,
  placeOfService: '11',
};

/**
 * A claim-level documentation mistake: patient 13's OT plan of care carries its diagnosis with the digit one typed
 * for the letter I ("169.351" for I69.351), so every claim of that patient is held until the plan is corrected.
 */
export const DIAGNOSIS_TYPO = { patient: 13, typed: '169.351', meant: 'I69.351' } as const;

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
