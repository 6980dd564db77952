import type { QueueStorage } from '../api/retry-queue.ts';
import type { VisitDraft } from './draft.ts';

const PREFIX = 'unitwise.draft.';

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
   * Forgets a draft once the server holds it signed.
   * @param visitId - the visit
   */
  clear(visitId: string): void {
    this.storage.removeItem(PREFIX + visitId);
  }
}
