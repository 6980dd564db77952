import { createPolicyRegistry, type Finding, type PayerPolicyInput, unitsAndPrice } from '@unitwise/rules';
import type { StoredVisit, VisitListExtras } from '@unitwise/store';

/** Payer used when a visit has no coverage in force: the same fallback as assess-visit.ts. */
const NO_COVERAGE_POLICY = 'commercial';

/** Lists show figures, not the sentences explaining them. */
const NO_EXPLANATION = { explain: false } as const;

/** What the visit list says about each visit: enough for charge review and the dashboard without a GET per visit. */
export interface VisitSummary {
  lines: { code: string; minutes: number; units: number; claimedUnits: number | null; modifiers: string[] }[];
  totalUnits: number;
  estimate: { payer: string; totalCents: number; payerCents: number; patientCents: number };
  findings: Pick<Finding, 'rule' | 'severity' | 'service' | 'message'>[];
}

/**
 * Summarises a page of visits: lines, units and estimate from the stored services priced under the payer of the
 * visit's primary coverage (as GET /visits/{id} does; these never depend on the patient's history), and the stored
 * findings. Units and price only: the checks and the reading of descriptions are for saves, not lists.
 * @param visits - the page's visits
 * @param extras - their stored findings and payer policies (visits.listExtras)
 * @param policies - the clinic's payer policies (from the policy cache)
 * @param locality - the clinic's PFS payment locality (from the pricing cache); absent: national GPCIs
 */
export function summarizeVisits(
  visits: readonly StoredVisit[],
  extras: VisitListExtras,
  policies: PayerPolicyInput[],
  locality?: string,
): Map<string, VisitSummary> {
  const registry = createPolicyRegistry(policies);
  // One options object for the page: unitsAndPrice is the hot path.
  const options = locality ? { explain: false, locality } : NO_EXPLANATION;
  const out = new Map<string, VisitSummary>();
  for (const v of visits) {
    const payer = extras.payerPolicy.get(v.id) ?? NO_COVERAGE_POLICY;
    const a = unitsAndPrice(v, registry.has(payer) ? payer : NO_COVERAGE_POLICY, registry, options);
    out.set(v.id, {
      lines: a.lines.map((l) => ({
        code: l.code,
        minutes: l.minutes,
        units: l.units,
        claimedUnits: l.claimedUnits,
        modifiers: l.modifiers,
      })),
      totalUnits: a.units.totalUnits,
      estimate: a.estimate,
      findings: extras.findings.get(v.id) ?? [],
    });
  }
  return out;
}
