/** Sources cited by the checks (rules.md section and source tags in brackets). */
export const CITE = {
  cmsUnits: 'Pub. 100-04 Ch. 5 §20.2',
  dailyNote: 'Pub. 100-02 Ch. 15 §220.3 E',
  timeCounted: 'Pub. 100-02 Ch. 15 §220.3 E; Pub. 100-04 Ch. 5 §20.2 (only time spent treating the patient counts)',
  description: 'Pub. 100-02 Ch. 15 §220.3 E; Noridian and First Coast 97530 reviews (rules.md §4.5)',
  codeFit:
    'rules.md §2.1: 97530 needs dynamic functional activities [S20]; exercise sets and reps alone are 97110 [S21]',
  response: 'Pub. 100-02 Ch. 15 §220.3 (progress toward goals must be documented)',
  cloned: 'Pub. 100-02 Ch. 15 §220.3 E (each note documents that day’s treatment); users.md §5 (no boilerplate)',
  plan: 'Pub. 100-02 Ch. 15 §220.1.2 (services follow the written plan of care)',
  activePlan: 'Pub. 100-02 Ch. 15 §220.1',
  evaluation:
    'Pub. 100-02 Ch. 15 §220.1 and §220.3 C (the plan of care follows an evaluation); Noridian and First Coast 97530 reviews (rules.md §4.5)',
  certification: 'Pub. 100-02 Ch. 15 §220.1.3',
  progress: 'Pub. 100-02 Ch. 15 §220.3 D',
  group: 'CMS one-on-one and group guidance for 97150 (rules.md §2.1 [S23][S24])',
  discipline: 'Pub. 100-04 Ch. 5 §20.1; rules.md §3.1',
  assistant: 'SSA §1834(v); CMS CQ/CO billing examples',
  kx: 'SSA §1833(g); BBA 2018 §50202 (rules.md §3.3)',
  goals: 'Pub. 100-02 Ch. 15 §220.1.2 (measurable long-term goals)',
} as const;

/** The modifier of each discipline's plan (Pub. 100-04 Ch. 5 §20.1). */
export const DISCIPLINE_MODIFIER = { PT: 'GP', OT: 'GO', SLP: 'GN' } as const;

/**
 * Whether a service carries a modifier.
 * @param modifiers - the service's modifiers
 * @param m - two-character modifier
 */
export function hasModifier(modifiers: readonly string[] | undefined, m: string): boolean {
  if (!modifiers) return false;
  for (const x of modifiers) if (x === m || sameModifier(x, m)) return true;
  return false;
}

/**
 * Whether a modifier as written equals an upper-case modifier, ignoring case, without building strings.
 * @param x - modifier as written
 * @param upper - upper-case modifier
 */
export function sameModifier(x: string, upper: string): boolean {
  if (x.length !== upper.length) return false;
  for (let i = 0; i < x.length; i++) {
    let c = x.charCodeAt(i);
    if (c >= 97 && c <= 122) c -= 32;
    if (c !== upper.charCodeAt(i)) return false;
  }
  return true;
}
