import type { VisitClaimRef, VisitHold } from '@unitwise/store';
import { summarizeVisits, type VisitSummary } from '../engine/visit-summary.ts';
import { type BillingDeps, billingClaims } from './billing-deps.ts';

/** Which signed visits charge review shows. */
export interface ChargeQuery {
  from?: string;
  to?: string;
  patientId?: string;
  providerId?: string;
  /** A store payer id: the payer of the primary coverage on the visit's date. */
  payerId?: string;
  /** Only visits with a stored finding of this rule. */
  rule?: string;
  /** open: not on a claim and not held; held: on hold; claimed: on a live claim. */
  state?: 'open' | 'held' | 'claimed';
  limit: number;
  cursor?: string;
}

/** One signed visit as charge review shows it. */
export interface ChargeRow extends VisitSummary {
  id: string;
  date: string;
  discipline: string;
  noteType: string;
  patientId: string;
  patientName: string;
  providerId: string | null;
  payer: { id: string; name: string } | null;
  claim: VisitClaimRef | null;
  /** The standing hold, with who placed it by name. */
  hold: (VisitHold & { heldByName: string | null }) | null;
}

// Store pages one request reads at most while filling a filtered page (the cursor then goes on from there).
const MAX_SCANS = 5;

/**
 * A page of signed visits, newest first, each with its lines, estimate and findings, the payer it bills (by name),
 * the live claim it is on and its standing hold. Filters that the store cannot apply (payer, rule, state) are applied
 * per store page, reading up to MAX_SCANS pages to fill one; `next` continues after the last page read.
 * @param deps - the billing dependencies
 * @param clinicId - the clinic
 * @param q - filters and paging
 */
export async function chargePage(
  deps: BillingDeps,
  clinicId: string,
  q: ChargeQuery,
): Promise<{ items: ChargeRow[]; next: string | null }> {
  const claims = billingClaims(deps);
  const policies = await deps.policies.get(deps.store, clinicId);
  const patients = new Map<string, string>();
  const users = new Map<string, string | null>();
  const coverage = new Map<string, { id: string; name: string } | null>();
  const items: ChargeRow[] = [];
  let cursor: string | null = q.cursor ?? null;
  for (let scan = 0; scan < MAX_SCANS; scan++) {
    const page = await deps.store.visits.list(clinicId, {
      status: 'signed',
      ...(q.from ? { from: q.from } : {}),
      ...(q.to ? { to: q.to } : {}),
      ...(q.patientId ? { patientId: q.patientId } : {}),
      ...(q.providerId ? { providerId: q.providerId } : {}),
      limit: q.limit,
      cursor,
    });
    const ids = page.items.map((v) => v.id);
    const [extras, onClaims, holds] = await Promise.all([
      deps.store.visits.listExtras(clinicId, ids),
      claims.claimsOfVisits(clinicId, ids),
      claims.standingHolds(clinicId, ids),
    ]);
    const summaries = summarizeVisits(page.items, extras, policies);
    for (const v of page.items) {
      const s = summaries.get(v.id);
      if (!s) continue;
      const claim = onClaims.get(v.id) ?? null;
      const standing = holds.get(v.id);
      const state = claim ? 'claimed' : standing ? 'held' : 'open';
      if (q.state && q.state !== state) continue;
      if (q.rule && !s.findings.some((f) => f.rule === q.rule)) continue;
      const key = `${v.patientId}|${v.date}`;
      if (!coverage.has(key)) {
        const c = await deps.store.coverages.primaryOn(clinicId, v.patientId, v.date);
        coverage.set(key, c ? { id: c.payer.id, name: c.payer.name } : null);
      }
      const payer = coverage.get(key) ?? null;
      if (q.payerId && payer?.id !== q.payerId) continue;
      if (!patients.has(v.patientId)) {
        const p = await deps.store.patients.get(clinicId, v.patientId);
        patients.set(v.patientId, p ? `${p.lastName}, ${p.firstName}` : 'Unknown patient');
      }
      let hold: ChargeRow['hold'] = null;
      if (standing) {
        const by = standing.heldBy;
        if (by && !users.has(by)) users.set(by, (await deps.store.users.get(clinicId, by))?.name ?? null);
        hold = { ...standing, heldByName: by ? (users.get(by) ?? null) : null };
      }
      items.push({
        ...s,
        id: v.id,
        date: v.date,
        discipline: v.discipline,
        noteType: v.noteType,
        patientId: v.patientId,
        patientName: patients.get(v.patientId) ?? '',
        providerId: v.providerId,
        payer,
        claim,
        hold,
      });
    }
    cursor = page.nextCursor;
    if (!cursor || items.length >= q.limit) break;
  }
  return { items, next: cursor };
}
