import type { Discipline, NoteType } from '@unitwise/rules';
import { api } from '../api/endpoints.ts';
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
  const body = { patientId, date, discipline, noteType, providerId: user.providerId ?? undefined, services: [] };
  const res = await api.createVisit(body, `start-${user.id}-${patientId}-${discipline}-${noteType}-${date}`);
  navigate(`/visits/${encodeURIComponent(res.body.id)}`);
}
