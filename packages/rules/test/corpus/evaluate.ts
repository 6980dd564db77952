import {
  type Credential,
  createAuditor,
  type Discipline,
  type Finding,
  isTimedCode,
  type Patient,
  type Visit,
} from '../../src/index.ts';

/** One labelled service description of the corpus (README.md in this folder says how they were written). */
export interface CorpusEntry {
  id: string;
  discipline: Discipline;
  credential: Credential;
  /** The code the description was billed under. */
  billed: string;
  /** The code the description supports (equal to `billed` when the code is right). */
  code: string;
  /** Task, parameters and assistance all there for the code's kind of work. */
  specific: boolean;
  /** Nothing of the three at all (only generic words): expected as an error. */
  generic: boolean;
  /** The billed minutes are said to include rest, preparation, waiting or paperwork. */
  inactive: boolean;
  description: string;
}

/** The rules the corpus measures. */
export const TEXT_RULES = ['vague-description', 'code-mismatch', 'inactive-time-billed'] as const;
export type TextRule = (typeof TEXT_RULES)[number];

/** Whether an entry has no planted mistake. */
export function isClean(e: CorpusEntry): boolean {
  return e.billed === e.code && e.specific && !e.inactive;
}

/** Whether a rule should fire on an entry. */
export function expected(e: CorpusEntry, rule: TextRule): boolean {
  if (rule === 'vague-description') return !e.specific;
  if (rule === 'code-mismatch') return e.billed !== e.code;
  return e.inactive;
}

const MODIFIER = { PT: 'GP', OT: 'GO', SLP: 'GN' } as const;
const ASSISTANT = { PTA: 'CQ', OTA: 'CO' } as Partial<Record<Credential, string>>;

function patientFor(discipline: Discipline): Patient {
  return {
    id: `p-${discipline}`,
    payer: 'medicare',
    plansOfCare: [
      {
        id: `poc-${discipline}`,
        discipline,
        startDate: '2026-01-05',
        endDate: '2026-04-04',
        certifiedDate: '2026-01-08',
        goals: [{ id: 'g1', text: 'Performs the trained task with supervision and 90% accuracy in 6 weeks' }],
        diagnoses: ['R26.89'],
      },
    ],
    history: { treatmentDaysSinceProgressReport: 2, thresholdSpentCents: { PT_SLP: 0, OT: 0 } },
  };
}

/** An otherwise clean Medicare visit with the entry's one service (15 minutes when timed). */
export function visitFor(e: CorpusEntry): Visit {
  const timed = isTimedCode(e.billed);
  const assistant = ASSISTANT[e.credential];
  return {
    id: e.id,
    patientId: `p-${e.discipline}`,
    date: '2026-02-02',
    discipline: e.discipline,
    noteType: 'daily',
    provider: { id: 'prov', credential: e.credential },
    timeIn: '09:00',
    timeOut: '09:30',
    totalTimedMinutes: timed ? 15 : 0,
    totalTreatmentMinutes: 15,
    services: [
      {
        code: e.billed,
        ...(timed ? { minutes: 15, units: 1 } : {}),
        ...(timed && assistant ? { assistantMinutes: 15 } : {}),
        modifiers: assistant ? [MODIFIER[e.discipline], assistant] : [MODIFIER[e.discipline]],
        goalIds: ['g1'],
        description: e.description,
      },
    ],
    response: 'Improved accuracy and less assistance than last visit; progressing toward goal 1.',
  };
}

/** What the audit said about one entry. */
export interface EntryResult {
  entry: CorpusEntry;
  findings: Finding[];
  fired: Record<TextRule, boolean>;
}

/** Audits every entry (each on a fresh auditor) and keeps the text rules' findings on its service. */
export function runCorpus(entries: readonly CorpusEntry[]): EntryResult[] {
  return entries.map((entry) => {
    const auditor = createAuditor({ patients: [patientFor(entry.discipline)] });
    const findings = auditor
      .auditVisit(visitFor(entry))
      .findings.filter((f) => f.service === 0 && (TEXT_RULES as readonly string[]).includes(f.rule));
    const fired = Object.fromEntries(TEXT_RULES.map((r) => [r, findings.some((f) => f.rule === r)])) as Record<
      TextRule,
      boolean
    >;
    // A mismatch that names the wrong code does not count as found.
    if (fired['code-mismatch'] && entry.billed !== entry.code) {
      const m = findings.find((f) => f.rule === 'code-mismatch');
      if (!m?.message.includes(`fits ${entry.code} better`)) fired['code-mismatch'] = false;
    }
    return { entry, findings, fired };
  });
}

/** Precision and recall of one rule. */
export interface RuleScore {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
}

/** The figures the bench prints and the tests assert. */
export interface CorpusScore {
  entries: number;
  clean: number;
  /** Clean entries with an error or warning from a text rule. */
  cleanFlagged: number;
  byRule: Record<TextRule, RuleScore>;
  /** Generic descriptions reported as errors, and specific-but-incomplete ones as warnings, of all vague found. */
  severityRight: number;
  vagueFound: number;
  /** Ids of entries judged wrongly, with the rule, for reading. */
  misses: string[];
}

/** Scores the results. */
export function scoreCorpus(results: readonly EntryResult[]): CorpusScore {
  const byRule = {} as Record<TextRule, RuleScore>;
  const misses: string[] = [];
  for (const rule of TEXT_RULES) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const r of results) {
      const want = expected(r.entry, rule);
      const got = r.fired[rule];
      if (want && got) tp++;
      else if (got) {
        fp++;
        misses.push(`${r.entry.id} false ${rule}`);
      } else if (want) {
        fn++;
        misses.push(`${r.entry.id} missed ${rule}`);
      }
    }
    byRule[rule] = {
      truePositives: tp,
      falsePositives: fp,
      falseNegatives: fn,
      precision: tp + fp === 0 ? 1 : tp / (tp + fp),
      recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    };
  }
  let clean = 0;
  let cleanFlagged = 0;
  let vagueFound = 0;
  let severityRight = 0;
  for (const r of results) {
    if (isClean(r.entry)) {
      clean++;
      if (r.findings.some((f) => f.severity !== 'info')) cleanFlagged++;
    }
    const vague = r.findings.find((f) => f.rule === 'vague-description');
    if (vague && !r.entry.specific) {
      vagueFound++;
      if ((vague.severity === 'error') === r.entry.generic) severityRight++;
      else misses.push(`${r.entry.id} vague-description severity ${vague.severity}`);
    }
  }
  return { entries: results.length, clean, cleanFlagged, byRule, severityRight, vagueFound, misses };
}
