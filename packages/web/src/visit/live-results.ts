import {
  computeUnits,
  type Finding,
  type PriceResult,
  priceLines,
  type ResolvedPolicy,
  type UnitInputLine,
  type UnitResult,
  type Visit,
  whatIf,
} from '@unitwise/rules';

/** The checks the live screen runs; injected so the screen works before (and without) a payer context. */
export type AuditFn = (visit: Visit) => Finding[];

/** "k more minutes of CODE earns another unit", for one timed code. */
export interface WhatIfHint {
  code: string;
  moreMinutes: number;
  message: string;
}

/** Everything the visit screen shows beside the note, recomputed on each keystroke or timer tick. */
export interface LiveResults {
  units: UnitResult;
  whatIf: WhatIfHint[];
  /** Minutes past a code's last unit, which earn nothing. */
  pastLastUnit: { code: string; minutes: number }[];
  findings: Finding[];
  /** The engine's price of the billed lines under the payer's policy; null without a policy. */
  price: PriceResult | null;
}

/** What the payer decides for the live results. */
export interface LiveContext {
  /** The payer's policy version on the date of service (unit method, pricing, coinsurance). */
  policy: ResolvedPolicy;
  /** Local checks, or null when none are available (the server's findings are shown instead). */
  audit: AuditFn | null;
}

/**
 * Computes the live results of a visit locally, with the same engine the server runs on save: units by the
 * payer's method, the what-if for each timed code, the checks, and the price.
 * @param visit - the visit as the draft stands now
 * @param ctx - the payer's policy and the checks
 */
export function computeLiveResults(visit: Visit, ctx: LiveContext): LiveResults {
  const lines: UnitInputLine[] = [];
  for (const s of visit.services) if (s.code !== '') lines.push({ code: s.code, minutes: s.minutes ?? 0 });
  const method = ctx.policy.unitMethod;
  const units = computeUnits(lines, method);
  const w = whatIf(lines, method);
  const hints = w.nextUnit.map((n) => ({
    code: n.code,
    moreMinutes: n.moreMinutes,
    message: `${n.moreMinutes} more minute${n.moreMinutes === 1 ? '' : 's'} of ${n.code} earns another unit.`,
  }));
  let findings: Finding[] = [];
  if (ctx.audit) {
    try {
      findings = ctx.audit(visit);
    } catch {
      // A half-typed visit must never break the screen; the server's checks on save are the record.
      findings = [];
    }
  }
  const billed = units.lines
    .filter((l) => l.units > 0)
    .map((l) => ({ code: l.code, units: l.units, modifiers: modifiersOf(visit, l.code) }));
  let price: PriceResult | null = null;
  try {
    price = priceLines(billed, { date: visit.date, policy: ctx.policy });
  } catch {
    price = null;
  }
  return { units, whatIf: hints, pastLastUnit: w.pastLastUnit, findings, price };
}

function modifiersOf(visit: Visit, code: string): string[] {
  for (const s of visit.services) if (s.code === code && s.modifiers) return s.modifiers;
  return [];
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
