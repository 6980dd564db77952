import { useEffect, useRef } from 'react';
import { api } from '../api/endpoints.ts';
import type { VisitRecord } from '../api/types.ts';
import type { VisitDraft } from './draft.ts';
import { DraftStore } from './draft-store.ts';

/** Deletions waiting for the page to stay closed, by visit id (a remount of the same note cancels its own). */
const pending = new Map<string, ReturnType<typeof setTimeout>>();

/**
 * Whether a note is as "Start note" created it: never saved since, nothing typed, no timer run.
 * @param record - the server copy
 * @param draft - the note as edited on this device
 */
export function isUntouched(record: VisitRecord, draft: VisitDraft): boolean {
  return (
    record.status === 'draft' &&
    (record.version ?? 1) === 1 &&
    record.services.length === 0 &&
    !record.timeIn &&
    !record.timeOut &&
    !record.response &&
    draft.activities.length === 0 &&
    !draft.timeIn &&
    !draft.timeOut &&
    !draft.response.trim() &&
    draft.nonBillableTyped.length === 0 &&
    draft.timer.segments.length === 0
  );
}

/**
 * Deletes the draft a user opened with "Start note" and left without writing anything, so backing out leaves no stray
 * draft in the lists. A reopened note (or React's development remount) cancels the deletion.
 * @param visitId - the visit on screen
 * @param record - its server copy
 * @param draft - its draft
 * @param mayWrite - whether the user writes notes (a biller reading an empty draft leaves it alone)
 */
export function useDiscardUntouched(
  visitId: string,
  record: VisitRecord | undefined,
  draft: VisitDraft | undefined,
  mayWrite: boolean,
): void {
  const latest = useRef<{ record?: VisitRecord; draft?: VisitDraft; mayWrite: boolean }>({ mayWrite });
  latest.current = { ...(record ? { record } : {}), ...(draft ? { draft } : {}), mayWrite };
  useEffect(() => {
    clearTimeout(pending.get(visitId));
    pending.delete(visitId);
    return () => {
      const { record: r, draft: d, mayWrite: w } = latest.current;
      if (!w || !r || !d || r.id !== visitId || !isUntouched(r, d)) return;
      pending.set(
        visitId,
        setTimeout(() => {
          pending.delete(visitId);
          new DraftStore(window.localStorage).clear(visitId);
          // A failure (offline, or another device wrote to it) leaves the draft: it is harmless and can be deleted later.
          api.deleteVisit(visitId).catch(() => undefined);
        }, 250),
      );
    };
  }, [visitId]);
}
