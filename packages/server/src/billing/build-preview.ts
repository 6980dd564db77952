import { type BillingDeps, billingClaims } from './billing-deps.ts';
import { type BuildRequest, pickVisits } from './build-claims.ts';

/** How many visits a build would bill to one payer. */
export interface PayerCount {
  payerId: string;
  payerName: string;
  visits: number;
}

/** What a build with the same request would take, counted before it runs; nothing is written. */
export interface BuildPreview {
  /** Signed visits the request names (in the date range, of the patient, or by id). */
  signed: number;
  /** Of those, visits not yet on a claim, not on hold, with coverage: what the build bills, by payer. */
  toBill: number;
  byPayer: PayerCount[];
  alreadyClaimed: number;
  onHold: number;
  noCoverage: number;
  /** Listed but not signed (only when visits are named by id). */
  notSigned: number;
  /** More visits than one build takes: the rest wait for the next build. */
  truncated: boolean;
}

/**
 * Counts what `buildClinicClaims` would bill for the same request, by payer of the primary coverage on each date.
 * @param deps - the billing dependencies
 * @param clinicId - the clinic
 * @param body - the build request (date range, patient, payer, or visit ids)
 */
export async function previewClinicBuild(
  deps: BillingDeps,
  clinicId: string,
  body: BuildRequest,
): Promise<BuildPreview> {
  const { refs, truncated } = await pickVisits(deps, clinicId, body);
  const claims = billingClaims(deps);
  const ids = refs.map((r) => r.id);
  const [claimed, held] = await Promise.all([claims.claimedVisits(clinicId, ids), claims.standingHolds(clinicId, ids)]);
  const out: BuildPreview = {
    signed: 0,
    toBill: 0,
    byPayer: [],
    alreadyClaimed: 0,
    onHold: 0,
    noCoverage: 0,
    notSigned: 0,
    truncated,
  };
  const byPayer = new Map<string, PayerCount>();
  // A patient's visits on one day share a coverage look-up.
  const coverage = new Map<string, Promise<{ id: string; name: string } | undefined>>();
  for (const v of refs) {
    if (v.status !== 'signed') {
      out.notSigned += 1;
      continue;
    }
    out.signed += 1;
    if (claimed.has(v.id)) {
      out.alreadyClaimed += 1;
      continue;
    }
    if (held.has(v.id)) {
      out.onHold += 1;
      continue;
    }
    const key = `${v.patientId}|${v.date}`;
    if (!coverage.has(key))
      coverage.set(
        key,
        deps.store.coverages
          .primaryOn(clinicId, v.patientId, v.date)
          .then((c) => (c ? { id: c.payer.id, name: c.payer.name } : undefined)),
      );
    const payer = await coverage.get(key);
    if (!payer) {
      out.noCoverage += 1;
      continue;
    }
    if (body.payerId && payer.id !== body.payerId) continue;
    const row = byPayer.get(payer.id) ?? { payerId: payer.id, payerName: payer.name, visits: 0 };
    row.visits += 1;
    byPayer.set(payer.id, row);
    out.toBill += 1;
  }
  out.byPayer = [...byPayer.values()].sort((a, b) => b.visits - a.visits || a.payerName.localeCompare(b.payerName));
  return out;
}
