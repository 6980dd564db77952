/**
 * Writes packages/cli/demo/clinic.json and demo.csv: a small outpatient clinic (12 patients under Medicare,
 * Medicaid and a commercial plan; PT, OT and SLP plans of care; four weeks of visits, 97530 central) in
 * which some visits carry the mistakes auditors find (rules.md §4.5): a vague description, rest billed,
 * units above minutes, a missing CQ, an 11th visit without a progress report, cloned text, 97530 in a
 * group, sets and reps billed as 97530, a missing GN, a late certification, a goal without a target.
 * Run: node --import tsx packages/cli/scripts/make-demo.ts
 */
import { writeFileSync } from 'node:fs';
import { computeUnits, type Discipline, type Patient, type Service, type Visit } from '@unitwise/rules';

const MOD: Record<Discipline, string> = { PT: 'GP', OT: 'GO', SLP: 'GN' };

/** Clinic days from 2026-03-02 (a Monday): Mon/Wed/Fri, four weeks and a bit. */
const MWF = [
  '2026-03-02',
  '2026-03-04',
  '2026-03-06',
  '2026-03-09',
  '2026-03-11',
  '2026-03-13',
  '2026-03-16',
  '2026-03-18',
  '2026-03-20',
  '2026-03-23',
  '2026-03-25',
  '2026-03-27',
  '2026-03-30',
];
const TTH = [
  '2026-03-03',
  '2026-03-05',
  '2026-03-10',
  '2026-03-12',
  '2026-03-17',
  '2026-03-19',
  '2026-03-24',
  '2026-03-26',
];

const patients: Patient[] = [];
const visits: Visit[] = [];

