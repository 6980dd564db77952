import type { QueueStorage } from '../api/retry-queue.ts';
import type { VisitDraft } from './draft.ts';

const PREFIX = 'unitwise.draft.';
const SEEN = 'unitwise.seen.';

/**
 * Local drafts of visit notes, so that a reload or a lost network never loses typed work.
 * The server copy is the record; a draft newer than it is offered back when the visit is opened.
 */
export class DraftStore {
  private readonly storage: QueueStorage & { removeItem(key: string): void };

  /**
   * @param storage - localStorage in the app
   */
  constructor(storage: QueueStorage & { removeItem(key: string): void }) {
    this.storage = storage;
  }

  /**
   * The saved draft of a visit, if any.
   * @param visitId - the visit
   */
  load(visitId: string): VisitDraft | undefined {
    try {
      const raw = this.storage.getItem(PREFIX + visitId);
      return raw ? (JSON.parse(raw) as VisitDraft) : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * Saves a draft (called on every change; small enough to write synchronously).
   * @param draft - the note
   */
  save(draft: VisitDraft): void {
    try {
      this.storage.setItem(PREFIX + draft.visitId, JSON.stringify(draft));
    } catch {
      // Storage full or disabled (private mode): the server save still runs.
    }
  }

  /**
   * Records that the note was open, with its timer running, at this instant: after a closed tab or a crash, it is
   * the last instant the therapist was known to be timing.
   * @param visitId - the visit
   * @param at - epoch ms
   */
  markSeen(visitId: string, at: number): void {
    try {
      this.storage.setItem(SEEN + visitId, String(at));
    } catch {
      // Storage full or disabled: the draft's own updatedAt is the fallback.
    }
  }

  /**
   * The last instant `markSeen` recorded for a visit, if any.
   * @param visitId - the visit
   */
  lastSeen(visitId: string): number | undefined {
    try {
      const raw = this.storage.getItem(SEEN + visitId);
      const at = raw === null ? Number.NaN : Number(raw);
      return Number.isFinite(at) ? at : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * Forgets a draft once the server holds it signed.
   * @param visitId - the visit
   */
  clear(visitId: string): void {
    this.storage.removeItem(PREFIX + visitId);
    this.storage.removeItem(SEEN + visitId);
  }
}
