import { type Claim, read837, scrubClaim, write837 } from '@unitwise/edi';
import type { ClaimDetail, ClaimExport, ClaimsRepository, StoredClaim } from '@unitwise/store';
import { ApiError, notFound } from '../errors/api-error.ts';
import { billingProviderOf, loadSettings, partyOf } from '../routes/claims-settings.ts';
import { type AuditSink, type BillingDeps, billingClaims } from './billing-deps.ts';

async function claimOr404(claims: ClaimsRepository, clinicId: string, id: string): Promise<ClaimDetail> {
  const c = await claims.get(clinicId, id);
  if (!c) throw notFound('claim');
  return c;
}

/** The stored 837P file and the claims it holds, in CLM01 order. */
export interface ExportOutcome {
  file: ClaimExport;
  /** The 837P as written and stored. */
  text: string;
  chosen: StoredClaim[];
}

/**
 * Writes ready claims into one 837P (scrubbed again against today's settings, read back and checked), stores it with
 * its control numbers, marks the claims exported and audits each (`claim.export`). Throws ApiError: 404 for a claim id
 * the clinic does not have, 422 when nothing is ready, settings are missing or a claim no longer passes, 409 when a
 * claim changed meanwhile.
 * @param deps - the billing dependencies
 * @param clinicId - the clinic
 * @param userId - who exports
 * @param claimIds - the claims to export; undefined: every ready claim of the clinic
 * @param audit - where the audit events go
 */
export async function exportReadyClaims(
  deps: BillingDeps,
  clinicId: string,
  userId: string,
  claimIds: readonly string[] | undefined,
  audit: AuditSink,
): Promise<ExportOutcome> {
  const claims = billingClaims(deps);
  const chosen: StoredClaim[] = [];
  if (claimIds) {
    for (const id of new Set(claimIds)) chosen.push(await claimOr404(claims, clinicId, id));
    const notReady = chosen.filter((c) => c.status !== 'ready');
    if (notReady.length > 0)
      throw new ApiError(
        'unprocessable',
        'Only ready claims can be exported.',
        notReady.map((c) => ({ path: `claimIds.${c.id}`, message: `The claim is ${c.status}.` })),
      );
  } else {
    let cursor: string | null = null;
    do {
      const page = await claims.list(clinicId, { status: 'ready', limit: 500, cursor });
      chosen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
  }
  // The file lists claims in CLM01 order, whatever order they were picked in.
  chosen.sort((x, y) => (x.claimNumber < y.claimNumber ? -1 : x.claimNumber > y.claimNumber ? 1 : 0));
  if (chosen.length === 0) throw new ApiError('unprocessable', 'No claims are ready to export.');
  const { configured, settings } = await loadSettings(claims, clinicId);
  if (!configured)
    throw new ApiError(
      'unprocessable',
      'Fill in Billing settings (billing provider, submitter and receiver) before exporting claims.',
    );
  const billing = billingProviderOf(settings);
  // Scrubbed again against today's settings: a settings change since the build must not slip through.
  const failing = chosen.flatMap((c) =>
    scrubClaim(c.claim as Claim, billing).errors.map((e) => ({ path: c.id, message: `${e.where}: ${e.message}` })),
  );
  if (failing.length > 0) throw new ApiError('unprocessable', 'Some claims no longer pass the scrubber.', failing);
  const control = await claims.reserveControlNumber(clinicId);
  const createdAt = deps.clock().toISOString();
  const text = write837(
    {
      submitter: partyOf(settings.submitter),
      receiver: partyOf(settings.receiver),
      billingProvider: billing,
      envelope: { interchangeControl: control, groupControl: control, createdAt, usage: settings.usage },
      claims: chosen.map((c) => c.claim as Claim),
    },
    { lineBreaks: true },
  );
  // The file is read back and checked (envelopes, counts, CLM02 = ΣSV102) before it is kept.
  const check = read837(text);
  if (check.errors.length > 0)
    throw new ApiError(
      'unprocessable',
      'The written 837P fails its structural checks.',
      check.errors.map((e) => ({ path: e.where, message: e.message })),
    );
  const chargeCents = chosen.reduce((t, c) => t + c.chargeCents, 0);
  const fileName = `837P-${String(control).padStart(9, '0')}.txt`;
  // The export and its entries are one transaction: no file is kept without them (issue 18).
  const r = await deps.store.transaction(async (tx) => {
    const made = await billingClaims(deps, tx).createExport(clinicId, {
      interchangeControl: control,
      groupControl: control,
      fileName,
      text,
      claimIds: chosen.map((c) => c.id),
      chargeCents,
      createdBy: userId,
    });
    if (!made.ok) return made;
    for (const c of chosen)
      await audit(
        {
          action: 'claim.export',
          entity: 'claim',
          entityId: c.id,
          patientId: c.patientId,
          detail: { exportId: made.value.id },
        },
        tx,
      );
    return made;
  });
  if (!r.ok) throw new ApiError('conflict', 'A claim changed while the file was written; export again.');
  return { file: r.value, text, chosen };
}
