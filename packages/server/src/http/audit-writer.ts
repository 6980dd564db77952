import type { NewAuditEntry, Store } from '@unitwise/store';

/** One queued entry and the request waiting for it. */
interface Pending {
  entry: NewAuditEntry & { clinicId: string };
  done: () => void;
  failed: (err: unknown) => void;
}

/**
 * Writes the audit entries of concurrent requests together: entries queued while the event loop is busy go to the
 * store in one statement (one commit) on the next turn, and each request waits for its own entry to be written
 * before it answers, so no answer is sent for an access that is not logged.
 */
export class AuditWriter {
  private queue: Pending[] = [];
  private scheduled = false;

  /** @param store - where the entries go */
  constructor(private readonly store: Store) {}

  /**
   * Queues an entry; resolves once it is written, rejects if its batch failed.
   * @param clinicId - the clinic whose data was accessed
   * @param entry - who, what, which patient, from where
   */
  write(clinicId: string, entry: NewAuditEntry): Promise<void> {
    return new Promise<void>((done, failed) => {
      this.queue.push({ entry: { ...entry, clinicId }, done, failed });
      if (!this.scheduled) {
        this.scheduled = true;
        // setImmediate runs after this turn's I/O callbacks: requests that arrived together share the write.
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    this.scheduled = false;
    try {
      await this.store.audit.appendMany(batch.map((p) => p.entry));
      for (const p of batch) p.done();
    } catch (err) {
      for (const p of batch) p.failed(err);
    }
  }
}