function plan(
  id: string,
  discipline: Discipline,
  startDate: string,
  goals: string[],
  plannedCodes: string[],
  extra: { certifiedDate?: string } = {},
) {
  return {
    id: `${id}-poc`,
    discipline,
    startDate,
    endDate: addDays(startDate, 89),
    certifiedDate: extra.certifiedDate ?? addDays(startDate, 3),
    goals: goals.map((text, i) => ({ id: `g${i + 1}`, text })),
    plannedCodes,
    diagnoses:
      discipline === 'SLP' ? ['R13.12', 'I69.320'] : discipline === 'OT' ? ['I69.351', 'R53.1'] : ['M17.11', 'R26.89'],
  };
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function clock(m: number): string {
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

interface VisitSpec {
  noteType?: Visit['noteType'];
  credential?: Visit['provider']['credential'];
  services: Service[];
  rest?: number;
  response?: string | null;
  /** Mistakes: change claimed units after they are computed. */
  claim?: Record<string, number>;
  /** Start time in minutes after midnight. */
  start: number;
}

function addVisit(p: Patient, discipline: Discipline, n: number, date: string, spec: VisitSpec): void {
  const method = p.payer === 'commercial' ? 'ama' : 'cms';
  const services = spec.services.map((s) => ({ ...s, modifiers: s.modifiers ?? [MOD[discipline]] }));
  const units = computeUnits(
    services.map((s) => ({ code: s.code, minutes: s.minutes ?? 0 })),
    method,
  );
  for (const s of services) s.units = spec.claim?.[s.code] ?? units.lines.find((l) => l.code === s.code)?.units ?? 1;
  let untimed = 0;
  for (const l of units.lines) if (!l.timed) untimed += l.minutes;
  const treatment = units.totalTimedMinutes + untimed;
  const rest = spec.rest ?? 0;
  const credential = spec.credential ?? (discipline === 'SLP' ? 'SLP' : discipline);
  visits.push({
    id: `${p.id}-V${String(n).padStart(2, '0')}`,
    patientId: p.id,
    date,
    discipline,
    noteType: spec.noteType ?? 'daily',
    provider: {
      id: credential === 'PTA' || credential === 'OTA' ? 'prov-assistant-1' : `prov-${discipline.toLowerCase()}-1`,
      credential,
    },
    timeIn: clock(spec.start),
    timeOut: clock(spec.start + treatment + rest + 2),
    totalTimedMinutes: units.totalTimedMinutes,
    totalTreatmentMinutes: treatment,
    services,
    ...(rest ? { nonBillable: [{ kind: 'rest' as const, minutes: rest, note: 'seated rest between trials' }] } : {}),
    ...(spec.response === null ? {} : { response: spec.response ?? 'Tolerated session; see goals.' }),
  });
}

// Description templates that vary by visit so a well-kept chart never repeats itself word for word.
const sts = (n: number) =>
  `Sit-to-stand transfers from a ${20 - (n % 3)}-inch chair without armrests x${8 + n} with ${n < 5 ? 'minimal' : 'stand-by'} assistance and verbal cues for anterior weight shift`;
const lift = (n: number) =>
  `Floor-to-waist lifting of a ${5 + n} lb laundry basket x${6 + (n % 4)} with contact guard assistance; tactile cues for hip hinge, to return to home chores`;
const carry = (n: number) =>
  `Carrying a ${4 + n} lb grocery bag ${60 + 10 * n} feet over tile and carpet with stand-by assistance and ${n % 2 ? 'verbal' : 'visual'} cues for pacing`;
const reach = (n: number) =>
  `Overhead reaching to place cans on a ${48 + n}-inch shelf x${10 + n} in standing with contact guard assistance to simulate kitchen tasks`;
const balance = (n: number) =>
  `Tandem stance on foam ${15 + 2 * n} seconds x${3 + (n % 3)} with contact guard assistance, eyes open then closed, to reduce fall risk on uneven ground`;
const ther = (n: number) =>
  `Seated knee extension with ${2 + (n % 4)} lb cuff weight 3x${10 + (n % 3)} and bridges 3x${10 + (n % 5)} for quadriceps and hip strength`;
const manual = (n: number) =>
  `Grade III posterior glides to the right knee, ${20 + n} oscillations x3 sets, to restore flexion before weight bearing`;
const dress = (n: number) =>
  `Upper body dressing training with a button-up shirt using one-handed technique, ${n < 3 ? 'moderate' : 'minimal'} assistance and ${3 + n} verbal cues for sequencing`;
const tub = (n: number) =>
  `Tub transfer bench training x${3 + (n % 3)} with minimal assistance; instructed in bathing sequence and long-handled sponge use, ${2 + n} verbal cues`;
const speech = (n: number) =>
  `Word retrieval in structured conversation about daily routines, ${60 + 3 * n}% accuracy with ${n < 3 ? 'moderate' : 'minimal'} semantic cues`;
const swallow = (n: number) =>
  `Effortful swallow x${10 + n} and chin tuck against resistance x${8 + n}; thin liquid trials by cup with ${n < 3 ? 'moderate' : 'minimal'} verbal cues for small sips, no overt signs of aspiration`;
const cog = (n: number) =>
  `Medication-management sequencing with a weekly pill organizer, ${55 + 4 * n}% accuracy with ${n < 3 ? 'moderate' : 'minimal'} verbal cues`;

const respond = (n: number, goal: string) =>
  `Needed ${n < 5 ? 'less' : 'minimal'} assistance than last session (${n} of ${n + 2} trials correct without cues); progressing toward ${goal}.`;

// ---- Medicare -------------------------------------------------------------------------------------

// P-1001, PT, knee OA: a well-kept chart. Evaluation, nine treatment days, a progress report on day 10, two more.
{
  const p: Patient = {
    id: 'P-1001',
    payer: 'medicare',
    plansOfCare: [
      plan(
        'P-1001',
        'PT',
        '2026-03-02',
        [
          'Sit-to-stand from an 18-inch chair without hands, independently, 5 times in 15 seconds, within 4 weeks',
          'Walk 500 feet with a single-point cane and supervision within 6 weeks',
        ],
        ['97161', '97162', '97163', '97530', '97110', '97112', '97140', '97116'],
      ),
    ],
  };
  patients.push(p);
  MWF.slice(0, 12).forEach((date, i) => {
    const n = i + 1;
    const services: Service[] =
      n === 1
        ? [
            { code: '97162', minutes: 40 },
            { code: '97530', minutes: 15, description: sts(n), goalIds: ['g1'] },
          ]
        : [
            { code: '97530', minutes: 23 + (n % 3), description: n % 2 ? sts(n) : lift(n), goalIds: ['g1'] },
            { code: '97110', minutes: 10 + (n % 4), description: ther(n), goalIds: ['g1'] },
            { code: '97112', minutes: 8 + (n % 3), description: balance(n), goalIds: ['g2'] },
          ];
    addVisit(p, 'PT', n, date, {
      noteType: n === 1 ? 'evaluation' : n === 10 ? 'progress-report' : 'daily',
      services,
      start: 8 * 60,
      response: respond(n, 'goal 1'),
    });
  });
}

// P-1002, PT, after a fall: a PTA treats some days; visit 5 lacks CQ; no progress report by visit 11.
{
  const p: Patient = {
    id: 'P-1002',
    payer: 'medicare',
    plansOfCare: [
      plan(
        'P-1002',
        'PT',
        '2026-03-02',
        [
          'Independent car transfers with a grab handle within 4 weeks',
          'Carry a 10 lb bag 150 feet with no loss of balance within 6 weeks',
        ],
        ['97162', '97530', '97110', '97112'],
      ),
    ],
  };
  patients.push(p);
  MWF.slice(0, 11).forEach((date, i) => {
    const n = i + 1;
    const pta = n % 2 === 1 && n > 1;
    const services: Service[] =
      n === 1
        ? [
            { code: '97162', minutes: 45 },
            { code: '97530', minutes: 12, description: carry(n), goalIds: ['g2'] },
          ]
        : [
            {
              code: '97530',
              minutes: 28 + (n % 2) * 5,
              description:
                n % 2
                  ? carry(n)
                  : `Car transfer simulation x${4 + n} with contact guard assistance; verbal cues for sequencing and leg management`,
              goalIds: n % 2 ? ['g2'] : ['g1'],
            },
            { code: '97112', minutes: 12, description: balance(n + 20), goalIds: ['g2'] },
          ];
    if (pta) {
      for (const s of services) {
        s.assistantMinutes = s.minutes;
        // The mistake: visit 5's PTA lines have GP but no CQ.
        s.modifiers = n === 5 ? ['GP'] : ['GP', 'CQ'];
      }
    }
    addVisit(p, 'PT', n, date, {
      noteType: n === 1 ? 'evaluation' : 'daily',
      credential: pta ? 'PTA' : 'PT',
      services,
      start: 9 * 60,
      response: respond(n, 'goal 2'),
    });
  });
}

// P-1003, OT, stroke: 97530 during a group session on visit 3; units above minutes on visit 5.
{
  const p: Patient = {
    id: 'P-1003',
    payer: 'medicare',
    plansOfCare: [
      plan(
        'P-1003',
        'OT',
        '2026-03-03',
        [
          'Dress upper body independently after set-up, in under 10 minutes, within 4 weeks',
          'Tub transfer with a bench and stand-by assistance within 6 weeks',
        ],
        ['97166', '97530', '97535', '97150'],
      ),
    ],
  };
  patients.push(p);
  TTH.slice(0, 6).forEach((date, i) => {
    const n = i + 1;
    const services: Service[] =
      n === 1
        ? [
            { code: '97166', minutes: 45 },
            { code: '97535', minutes: 15, description: dress(n), goalIds: ['g1'] },
          ]
        : [
            {
              code: '97530',
              minutes: n === 5 ? 22 : 25,
              description: reach(n),
              goalIds: ['g1'],
              ...(n === 3 ? { groupSize: 3 } : {}),
            },
            {
              code: '97535',
              minutes: 15 + (n % 3),
              description: n % 2 ? tub(n) : dress(n),
              goalIds: n % 2 ? ['g2'] : ['g1'],
            },
          ];
    addVisit(p, 'OT', n, date, {
      noteType: n === 1 ? 'evaluation' : 'daily',
      services,
      start: 10 * 60,
      response: respond(n, 'goal 1'),
      ...(n === 5 ? { claim: { '97530': 3 } } : {}),
    });
  });
}

// P-1004, SLP, dysphagia after stroke: visit 3 is missing GN.
{
  const p: Patient = {
    id: 'P-1004',
    payer: 'medicare',
    plansOfCare: [
      plan(
        'P-1004',
        'SLP',
        '2026-03-02',
        [
          'Thin liquids by cup with no signs of aspiration in 9 of 10 trials within 4 weeks',
          'Name 8 of 10 household objects within 6 weeks',
        ],
        ['92523', '92526', '92507', '97129', '97130'],
      ),
    ],
  };
  patients.push(p);
  MWF.slice(0, 4).forEach((date, i) => {
    const n = i + 1;
    const services: Service[] =
      n === 1
        ? [{ code: '92523', minutes: 50 }]
        : [
            {
              code: '92526',
              minutes: 25,
              description: swallow(n),
              goalIds: ['g1'],
              ...(n === 3 ? { modifiers: [] } : {}),
            },
            { code: '92507', minutes: 20, description: speech(n), goalIds: ['g2'] },
          ];
    addVisit(p, 'SLP', n, date, {
      noteType: n === 1 ? 'evaluation' : 'daily',
      services,
      start: 13 * 60,
      response: respond(n, 'goal 1'),
    });
  });
}

// P-1005, PT, low back pain: plan signed 45 days after the evaluation; visit 3 has a vague description.
{
  const p: Patient = {
    id: 'P-1005',
    payer: 'medicare',
    plansOfCare: [
      plan(
        'P-1005',
        'PT',
        '2026-03-03',
        ['Lift 15 lb from floor to waist with proper mechanics 5 times within 6 weeks'],
        ['97161', '97530', '97110', '97140'],
        { certifiedDate: '2026-04-17' },
      ),
    ],
  };
  patients.push(p);
  TTH.slice(0, 4).forEach((date, i) => {
    const n = i + 1;
    const services: Service[] =
      n === 1
        ? [
            { code: '97161', minutes: 30 },
            { code: '97140', minutes: 12, description: manual(n), goalIds: ['g1'] },
          ]
        : [
            {
              code: '97530',
              minutes: 30,
              description: n === 3 ? 'Therapeutic activities performed. Pt tolerated well.' : lift(n),
              goalIds: ['g1'],
            },
            {
              code: '97140',
              minutes: 10,
              description: `Soft tissue mobilization to the lumbar paraspinals ${8 + n} minutes to reduce guarding before lifting practice`,
              goalIds: ['g1'],
            },
          ];
    addVisit(p, 'PT', n, date, {
      noteType: n === 1 ? 'evaluation' : 'daily',
      services,
      start: 14 * 60,
      response: respond(n, 'the lifting goal'),
    });
  });
}

// ---- Medicaid -------------------------------------------------------------------------------------

// P-2001, PT, child with developmental delay: visit 4 bills rest breaks inside 97530's minutes.
{
  const p: Patient = {
    id: 'P-2001',
    payer: 'medicaid',
    plansOfCare: [
      plan(
        'P-2001',
        'PT',
        '2026-03-02',
        [
          'Climb 12 stairs with one rail and supervision within 8 weeks',
          'Jump forward 24 inches with two feet 3 of 4 trials within 8 weeks',
        ],
        ['97162', '97530', '97110', '97112'],
      ),
    ],
  };
  patients.push(p);
  MWF.slice(0, 5).forEach((date, i) => {
    const n = i + 1;
    const services: Service[] =
      n === 1
        ? [{ code: '97162', minutes: 40 }]
        : [
            {
              code: '97530',
              minutes: 30,
              description:
                n === 4
                  ? `Squat-to-stand to pick up toys from the floor x${n + 5} and carrying them 20 feet to a bin with contact guard assistance, including rest breaks between trials`
                  : `Squat-to-stand to pick up toys from the floor x${n + 8} and carrying them ${15 + n} feet to a bin with contact guard assistance; verbal cues for safe lifting`,
              goalIds: ['g1'],
            },
            {
              code: '97112',
              minutes: 15,
              description: `Single-leg stance on a foam pad ${5 + n} seconds x${4 + n} each side with hand-held assistance, then two-foot jumps forward ${12 + 2 * n} inches for landing control`,
              goalIds: ['g2'],
            },
          ];
    addVisit(p, 'PT', n, date, {
      noteType: n === 1 ? 'evaluation' : 'daily',
      services,
      start: 15 * 60,
      response: respond(n, 'goal 1'),
    });
  });
}

// P-2002, OT, hand injury: visit 4 copies visit 3's 97530 description word for word.
{
  const p: Patient = {
    id: 'P-2002',
    payer: 'medicaid',
    plansOfCare: [
      plan(
        'P-2002',
        'OT',
        '2026-03-03',
        [
          'Grip a 2 lb jar and open it independently within 4 weeks',
          'Fasten 5 buttons in under 2 minutes within 6 weeks',
        ],
        ['97165', '97530', '97535', '97110'],
      ),
    ],
  };
  patients.push(p);
  TTH.slice(0, 5).forEach((date, i) => {
    const n = i + 1;
    const jar = (k: number) =>
      `Gripping and lifting weighted jars (1-3 lb) from a 36-inch counter to a ${50 + k}-inch shelf x${6 + k} with minimal assistance and verbal cues for grip`;
    const services: Service[] =
      n === 1
        ? [{ code: '97165', minutes: 35 }]
        : [
            { code: '97530', minutes: 25, description: jar(n === 4 ? 3 : n), goalIds: ['g1'] },
            {
              code: '97535',
              minutes: 15,
              description: `Buttoning practice on a shirt with 5 buttons x${2 + n} with minimal assistance, ${4 - (n % 3)} verbal cues for thumb opposition`,
              goalIds: ['g2'],
            },
          ];
    addVisit(p, 'OT', n, date, {
      noteType: n === 1 ? 'evaluation' : 'daily',
      services,
      start: 11 * 60,
      response: respond(n, 'goal 1'),
    });
  });
}

// P-2003, SLP, cognitive-communication after TBI: a clean chart.
{
  const p: Patient = {
    id: 'P-2003',
    payer: 'medicaid',
    plansOfCare: [
      plan(
        'P-2003',
        'SLP',
        '2026-03-02',
        ['Manage a weekly pill organizer with 90% accuracy and no cues within 6 weeks'],
        ['92523', '92507', '97129', '97130'],
      ),
    ],
  };
  patients.push(p);
  MWF.slice(0, 4).forEach((date, i) => {
    const n = i + 1;
    const services: Service[] =
      n === 1
        ? [{ code: '92523', minutes: 45 }]
        : [
            { code: '97129', minutes: 15, description: cog(n), goalIds: ['g1'] },
            { code: '92507', minutes: 20, description: speech(n + 10), goalIds: ['g1'] },
          ];
    addVisit(p, 'SLP', n, date, {
      noteType: n === 1 ? 'evaluation' : 'daily',
      services,
      start: 16 * 60,
      response: respond(n, 'goal 1'),
    });
  });
}

// ---- Commercial (AMA per-code method) --------------------------------------------------------------

// P-3001, PT, ACL reconstruction: visit 3 bills sets and reps as 97530; visit 4 a proper group session (97150).
{
  const p: Patient = {
    id: 'P-3001',
    payer: 'commercial',
    plansOfCare: [
      plan(
        'P-3001',
        'PT',
        '2026-03-02',
        [
          'Single-leg squat to 60 degrees with good knee alignment 10 times within 8 weeks',
          'Jog 5 minutes without pain within 12 weeks',
        ],
        ['97163', '97530', '97110', '97140', '97112', '97150'],
      ),
    ],
  };
  patients.push(p);
  MWF.slice(0, 5).forEach((date, i) => {
    const n = i + 1;
    let services: Service[];
    if (n === 1)
      services = [
        { code: '97163', minutes: 50 },
        { code: '97140', minutes: 10, description: manual(n), goalIds: ['g1'] },
      ];
    else if (n === 3)
      services = [
        {
          code: '97530',
          minutes: 25,
          description: 'Step ups 3x10, mini squats 3x15, heel raises 3x20',
          goalIds: ['g1'],
        },
        { code: '97140', minutes: 10, description: manual(n), goalIds: ['g1'] },
      ];
    else if (n === 4)
      services = [
        {
          code: '97150',
          minutes: 30,
          groupSize: 3,
          description:
            'Group of 3 after knee surgery: step-over drills and mini squats with the therapist in constant attendance',
          goalIds: ['g1'],
        },
        { code: '97110', minutes: 12, description: ther(n), goalIds: ['g1'] },
      ];
    else
      services = [
        {
          code: '97530',
          minutes: 24,
          description: `Stepping down from a ${4 + n}-inch curb x${8 + n} and squatting to lift a 5 lb box from the floor x${6 + n}, stand-by assistance and verbal cues for knee alignment`,
          goalIds: ['g1'],
        },
        { code: '97110', minutes: 15, description: ther(n), goalIds: ['g1'] },
      ];
    addVisit(p, 'PT', n, date, {
      noteType: n === 1 ? 'evaluation' : 'daily',
      services,
      start: 17 * 60,
      response: respond(n, 'goal 1'),
    });
  });
}

// P-3002, PT, shoulder: the plan's second goal has no measurable target.
{
  const p: Patient = {
    id: 'P-3002',
    payer: 'commercial',
    plansOfCare: [
      plan(
        'P-3002',
        'PT',
        '2026-03-03',
        ['Reach a 60-inch shelf with a 2 lb can, pain under 3/10, within 6 weeks', 'Improve shoulder strength'],
        ['97162', '97530', '97110', '97140'],
      ),
    ],
  };
  patients.push(p);
  TTH.slice(0, 4).forEach((date, i) => {
    const n = i + 1;
    const services: Service[] =
      n === 1
        ? [
            { code: '97162', minutes: 40 },
            {
              code: '97110',
              minutes: 12,
              description: `Shoulder flexion AAROM with a wand 3x${10 + n} and scapular retraction with red band 3x12`,
              goalIds: ['g2'],
            },
          ]
        : [
            { code: '97530', minutes: 23, description: reach(n + 5), goalIds: ['g1'] },
            {
              code: '97140',
              minutes: 10,
              description: `Grade II-III inferior glides to the left glenohumeral joint, ${20 + n} oscillations x3 sets, to restore elevation`,
              goalIds: ['g1'],
            },
          ];
    addVisit(p, 'PT', n, date, {
      noteType: n === 1 ? 'evaluation' : 'daily',
      services,
      start: 8 * 60 + 30,
      response: respond(n, 'goal 1'),
    });
  });
}

// P-3003, OT, hip replacement: visit 3 records no patient response.
{
  const p: Patient = {
    id: 'P-3003',
    payer: 'commercial',
    plansOfCare: [
      plan(
        'P-3003',
        'OT',
        '2026-03-02',
        [
          'Lower body dressing with a reacher and sock aid, independently, within 3 weeks',
          'Toilet transfer with a raised seat and supervision within 3 weeks',
        ],
        ['97166', '97535', '97530'],
      ),
    ],
  };
  patients.push(p);
  MWF.slice(0, 4).forEach((date, i) => {
    const n = i + 1;
    const services: Service[] =
      n === 1
        ? [{ code: '97166', minutes: 40 }]
        : [
            {
              code: '97535',
              minutes: 25,
              description: `Lower body dressing with a reacher and sock aid x${n} trials, hip precautions kept, ${n < 3 ? 'minimal' : 'stand-by'} assistance and ${5 - n} verbal cues`,
              goalIds: ['g1'],
            },
            {
              code: '97530',
              minutes: 15,
              description: `Toilet transfers with a raised seat x${4 + n} with contact guard assistance and verbal cues for hip precautions`,
              goalIds: ['g2'],
            },
          ];
    addVisit(p, 'OT', n, date, {
      noteType: n === 1 ? 'evaluation' : 'daily',
      services,
      start: 12 * 60,
      response: n === 3 ? null : respond(n, 'goal 1'),
    });
  });
}

// P-3004, SLP, voice: a clean chart.
{
  const p: Patient = {
    id: 'P-3004',
    payer: 'commercial',
    plansOfCare: [
      plan(
        'P-3004',
        'SLP',
        '2026-03-03',
        ['Sustain phonation 15 seconds at conversational loudness in 4 of 5 trials within 6 weeks'],
        ['92524', '92507'],
      ),
    ],
  };
  patients.push(p);
  TTH.slice(0, 3).forEach((date, i) => {
    const n = i + 1;
    const services: Service[] =
      n === 1
        ? [{ code: '92524', minutes: 45 }]
        : [
            {
              code: '92507',
              minutes: 30,
              description: `Resonant voice exercises: sustained /m/ ${8 + 2 * n} seconds x${5 + n} and phrase-level carryover, ${70 + 5 * n}% accuracy with minimal cues`,
              goalIds: ['g1'],
            },
          ];
    addVisit(p, 'SLP', n, date, {
      noteType: n === 1 ? 'evaluation' : 'daily',
      services,
      start: 15 * 60 + 30,
      response: respond(n, 'the phonation goal'),
    });
  });
}

const file = { patients, visits };
const demoDir = new URL('../demo/', import.meta.url);
writeFileSync(new URL('clinic.json', demoDir), `${JSON.stringify(file, null, 2)}\n`);

// demo.csv: a few visits of the same clinic in the CSV form (one service a row).
const csvVisits = visits.filter((v) =>
  ['P-1002-V04', 'P-1002-V05', 'P-1003-V03', 'P-3001-V03', 'P-3001-V05'].includes(v.id),
);
const q = (s: unknown) => {
  const t = s === undefined || s === null ? '' : String(s);
  return /[",\n]/.test(t) ? `"${t.replaceAll('"', '""')}"` : t;
};
// The design's columns, then three optional ones the CLI also reads (note type and the note's totals).
const header =
  'visit_id,patient_id,date,discipline,payer,credential,time_in,time_out,code,minutes,assistant_minutes,units,modifiers,group_size,description,goal_ids,response,note_type,total_timed_minutes,total_treatment_minutes';
const rows = [header];
for (const v of csvVisits) {
  const payer = patients.find((p) => p.id === v.patientId)?.payer;
  for (const s of v.services) {
    rows.push(
      [
        v.id,
        v.patientId,
        v.date,
        v.discipline,
        payer,
        v.provider.credential,
        v.timeIn,
        v.timeOut,
        s.code,
        s.minutes,
        s.assistantMinutes,
        s.units,
        s.modifiers?.join(' '),
        s.groupSize,
        s.description,
        s.goalIds?.join(' '),
        v.response,
        v.noteType,
        v.totalTimedMinutes,
        v.totalTreatmentMinutes,
      ]
        .map(q)
        .join(','),
    );
  }
}
writeFileSync(new URL('demo.csv', demoDir), `${rows.join('\n')}\n`);
process.stdout.write(
  `wrote ${patients.length} patients, ${visits.length} visits; demo.csv with ${csvVisits.length} visits\n`,
);
