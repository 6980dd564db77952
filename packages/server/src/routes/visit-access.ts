import { article, type NoteType } from '@unitwise/rules';
import type { Provider } from '@unitwise/store';
import type { Principal } from '../auth/principal.ts';
import type { AppDeps } from '../deps.ts';
import { ApiError } from '../errors/api-error.ts';

/**
 * The provider of a visit, checked: it must exist in the clinic, and a therapist or assistant (not an owner)
 * may document only as themselves ("own patients' clinical work").
 * @param deps - the app's dependencies
 * @param principal - the caller
 * @param providerId - the visit's provider
 * @param path - the field to name when the id is unknown
 * @param known - the provider when the caller read it already (a visit's head)
 */
export async function ownProvider(
  deps: AppDeps,
  principal: Principal,
  providerId: string,
  path = 'providerId',
  known?: Pick<Provider, 'userId' | 'credential'> | null,
): Promise<Pick<Provider, 'userId' | 'credential'>> {
  const provider = known ?? (await deps.store.providers.get(principal.clinicId, providerId));
  if (!provider) throw new ApiError('invalid', 'No provider with this id.', [{ path, message: 'Not found.' }]);
  if (!principal.roles.includes('owner') && provider.userId !== principal.userId) {
    throw new ApiError('forbidden', 'Therapists and assistants document and sign their own visits only.');
  }
  return provider;
}

/**
 * Notes an assistant may not sign: evaluations and re-evaluations are the therapist's (Pub. 100-02 Ch. 15 §220.1.2,
 * §230.1), as are progress reports (§220.3 D: "written by a clinician").
 */
const CLINICIAN_ONLY: ReadonlySet<NoteType> = new Set(['evaluation', 're-evaluation', 'progress-report']);

/**
 * Refuses signing by a user who only holds the assistant role when the note must be the therapist's.
 * @param principal - the caller
 * @param noteType - the visit's note type
 */
export function checkMaySign(principal: Principal, noteType: NoteType): void {
  const clinician = principal.roles.includes('owner') || principal.roles.includes('therapist');
  if (!clinician && CLINICIAN_ONLY.has(noteType)) {
    throw new ApiError(
      'forbidden',
      `An assistant cannot sign ${article(noteType)} ${noteType} note; the therapist signs it.`,
    );
  }
}
