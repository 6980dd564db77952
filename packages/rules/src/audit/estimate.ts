import { yearOf } from '../checks/dates.ts';
import { distributeUnits } from '../checks/service-units.ts';
import type { PolicyRegistry, ResolvedPolicy } from '../policies/registry.ts';
import { priceLines } from '../pricing/price.ts';
import type { PriceInputLine, UnpricedLine } from '../pricing/types.ts';
import { gpciLocality } from '../reference/gpci.ts';
import type { Service, UnitResult, Visit } from '../types.ts';
import { computeUnits } from '../units/compute.ts';
import type { VisitAuditLine, VisitEstimate } from './types.ts';

/** A visit's units and price: what the audit computes before its checks, and all a list of visits shows. */
export interface VisitUnitsAndPrice {
  /** The payer's policy in force on the date; undefined for an unknown payer. */
  policy: ResolvedPolicy | undefined;
  /** One line per service: code, minutes, the engine's units, the claimed units, modifiers. */
  lines: VisitAuditLine[];
  units: UnitResult;
  /** The engine's units per service index. */
  serviceUnits: number[];
  estimate: VisitEstimate;
}

function unpricedSentence(lines: readonly UnpricedLine[]): string {
  return `Not priced: ${lines.map((l) => `${l.code} (${l.reason})`).join('; ')}.`;
}

/**
 * Units by the payer's method and the price under its schedule, without the checks or reading descriptions (a page
 * of visits is summarised with this alone).
 * @param visit - the visit
 * @param payer - the patient's payer policy id; undefined: unknown payer (CMS units, no price)
 * @param registry - the payer policies
 * @param options - whether to build explanation sentences, and the clinic's PFS locality (data/gpci.json; national
 *   when absent); one object for every call: this is the audit's hot path
 */
export function unitsAndPrice(
  visit: Visit,
  payer: string | undefined,
  registry: PolicyRegistry,
  options: { readonly explain: boolean; readonly locality?: string },
): VisitUnitsAndPrice {
  const policy = payer === undefined ? undefined : registry.resolve(payer, visit.date);
  const services = visit.services;
  const n = services.length;
  // The lines double as the unit engine's input (code and minutes); units are filled in after.
  const lines: VisitAuditLine[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const s = services[i] as Service;
    lines[i] = {
      code: s.code,
      minutes: s.minutes ?? 0,
      units: 0,
      claimedUnits: s.units ?? null,
      modifiers: s.modifiers ?? [],
    };
  }
  const units = computeUnits(lines, policy?.unitMethod ?? 'cms', options);
  const serviceUnits = distributeUnits(services, units);
  const priceInput: PriceInputLine[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const line = lines[i] as VisitAuditLine;
    line.units = serviceUnits[i] ?? 0;
    priceInput[i] = { code: line.code, units: line.claimedUnits ?? line.units, modifiers: line.modifiers };
  }
  const estimate: VisitEstimate = { payer: 'unknown', totalCents: 0, payerCents: 0, patientCents: 0 };
  if (policy && payer !== undefined) {
    const local = options.locality === undefined ? undefined : gpciLocality(options.locality, yearOf(visit.date));
    const ctx = local === undefined ? { date: visit.date, policy } : { date: visit.date, policy, gpci: local.gpci };
    const price = priceLines(priceInput, ctx, options);
    estimate.payer = payer;
    estimate.totalCents = price.allowedCents;
    estimate.payerCents = price.payerCents;
    estimate.patientCents = price.patientCents;
    if (price.unpriced !== undefined) {
      estimate.unpriced = unpricedSentence(price.unpriced);
      estimate.unpricedLines = price.unpriced;
    }
  }
  return { policy, lines, units, serviceUnits, estimate };
}
