import {
  computeUnits,
  createAuditor,
  createPolicyRegistry,
  type Finding,
  type Patient,
  type PayerPolicyInput,
  plural,
  type UnitResult,
  type Visit,
  type VisitAudit,
  type VisitAuditLine,
  type VisitEstimate,
  whatIf,
} from '@unitwise/rules';

/** "k more minutes of CODE earns another unit", for one timed code. */
export interface WhatIfHint {
  code: string;
  moreMinutes: number;
  message: string;
}

/** Everything the visit screen shows beside the note, recomputed on each keystroke or timer tick. */
export interface LiveResults {
  units: UnitResult;
  /** One engine line per service: units, claimed units, modifiers. */
  lines: VisitAuditLine[];
  whatIf: WhatIfHint[];
  /** The engine's words on the what-if, including minutes past a unit that earn nothing. */
  whatIfExplanation: string[];
  findings: Finding[];
  /** The engine's price under the payer's policy (allowed, payer's and patient's share). */
  estimate: VisitEstimate;
}

/** Whose visit it is: the patient as the engine sees it (payer, plans of care, history) and clinic policies. */
export interface LiveContext {
  patient: Patient;
  payers?: readonly PayerPolicyInput[];
}

/**
 * Computes the live results of a visit locally with the same engine the server runs on save: units by the payer's
 * method, the what-if, every check, and the price. A fresh auditor each time, so a note never counts as its own
 * history (a draft is not an earlier visit); checks that need earlier notes come from the server (see engine.ts).
 * @param visit - the visit as the draft stands now
 * @param ctx - the patient and the clinic's payer policies
 */
export function computeLiveResults(visit: Visit, ctx: LiveContext): LiveResults {
  let a: VisitAudit;
  try {
    a = createAuditor({ patients: [ctx.patient], payers: ctx.payers ?? [] }).auditVisit(visit);
  } catch {
    // A half-typed visit (or an engine fault) must never blank the screen: units alone, and the server's checks.
    a = unitsOnly(visit, ctx);
  }
  // Pooled minutes (CMS) give every timed code the same answer: one line names them all.
  const byMinutes = new Map<number, string[]>();
  for (const n of a.whatIf?.nextUnit ?? [])
    byMinutes.set(n.moreMinutes, [...(byMinutes.get(n.moreMinutes) ?? []), n.code]);
  const whatIf = [...byMinutes].map(([moreMinutes, codes]) => ({
    code: codes.join(' '),
    moreMinutes,
    message: `${plural(moreMinutes, 'more minute')} of ${orList(codes)} earns another unit.`,
  }));
  return {
    units: a.units,
    lines: a.lines,
    whatIf,
    whatIfExplanation: a.whatIf?.explanation ?? [],
    // A fresh auditor has no earlier notes, so it would always miss the evaluation: the server judges that rule.
    findings: a.findings.filter((f) => f.rule !== 'evaluation-missing'),
    estimate: a.estimate,
  };
}

/**
 * Orders findings for display: errors first, then warnings, then info; within a severity by service.
 * @param findings - the checks' results
 */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return [...findings].sort((a, b) => rank[a.severity] - rank[b.severity] || (a.service ?? -1) - (b.service ?? -1));
}

/**
 * The findings that block signing: errors without an override reason.
 * @param findings - the checks' results
 * @param overrides - reasons keyed by `findingKey`
 */
export function unresolvedErrors(findings: readonly Finding[], overrides: Readonly<Record<string, string>>): Finding[] {
  return findings.filter((f) => f.severity === 'error' && !(overrides[findingKey(f)] ?? '').trim());
}

/**
 * A stable key for one finding: its rule and, when it is about one service, that service's index.
 * @param f - a finding
 */
export function findingKey(f: Finding): string {
  return f.service === undefined ? f.rule : `${f.rule}#${f.service}`;
}

function orList(codes: readonly string[]): string {
  return codes.length <= 1 ? (codes[0] ?? '') : `${codes.slice(0, -1).join(', ')} or ${codes[codes.length - 1]}`;
}

function unitsOnly(visit: Visit, ctx: LiveContext): VisitAudit {
  const method = createPolicyRegistry(ctx.payers ?? []).resolve(ctx.patient.payer, visit.date)?.unitMethod ?? 'cms';
  const input = visit.services.map((s) => ({ code: s.code, minutes: s.minutes ?? 0 }));
  const units = computeUnits(input, method);
  return {
    id: visit.id,
    patientId: visit.patientId,
    date: visit.date,
    lines: visit.services.map((s) => ({
      code: s.code,
      minutes: s.minutes ?? 0,
      units: 0,
      claimedUnits: s.units ?? null,
      modifiers: s.modifiers ?? [],
    })),
    findings: [],
    units,
    whatIf: whatIf(input, method),
    estimate: { payer: ctx.patient.payer, totalCents: 0, payerCents: 0, patientCents: 0 },
  };
}
