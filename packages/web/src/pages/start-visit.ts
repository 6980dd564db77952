import type { Discipline, NoteType } from '@unitwise/rules';
import { directory, providerOfUser } from '../api/directory.ts';
import { api } from '../api/endpoints.ts';
import { ApiError } from '../api/problem.ts';
import type { User } from '../api/types.ts';
import { navigate } from '../app/router.tsx';
import { localDate } from '../components/names.ts';

/**
 * Creates today's visit for a patient and opens its note. The idempotency key makes a double click harmless.
 * @param user - the signed-in clinician (their provider record bills the visit)
 * @param patientId - the patient
 * @param discipline - PT, OT or SLP
 * @param noteType - daily note by default
 * @param now - the current instant (the date of service is its local day)
 */
export async function startVisit(
  user: User,
  patientId: string,
  discipline: Discipline,
  noteType: NoteType,
  now: Date,
): Promise<void> {
  const date = localDate(now);
  const { providers } = await directory();
  // An owner who is not a clinician documents for the discipline's first provider.
  const provider =
    providerOfUser(providers, user.id) ??
    (user.roles.includes('owner') ? providers.find((p) => p.discipline === discipline) : undefined);
  if (!provider) {
    throw new ApiError({
      title: 'No provider record',
      status: 400,
      detail: 'Your account is not linked to a provider (NPI and credential); ask the clinic owner to link it.',
    });
  }
  const body = { patientId, date, discipline, noteType, providerId: provider.id, services: [] };
  const res = await api.createVisit(body, `start-${user.id}-${patientId}-${discipline}-${noteType}-${date}`);
  navigate(`/visits/${encodeURIComponent(res.body.id)}`);
}
