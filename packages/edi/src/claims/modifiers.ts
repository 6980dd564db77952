import type { Discipline, ResolvedPolicy, Service, Visit } from '@unitwise/rules';

/** GP/GO/GN by discipline (Pub. 100-04 Ch. 5 §20.1; x12.md §3 Therapy modifiers). */
export const DISCIPLINE_MODIFIER: Readonly<Record<Discipline, string>> = { PT: 'GP', OT: 'GO', SLP: 'GN' };

/** CQ for a PTA, CO for an OTA (Pub. 100-04 Ch. 5 §20.1; CY 2020 PFS final rule). */
export const ASSISTANT_MODIFIER: Readonly<Partial<Record<Discipline, string>>> = { PT: 'CQ', OT: 'CO' };

/** NCCI PTP-associated modifiers (NCCI Policy Manual 2025 Ch. 1 §E). */
export const NCCI_MODIFIERS: ReadonlySet<string> = new Set(['59', 'XE', 'XP', 'XS', 'XU']);

// An assistant furnishing more than 10% of a service needs CQ/CO (the de minimis standard, 42 CFR 410.59(a)(4)).
const DE_MINIMIS = 0.1;

/**
 * Whether an assistant furnished more than 10% of a service: by its assistant minutes, or the whole of it when
 * the visit's provider is an assistant and no split is recorded.
 * @param visit - the visit
 * @param s - the service
 */
export function assistantFurnished(visit: Visit, s: Service): boolean {
  const c = visit.provider.credential;
  if (s.assistantMinutes !== undefined && s.minutes !== undefined && s.minutes > 0)
    return s.assistantMinutes > s.minutes * DE_MINIMIS;
  return c === 'PTA' || c === 'OTA';
}

/**
 * A line's modifiers in claim order: discipline (GP/GO/GN), assistant (CQ/CO), KX, NCCI (59/X{EPSU}), then any
 * others the therapist entered; duplicates dropped. Returns them all; the caller keeps four and reports the rest.
 * @param visit - the visit
 * @param s - the service
 * @param opts - whether the payer requires discipline and assistant modifiers, and whether KX applies
 */
export function orderModifiers(
  visit: Visit,
  s: Service,
  opts: { discipline: boolean; assistant: boolean; kx: boolean },
): string[] {
  const given = (s.modifiers ?? []).map((m) => m.trim().toUpperCase()).filter((m) => m.length > 0);
  const out: string[] = [];
  const add = (m: string | undefined) => {
    if (m && !out.includes(m)) out.push(m);
  };
  const disc = DISCIPLINE_MODIFIER[visit.discipline];
  if (opts.discipline || given.includes(disc)) add(disc);
  const asst = ASSISTANT_MODIFIER[visit.discipline];
  if (asst && ((opts.assistant && assistantFurnished(visit, s)) || given.includes(asst))) add(asst);
  if (opts.kx || given.includes('KX')) add('KX');
  for (const m of given) if (NCCI_MODIFIERS.has(m)) add(m);
  for (const m of given) {
    if (m === 'GP' || m === 'GO' || m === 'GN' || m === 'CQ' || m === 'CO') continue;
    add(m);
  }
  return out;
}

/**
 * Every service of a visit with the modifiers its claim line will carry under the payer's policy (discipline
 * and assistant modifiers when the policy requires them, KX when asked), so the rule engine can audit the visit
 * as billed. At most four per service.
 * @param visit - the visit
 * @param policy - the payer's policy on the date of service, if known
 * @param kx - the year's spend passed the threshold and KX is attested
 */
export function visitAsBilled(visit: Visit, policy: ResolvedPolicy | undefined, kx = false): Visit {
  const opts = {
    discipline: policy?.documentation.requiresDisciplineModifier ?? true,
    assistant: policy?.documentation.requiresAssistantModifier ?? false,
    kx: kx && (policy?.documentation.appliesKxThreshold ?? false),
  };
  return {
    ...visit,
    services: visit.services.map((s) => ({ ...s, modifiers: orderModifiers(visit, s, opts).slice(0, 4) })),
  };
}
