import type { Credential, Discipline, NonBillable, NoteType, Service, Visit } from '@unitwise/rules';
import { isTimedCode } from '@unitwise/rules';
import { activityMillis, lastRunStart, nonBillableMillis, type TimerState, toMinutes } from './timer-machine.ts';

/** The note on non-billable time that comes from the timer's pauses (rebuilt from the segments on load). */
export const TIMER_PAUSE_NOTE = 'timer pause';

/** Who furnished an activity: the therapist, or an assistant (PTA/OTA/SLPA), whose minutes drive CQ/CO. */
export type DeliveredBy = 'therapist' | 'assistant';

/** One activity of the note as the therapist edits it. */
export interface ActivityDraft {
  id: string;
  code: string;
  description: string;
  /** Assistance and cueing, e.g. "min assist, verbal cues for sequencing". */
  assistance: string;
  goalIds: string[];
  deliveredBy: DeliveredBy;
  /** Minutes typed or corrected by hand; they win over the timer only when typed after its last run. */
  minutesTyped?: number;
  /**
   * Epoch ms the minutes were typed. Absent on drafts kept before it existed: those typed minutes stand, as then.
   */
  minutesTypedAt?: number;
  modifiers: string[];
  groupSize?: number;
}

/** Goal status recorded on evaluation, progress report, re-evaluation and discharge notes. */
export interface GoalStatus {
  status: 'not-started' | 'progressing' | 'met' | 'not-met' | 'discontinued';
  measure: string;
}

/** The whole note being written: what the browser keeps in its draft store. */
export interface VisitDraft {
  visitId: string;
  patientId: string;
  date: string;
  discipline: Discipline;
  noteType: NoteType;
  credential: Credential;
  providerId?: string;
  timeIn: string;
  timeOut: string;
  response: string;
  activities: ActivityDraft[];
  timer: TimerState;
  /** Non-billable minutes typed by hand, besides the timer's pauses. */
  nonBillableTyped: NonBillable[];
  goalStatus: Record<string, GoalStatus>;
  /** Epoch ms of the last local change, to order drafts against the server copy. */
  updatedAt: number;
  /** The server ETag this draft was edited from: a restored draft saves with it, so a newer server copy wins. */
  baseEtag?: string;
}

/**
 * Whether the minutes typed for an activity stand over its timer: they do when typed after the timer last started
 * it (a correction), and give way when the timer runs again afterwards.
 * @param activity - the activity
 * @param timer - the note's timer
 */
export function typedMinutesApply(activity: ActivityDraft, timer: TimerState): boolean {
  if (activity.minutesTyped === undefined) return false;
  const run = lastRunStart(timer, activity.id);
  if (run === undefined || activity.minutesTypedAt === undefined) return true;
  return activity.minutesTypedAt >= run;
}

/**
 * Minutes of one activity: typed minutes when they stand (see `typedMinutesApply`), otherwise the timer's.
 * @param activity - the activity
 * @param timed - timer milliseconds per activity id
 * @param timer - the note's timer
 */
export function activityMinutes(
  activity: ActivityDraft,
  timed: ReadonlyMap<string, number>,
  timer: TimerState,
): number {
  const typed = activity.minutesTyped;
  return typed !== undefined && typedMinutesApply(activity, timer) ? typed : toMinutes(timed.get(activity.id) ?? 0);
}

/**
 * Applies a change to one activity; typed minutes are stamped with the instant they were typed.
 * @param draft - the note
 * @param id - the activity
 * @param change - the fields changed
 * @param at - epoch ms of the change
 */
export function changeActivity(draft: VisitDraft, id: string, change: Partial<ActivityDraft>, at: number): VisitDraft {
  const stamped = 'minutesTyped' in change ? { ...change, minutesTypedAt: at } : change;
  return { ...draft, activities: draft.activities.map((a) => (a.id === id ? { ...a, ...stamped } : a)) };
}

/**
 * Converts the draft into the interchange `Visit` the rules engine and the API speak.
 * Timer pauses become non-billable time, never service minutes.
 * @param draft - the note being edited
 * @param now - epoch ms, for timers still running
 */
export function draftToVisit(draft: VisitDraft, now: number): Visit {
  const timed = activityMillis(draft.timer, now);
  const services: Service[] = draft.activities.map((a) => {
    const minutes = activityMinutes(a, timed, draft.timer);
    // Kept apart (the engine reads both together): the note shows them as the therapist wrote them.
    const service: Service = { code: a.code.trim(), minutes, description: a.description.trim(), goalIds: a.goalIds };
    if (a.assistance.trim()) service.assistance = a.assistance.trim();
    if (a.deliveredBy === 'assistant') service.assistantMinutes = minutes;
    if (a.modifiers.length > 0) service.modifiers = a.modifiers;
    if (a.groupSize !== undefined && a.groupSize > 1) service.groupSize = a.groupSize;
    return service;
  });
  const nonBillable: NonBillable[] = [];
  for (const [kind, ms] of nonBillableMillis(draft.timer, now)) {
    const minutes = toMinutes(ms);
    if (minutes > 0) nonBillable.push({ kind, minutes, note: TIMER_PAUSE_NOTE });
  }
  for (const nb of draft.nonBillableTyped) if (nb.minutes > 0) nonBillable.push(nb);
  // Untimed codes (97150, evaluations) count in total treatment time only (Pub. 100-02 Ch. 15 §220.3 E).
  const totalTreatmentMinutes = services.reduce((s, x) => s + (x.minutes ?? 0), 0);
  const totalTimedMinutes = services.reduce((s, x) => s + (isTimedCode(x.code) ? (x.minutes ?? 0) : 0), 0);
  const visit: Visit = {
    id: draft.visitId,
    patientId: draft.patientId,
    date: draft.date,
    discipline: draft.discipline,
    noteType: draft.noteType,
    provider: draft.providerId
      ? { id: draft.providerId, credential: draft.credential }
      : { credential: draft.credential },
    services,
    nonBillable,
    totalTimedMinutes,
    totalTreatmentMinutes,
  };
  if (draft.timeIn) visit.timeIn = draft.timeIn;
  if (draft.timeOut) visit.timeOut = draft.timeOut;
  if (draft.response.trim()) visit.response = draft.response.trim();
  return visit;
}

/** The therapy modifier of each discipline (Pub. 100-04 Ch. 5 §20.1): GP, GO, GN. */
export const DISCIPLINE_MODIFIER: Readonly<Record<Discipline, string>> = { PT: 'GP', OT: 'GO', SLP: 'GN' };

/**
 * A new, empty activity, with the discipline's therapy modifier already on it.
 * @param id - a unique id within the draft
 * @param code - the starting code
 * @param discipline - the visit's discipline
 */
export function newActivity(id: string, code: string, discipline: Discipline): ActivityDraft {
  return {
    id,
    code,
    description: '',
    assistance: '',
    goalIds: [],
    deliveredBy: 'therapist',
    modifiers: [DISCIPLINE_MODIFIER[discipline]],
  };
}
