import { attestationStatement, type Finding, missingForSigning, type Visit } from '@unitwise/rules';
import type { ConfirmedWarning, SignatureAttestation } from '@unitwise/store';
import type { Principal } from '../auth/principal.ts';
import type { AppDeps } from '../deps.ts';
import { ApiError } from '../errors/api-error.ts';

/** A finding as a sign request names it. */
interface FindingRef {
  rule: string;
  service?: number | null | undefined;
}

/** Whether a reference names a finding (no service: every finding of the rule). */
const names = (r: FindingRef, f: Finding): boolean =>
  r.rule === f.rule && (r.service === undefined || r.service === null || r.service === f.service);

/**
 * Refuses a note that lacks what every signed note must hold (times, a service with minutes or an untimed code, a
 * description per timed service, known codes), naming each missing field.
 * @param visit - the stored draft
 */
export function refuseIncomplete(visit: Visit): void {
  const gaps = missingForSigning(visit);
  if (gaps.length === 0) return;
  throw new ApiError(
    'unprocessable',
    `The note is not complete enough to sign: ${gaps.length} thing${gaps.length === 1 ? '' : 's'} to add or correct.`,
    gaps,
    { missing: gaps },
  );
}

/**
 * The standing warnings (not overridden), each of which the signer must have confirmed having seen; refused with the
 * ones not confirmed, or when the attestation was not confirmed.
 * @param findings - the findings as of signing
 * @param overrides - stored and new overrides
 * @param body - the warnings the signer confirmed and whether they attested
 * @returns the confirmed warnings, to keep with the signature
 */
export function confirmedWarnings(
  findings: readonly Finding[],
  overrides: readonly FindingRef[],
  body: { warnings: readonly FindingRef[]; attest: boolean },
): ConfirmedWarning[] {
  const standing = findings.filter((f) => f.severity === 'warning' && !overrides.some((o) => names(o, f)));
  const unseen = standing.filter((f) => !body.warnings.some((w) => names(w, f)));
  const errors = unseen.map((f) => ({
    path: 'warnings',
    message: f.service === undefined ? f.message : `Activity ${f.service + 1}: ${f.message}`,
  }));
  if (!body.attest)
    errors.push({ path: 'attest', message: 'Confirm that the note reflects the care you furnished or supervised.' });
  if (errors.length > 0) {
    const detail =
      unseen.length > 0
        ? `${unseen.length} warning${unseen.length === 1 ? '' : 's'} must be read and confirmed before signing.`
        : 'Confirm the attestation to sign.';
    throw new ApiError('unprocessable', detail, errors, { warnings: unseen });
  }
  return standing.map((f) => ({ rule: f.rule, service: f.service ?? null, message: f.message }));
}

/**
 * The attestation kept with the signature: the signer's name and credential (their provider record's) and the words
 * they confirmed.
 * @param deps - the app's dependencies
 * @param principal - the signer
 * @param visit - the note (its date goes in the statement)
 * @param warnings - the warnings confirmed
 */
export async function attestationOf(
  deps: AppDeps,
  principal: Principal,
  visit: Pick<Visit, 'date'>,
  warnings: ConfirmedWarning[],
): Promise<SignatureAttestation> {
  const provider = await deps.store.providers.findByUser(principal.clinicId, principal.userId);
  const credential = provider?.credential ?? null;
  return {
    signerName: principal.name,
    credential,
    statement: attestationStatement({ name: principal.name, credential, date: visit.date }),
    warningsConfirmed: warnings,
  };
}
