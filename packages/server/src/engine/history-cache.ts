import type { Auditor } from '@unitwise/rules';
import { LRUCache } from 'lru-cache';

/**
 * Patients whose replayed history one process keeps; past it the least recently saved goes. Each entry is the
 * fingerprints of the patient's descriptions (up to 200 visits) and a 64-text memo: tens of kilobytes at most.
 */
const MAX_PATIENTS = 1_000;

/** A patient's earlier visits replayed into an auditor, and the key of exactly what was replayed. */
interface Entry {
  key: string;
  auditor: Auditor;
}

/**
 * Replayed patient histories, so that saving a note again (autosave, a second edit) judges it against the earlier
 * visits without reading and replaying them each time. An entry is used only when its key (payer, plans, policies,
 * the ids and versions of the earlier visits) equals the one computed from the store now, so a change made by any
 * process shows at once.
 */
export class HistoryCache {
  private readonly entries = new LRUCache<string, Entry>({ max: MAX_PATIENTS });

  /**
   * The auditor replayed for this patient under this key, if any.
   * @param patient - clinic and patient id
   * @param key - the history's key
   */
  get(patient: string, key: string): Auditor | undefined {
    // peek first: a stale entry (another key) must not count as recently used.
    const e = this.entries.peek(patient);
    if (!e || e.key !== key) return undefined;
    this.entries.get(patient);
    return e.auditor;
  }

  /**
   * Keeps a replayed auditor.
   * @param patient - clinic and patient id
   * @param key - the history's key
   * @param auditor - the auditor that replayed it (only `peekVisit` is called on it afterwards)
   */
  set(patient: string, key: string, auditor: Auditor): void {
    this.entries.set(patient, { key, auditor });
  }

  /** How many patients are kept (tests). */
  get size(): number {
    return this.entries.size;
  }
}
