import type { Credential } from '@unitwise/rules';
import type { SegmentInput, SegmentRecord, VisitRecord } from '../api/types.ts';
import { type ActivityDraft, draftToVisit, type GoalStatus, type VisitDraft } from './draft.ts';
import type { TimerSegment, TimerState } from './timer-machine.ts';

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
 * Builds the editable draft from the server's copy of a visit. Timer segments come back as the timer state so
 * the minutes a timer produced stay explained; minutes that differ from the segments are kept as typed.
 * @param v - the visit as stored
 * @param fallbackCredential - the credential to use when the record has none
 */
export function recordToDraft(
  v: VisitRecord & { goalStatus?: ServerGoalStatus },
  fallbackCredential: Credential,
): VisitDraft {
  const activities: ActivityDraft[] = v.services.map((s, i) => ({
    id: `a${i + 1}`,
    code: s.code,
    description: s.description ?? '',
    assistance: '',
    goalIds: s.goalIds ?? [],
    deliveredBy: (s.assistantMinutes ?? 0) > 0 ? 'assistant' : 'therapist',
    minutesTyped: s.minutes,
    modifiers: s.modifiers ?? [],
    ...(s.groupSize !== undefined ? { groupSize: s.groupSize } : {}),
  }));
  const timer: TimerState = { segments: (v.segments ?? []).map((seg) => fromSegment(seg, activities)) };
  const draft: VisitDraft = {
    visitId: v.id,
    patientId: v.patientId,
    date: v.date,
    discipline: v.discipline,
    noteType: v.noteType ?? 'daily',
    credential: v.provider?.credential ?? fallbackCredential,
    ...(v.providerId ? { providerId: v.providerId } : {}),
    timeIn: v.timeIn ?? '',
    timeOut: v.timeOut ?? '',
    response: v.response ?? '',
    activities,
    timer,
    nonBillableTyped: (v.nonBillable ?? []).filter((n) => n.note !== 'timer pause'),
    goalStatus: goalStatusFromRecord(v.goalStatus),
    updatedAt: 0,
  };
  // Minutes equal to what the segments give are the timer's own, not a correction: drop the typed copy.
  const fromTimer = draftToVisit(
    { ...draft, activities: activities.map((a) => ({ ...a, minutesTyped: undefined })) },
    0,
  );
  draft.activities = activities.map((a, i) =>
    a.minutesTyped === fromTimer.services[i]?.minutes && (fromTimer.services[i]?.minutes ?? 0) > 0
      ? { ...a, minutesTyped: undefined }
      : a,
  );
  return draft;
}

function fromSegment(seg: SegmentRecord, activities: readonly ActivityDraft[]): TimerSegment {
  const start = Date.parse(seg.startedAt);
  const out: TimerSegment = seg.endedAt ? { start, end: Date.parse(seg.endedAt) } : { start };
  if (seg.kind && seg.kind !== 'treatment') out.nonBillable = seg.kind;
  else if (seg.serviceOrdinal !== undefined && seg.serviceOrdinal !== null) {
    out.activityId = activities[seg.serviceOrdinal]?.id ?? `a${seg.serviceOrdinal + 1}`;
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
    const out: SegmentInput = {
      startedAt: new Date(s.start).toISOString(),
      endedAt: new Date(s.end ?? Math.max(now, s.start)).toISOString(),
    };
    if (s.nonBillable) out.nonBillableKind = s.nonBillable;
    if (s.activityId !== undefined) {
      const i = index.get(s.activityId);
      if (i !== undefined) out.service = i;
      else out.activity = s.activityId;
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
