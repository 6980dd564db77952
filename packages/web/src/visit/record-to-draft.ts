import type { Credential, Discipline } from '@unitwise/rules';
import type { SegmentInput, SegmentRecord, VisitRecord } from '../api/types.ts';
import { type ActivityDraft, draftToVisit, type GoalStatus, TIMER_PAUSE_NOTE, type VisitDraft } from './draft.ts';
import {
  activityMillis,
  lastRunStart,
  nonBillableMillis,
  running,
  type TimerSegment,
  type TimerState,
  toMinutes,
} from './timer-machine.ts';

/** Goal status as the server keeps it (`measure` and `note` optional); absent when the note records none. */
type ServerGoalStatus = Record<string, { status: GoalStatus['status']; measure?: string; note?: string }>;

/**
 * The draft's goal status from the server's: `measure` defaults to empty; other fields (a `note` written through
 * the API) are kept so that saving from this device does not drop them.
 * @param goalStatus - goal status per goal id, as the server returned it
 */
function goalStatusFromRecord(goalStatus: ServerGoalStatus | undefined): Record<string, GoalStatus> {
  const out: Record<string, GoalStatus> = {};
  for (const [goalId, s] of Object.entries(goalStatus ?? {})) out[goalId] = { ...s, measure: s.measure ?? '' };
  return out;
}

/**
 * Builds the editable draft from the server's copy of a visit. Timer segments come back as the timer state with
 * their kinds (treatment toward its activity, pauses as non-billable time), and a running one with its start, so
 * the minutes a timer produced stay explained; minutes that differ from the segments were typed after the timer.
 * @param v - the visit as stored
 * @param fallbackCredential - the credential to use when the record has none (or one for the record's discipline)
 */
export function recordToDraft(
  v: VisitRecord & { goalStatus?: ServerGoalStatus },
  fallbackCredential: Credential | ((discipline: Discipline) => Credential),
): VisitDraft {
  const services = v.services.map((s, i) => ({ s, id: `a${i + 1}` }));
  const ids = services.map((x) => x.id);
  const segments = (v.segments ?? []).map((seg) => fromSegment(seg, ids));
  // The running segment goes last, where the timer looks for it: the server orders by start, and a device whose
  // clock is behind another's can start a run "before" runs already saved.
  const timer: TimerState = {
    segments: [...segments.filter((g) => g.end !== undefined), ...segments.filter((g) => g.end === undefined)],
  };
  // Closed runs only: a running timer's minutes are its own until it stops, never a hand correction.
  const closed = activityMillis({ segments: timer.segments.filter((g) => g.end !== undefined) }, 0);
  const open = running(timer);
  const activities: ActivityDraft[] = services.map(({ s, id }) => {
    const fromTimer = toMinutes(closed.get(id) ?? 0);
    const typed = open?.activityId !== id && (s.minutes ?? 0) !== fromTimer;
    return {
      id,
      code: s.code,
      description: s.description ?? '',
      // Older notes hold assistance inside the description, which shows as it was written.
      assistance: s.assistance ?? '',
      goalIds: s.goalIds ?? [],
      deliveredBy: (s.assistantMinutes ?? 0) > 0 ? 'assistant' : 'therapist',
      // Stamped at the last run: the correction stands until the timer runs this activity again.
      ...(typed ? { minutesTyped: s.minutes ?? 0, minutesTypedAt: lastRunStart(timer, id) ?? 0 } : {}),
      modifiers: s.modifiers ?? [],
      ...(s.groupSize !== undefined ? { groupSize: s.groupSize } : {}),
    };
  });
  const timerKinds = nonBillableMillis(timer, 0);
  return {
    visitId: v.id,
    patientId: v.patientId,
    date: v.date,
    discipline: v.discipline,
    noteType: v.noteType ?? 'daily',
    credential:
      v.provider?.credential ??
      (typeof fallbackCredential === 'function' ? fallbackCredential(v.discipline) : fallbackCredential),
    ...(v.providerId ? { providerId: v.providerId } : {}),
    timeIn: v.timeIn ?? '',
    timeOut: v.timeOut ?? '',
    response: v.response ?? '',
    activities,
    timer,
    // Pause minutes are rebuilt from the segments; an entry whose segments are missing stays, so a save never drops it.
    nonBillableTyped: (v.nonBillable ?? []).filter((n) => n.note !== TIMER_PAUSE_NOTE || !timerKinds.has(n.kind)),
    goalStatus: goalStatusFromRecord(v.goalStatus),
    updatedAt: 0,
  };
}

function fromSegment(seg: SegmentRecord, activityIds: readonly string[]): TimerSegment {
  const start = Date.parse(seg.startedAt);
  const out: TimerSegment = seg.endedAt ? { start, end: Date.parse(seg.endedAt) } : { start };
  if (seg.kind && seg.kind !== 'treatment') out.nonBillable = seg.kind;
  else if (seg.serviceOrdinal !== undefined && seg.serviceOrdinal !== null) {
    out.activityId = activityIds[seg.serviceOrdinal] ?? `a${seg.serviceOrdinal + 1}`;
  } else if (seg.activityKey) out.activityId = seg.activityKey;
  return out;
}

/**
 * The body of a visit save (`PUT /visits/{id}`): the interchange visit plus the timer segments.
 * @param draft - the note
 * @param now - epoch ms; a running timer is saved up to now
 */
export function draftToBody(draft: VisitDraft, now: number): Record<string, unknown> {
  const v = draftToVisit(draft, now);
  const index = new Map(draft.activities.map((a, i) => [a.id, i]));
  const segments = draft.timer.segments.map((s) => {
    // A running timer goes with its start and no end, so any device that opens the note sees it still running.
    const out: SegmentInput = {
      kind: s.nonBillable ?? 'treatment',
      startedAt: new Date(s.start).toISOString(),
      endedAt: s.end === undefined ? null : new Date(s.end).toISOString(),
    };
    if (s.activityId !== undefined && s.nonBillable === undefined) {
      const i = index.get(s.activityId);
      if (i !== undefined) out.serviceOrdinal = i;
      else out.activityKey = s.activityId;
    }
    return out;
  });
  const { id: _id, provider, ...rest } = v;
  return {
    ...rest,
    providerId: draft.providerId,
    credential: provider.credential,
    segments,
    // Kept with the note by the server (GET /visits/{id} returns it), so other devices see it.
    goalStatus: draft.goalStatus,
  };
}
