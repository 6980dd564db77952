import { DISCIPLINES, type Discipline, type NoteType } from '@unitwise/rules';
import { directory, providerOfUser } from '../api/directory.ts';
import { api } from '../api/endpoints.ts';
import { ApiError } from '../api/problem.ts';
import type { Patient, PlanOfCareRecord, User, VisitRecord } from '../api/types.ts';
import { navigate } from '../app/router.tsx';
import { localDate } from '../components/names.ts';

/** Visit creations on their way, by what they create. */
const starting = new Map<string, ReturnType<typeof api.createVisit>>();

/**
 * The disciplines of a patient's plans of care in force on a date, in PT, OT, SLP order: the note's discipline comes
 * from them (one plan: that one; several: the user is asked).
 * @param plans - the patient's plans of care
 * @param date - the date of service
 */
export function planDisciplines(plans: readonly PlanOfCareRecord[], date: string): Discipline[] {
  return DISCIPLINES.filter((d) => plans.some((p) => p.discipline === d && p.startDate <= date && date <= p.endDate));
}

/**
 * The note type a new visit starts as: an evaluation when the patient has no visit of the discipline yet (therapy
 * starts with one, Pub. 100-02 Ch. 15 §220.1) and did not arrive mid-episode (history before these records), a daily
 * note otherwise; the same test as the evaluation-missing rule.
 * @param visits - the patient's visits
 * @param discipline - the new visit's discipline
 * @param history - the patient's history before these records
 */
export function defaultNoteType(
  visits: readonly Pick<VisitRecord, 'discipline'>[],
  discipline: Discipline,
  history?: Patient['history'],
): NoteType {
  if (history?.treatmentDaysSinceProgressReport !== undefined) return 'daily';
  return visits.some((v) => v.discipline === discipline) ? 'daily' : 'evaluation';
}

/**
 * Creates today's visit for a patient and opens its note. The idempotency key makes a double click harmless; a note
 * left without anything written is deleted again when the user backs out (see visit/discard-untouched.ts).
 * @param user - the signed-in clinician (their provider record bills the visit)
 * @param patientId - the patient
 * @param discipline - PT, OT or SLP
 * @param noteType - the note type, or 'auto': an evaluation for the patient's first visit in the discipline
 * @param now - the current instant (the date of service is its local day)
 */
export async function startVisit(
  user: User,
  patientId: string,
  discipline: Discipline,
  noteType: NoteType | 'auto',
  now: Date,
): Promise<void> {
  const date = localDate(now);
  const [{ providers }, type] = await Promise.all([
    directory(),
    noteType === 'auto'
      ? Promise.all([api.visits({ patientId, limit: 100 }), api.patient(patientId)]).then(([p, patient]) =>
          defaultNoteType(p.items, discipline, patient.history),
        )
      : Promise.resolve(noteType),
  ]);
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
  const body = { patientId, date, discipline, noteType: type, providerId: provider.id, services: [] };
  const key = `start-${user.id}-${patientId}-${discipline}-${type}-${date}`;
  // A second click while the first is on its way joins it; a later start (after backing out, which deleted the empty
  // draft) gets a fresh idempotency key, or the server would answer with the deleted visit.
  let pending = starting.get(key);
  if (!pending) {
    pending = api.createVisit(body, `${key}-${crypto.randomUUID()}`).finally(() => starting.delete(key));
    starting.set(key, pending);
  }
  const res = await pending;
  navigate(`/visits/${encodeURIComponent(res.body.id)}`);
}
