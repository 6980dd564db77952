import { addendumRefusal, type NoteType, signRefusal } from '@unitwise/rules';
import type { Provider, StoredVisit } from '@unitwise/store';
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
 * Refuses signing by a user who only holds the assistant role when the note must be the therapist's
 * (the rule is the rules package's `signRefusal`, which the web shares).
 * @param principal - the caller
 * @param noteType - the visit's note type
 */
export function checkMaySign(principal: Principal, noteType: NoteType): void {
  const refusal = signRefusal(principal.roles, noteType);
  if (refusal) throw new ApiError('forbidden', refusal);
}

/**
 * Refuses an addendum by anyone but the note's author, a co-signing therapist of its discipline, or the owner
 * (the rules package's `addendumRefusal`, which the web shares to hide the button).
 * @param deps - the app's dependencies
 * @param principal - the caller
 * @param visit - the signed note
 */
export async function checkMayAddend(
  deps: AppDeps,
  principal: Principal,
  visit: Pick<StoredVisit, 'providerId' | 'discipline' | 'signedBy' | 'provider'>,
): Promise<void> {
  if (principal.roles.includes('owner')) return;
  const [author, own] = await Promise.all([
    visit.providerId ? deps.store.providers.get(principal.clinicId, visit.providerId) : undefined,
    deps.store.providers.findByUser(principal.clinicId, principal.userId),
  ]);
  const refusal = addendumRefusal(
    { userId: principal.userId, roles: principal.roles, credential: own?.credential ?? null },
    {
      authorUserId: author?.userId ?? visit.signedBy,
      authorCredential: author?.credential ?? visit.provider.credential,
      discipline: visit.discipline,
    },
  );
  if (refusal) throw new ApiError('forbidden', refusal);
}
